import { compareVersions } from '../config';
import type { NginxArg } from '../parse/nginx';
import { hasInheritDirective, type NginxConfig } from './view';
import { childrenNamed, lastChild, type ConfNode } from './tree';

/**
 * The effective-headers model: the response headers nginx adds in each http/server/location/if
 * block. nginx inherits the `add_header` list of the enclosing level only when a level has none
 * of its own; `add_header_inherit on|off|merge` (nginx >= 1.29.3, itself inherited) changes that.
 * `more_set_headers` (headers-more) has its own list with the same inheritance and applies to
 * every status by default. Every header rule reads this one model.
 */
export interface HeaderEntry {
  name: string;
  /** Lower-cased name. */
  key: string;
  value: string;
  /** The value token (add_header) or the whole `Name: value` token (more_set_headers). */
  valueArg?: NginxArg;
  /** Sent on every status (add_header `always`, more_set_headers without -s). */
  always: boolean;
  node: ConfNode;
}

export type InheritMode = 'on' | 'off' | 'merge';

/** The lists are shared between levels (a block without headers of its own has its parent's): read them, never change them. */
export interface HeaderLevel {
  /** The block (undefined: the top level of the root file, which is the http level of a fragment). */
  node: ConfNode | undefined;
  /** Headers set in this block itself, includes expanded, in order. */
  own: readonly HeaderEntry[];
  /** What responses handled at this level carry. */
  effective: readonly HeaderEntry[];
  /** What the enclosing level sends. */
  inherited: readonly HeaderEntry[];
  /** Inherited headers that this level no longer sends because it has headers of its own. */
  dropped: readonly HeaderEntry[];
  mode: InheritMode;
}

const NO_ENTRIES: readonly HeaderEntry[] = Object.freeze([]);

export const HEADER_LEVELS = new Set(['http', 'server', 'location', 'if']);

/** The headers the security rules care about; their loss through inheritance is reported. */
export const SECURITY_HEADERS = new Set([
  'strict-transport-security', 'content-security-policy', 'x-frame-options', 'x-content-type-options',
  'referrer-policy', 'permissions-policy', 'cross-origin-opener-policy', 'cross-origin-embedder-policy',
  'cross-origin-resource-policy',
]);

/** Nearest enclosing header level of a node (undefined = the file's top level). */
export function levelParent(n: ConfNode): ConfNode | undefined {
  for (let p = n.parent; p; p = p.parent) if (HEADER_LEVELS.has(p.name)) return p;
  return undefined;
}

export class HeaderModel {
  private readonly cache = new Map<ConfNode | undefined, HeaderLevel>();
  private readonly inheritSupported: boolean;

  constructor(readonly cfg: NginxConfig, nginxVersion: string) {
    // nginx before 1.29.3 refuses a config with `add_header_inherit`: a config that uses it runs on 1.29.3+.
    this.inheritSupported = compareVersions(nginxVersion, '1.29.3') >= 0 || hasInheritDirective(cfg);
  }

  at(node: ConfNode | undefined): HeaderLevel {
    const hit = this.cache.get(node);
    if (hit) return hit;
    const kids = node ? node.children ?? [] : this.cfg.nodes;
    const parent = node ? this.at(levelParent(node)) : undefined;
    const mode = this.modeOf(kids, parent?.mode ?? 'on');
    const adds = childrenNamed(undefined, 'add_header', kids);
    const mores = childrenNamed(undefined, 'more_set_headers', kids);
    if (parent && mode !== 'off' && mode === parent.mode && !adds.length && !mores.length) {
      // Most locations set no header: they send what the enclosing level sends (the lists are shared, read-only).
      const level: HeaderLevel = { node, own: NO_ENTRIES, effective: parent.effective, inherited: parent.effective, dropped: NO_ENTRIES, mode };
      this.cache.set(node, level);
      return level;
    }
    // Built with loops, not filter/spread chains: every server and location of a large config gets a level.
    const ownAdd: HeaderEntry[] = [];
    for (const c of adds) {
      const e = fromAddHeader(c);
      if (e) ownAdd.push(e);
    }
    const ownMore: HeaderEntry[] = [];
    for (const c of mores) addMoreSetHeaders(c, ownMore);
    const inherited = parent?.effective ?? [];
    // What stays of the enclosing level: its add_header list unless this level replaces it, its more_set_headers likewise.
    const keepAdd = mode === 'merge' || (mode !== 'off' && !ownAdd.length);
    const own = ownMore.length ? ownAdd.concat(ownMore) : ownAdd;
    let effective: readonly HeaderEntry[] = own;
    if (inherited.length) {
      const list: HeaderEntry[] = [];
      if (keepAdd) for (const e of inherited) if (e.node.name === 'add_header') list.push(e);
      for (const e of ownAdd) list.push(e);
      if (!ownMore.length) for (const e of inherited) if (e.node.name === 'more_set_headers') list.push(e);
      for (const e of ownMore) list.push(e);
      effective = list;
    }
    const dropped = mode === 'off' || !inherited.length ? NO_ENTRIES : inherited.filter((e) => !effective.includes(e));
    const level: HeaderLevel = { node, own, effective, inherited, dropped, mode };
    this.cache.set(node, level);
    return level;
  }

  private modeOf(kids: readonly ConfNode[], inheritedMode: InheritMode): InheritMode {
    if (!this.inheritSupported) return 'on';
    const d = lastChild(undefined, 'add_header_inherit', kids);
    const v = d?.args[0]?.value;
    return v === 'merge' || v === 'off' || v === 'on' ? v : inheritedMode;
  }
}

/** The entry for a header name in a list (the last one set wins in what a client reads). */
export function findHeader(list: readonly HeaderEntry[], key: string): HeaderEntry | undefined {
  const k = key.toLowerCase();
  for (let i = list.length - 1; i >= 0; i--) if (list[i].key === k) return list[i];
  return undefined;
}

/** An empty value removes the header in nginx (`add_header X "";` sends nothing). */
export function sends(list: readonly HeaderEntry[], key: string): HeaderEntry | undefined {
  const e = findHeader(list, key);
  return e && e.value.trim() !== '' ? e : undefined;
}

function fromAddHeader(n: ConfNode): HeaderEntry | undefined {
  const args = n.args;
  if (!args.length) return undefined;
  const name = args[0];
  const value = args[1] as NginxArg | undefined;
  let always = false;
  for (let i = 2; i < args.length && !always; i++) always = args[i].value === 'always';
  return {
    name: name.value, key: name.value.toLowerCase(), value: value?.value ?? '', valueArg: value,
    always, node: n,
  };
}

/** Appends the entries of one `more_set_headers` node to `out`. */
function addMoreSetHeaders(n: ConfNode, out: HeaderEntry[]): void {
  let statusLimited = false;
  for (let i = 0; i < n.args.length; i++) {
    const a = n.args[i];
    if (a.value === '-s') { statusLimited = true; i++; continue; }
    if (a.value === '-t') { i++; continue; }
    const m = /^\s*([^:\s]+)\s*:\s*(.*)$/s.exec(a.value);
    if (!m) continue;
    out.push({ name: m[1], key: m[1].toLowerCase(), value: m[2], valueArg: a, always: !statusLimited, node: n });
  }
}

/** Appends the header entries one `add_header` / `more_set_headers` node sets to `out` (no list per node). */
export function appendEntries(n: ConfNode, out: HeaderEntry[]): void {
  if (n.name === 'add_header') {
    const e = fromAddHeader(n);
    if (e) out.push(e);
  } else if (n.name === 'more_set_headers') addMoreSetHeaders(n, out);
}
