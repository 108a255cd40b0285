import { BoundedMap } from '../bounded-map';
import { capturesOf, canContain, startsWith } from './regex';
import { childrenNamed, topLevelOf, type ConfNode } from './tree';

/**
 * Where the value of an nginx variable comes from, as the injection rules (http-splitting,
 * ssrf, host-spoofing) need it: can it hold a newline or a dot, must it start with `/`, is it
 * taken from the request. Variables set with `set` are followed, and so are `map` and `geo`
 * results (any of their values, the empty string when there is no `default`); `$1`..`$9` and
 * named groups come from the nearest enclosing regex location or `if (... ~ ...)`.
 */
export interface VarInfo {
  /** As written, without `$` and braces, lower-cased (nginx variable names ignore case). */
  name: string;
  /** Offsets of `$name` / `${name}` in the script. */
  start: number;
  end: number;
  newline: boolean;
  cr: boolean;
  dot: boolean;
  slashFirst: boolean;
  /** Taken from the request (URI, arguments, headers, cookies, a capture of them). */
  request: boolean;
  /** For messages: "$2 (captured by `(\W*)`)". */
  label: string;
  /** The builtin variables or captures the value is made of (`set` followed). */
  roots: string[];
}

/** `$name` and `${name}` references of a script, in order. */
export function varRefs(script: string): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  eachRef(script, (name, start, end) => { out.push({ name, start, end }); });
  return out;
}

/** Calls `fn` for each reference of `script` in order (lower-cased name, offsets), without a match array per reference. */
function eachRef(script: string, fn: (name: string, start: number, end: number) => void): void {
  for (let i = script.indexOf('$'); i !== -1; i = script.indexOf('$', i)) {
    const end = refEnd(script, i);
    if (end < 0) { i++; continue; }
    fn(refName(script, i, end), i, end);
    i = end;
  }
}

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * Where the reference starting at the `$` at `i` ends, or -1 when that `$` starts none. The scan
 * of `/\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z_][A-Za-z0-9_]*|[0-9]))/g`, without a match array per reference.
 */
function refEnd(s: string, i: number): number {
  const c = s.charCodeAt(i + 1);
  if (c === 123) {
    let j = i + 2;
    while (isWordCode(s.charCodeAt(j))) j++;
    return j > i + 2 && s.charCodeAt(j) === 125 ? j + 1 : -1;
  }
  if (c >= 48 && c <= 57) return i + 2;
  if (!isWordCode(c)) return -1;
  let j = i + 2;
  while (isWordCode(s.charCodeAt(j))) j++;
  return j;
}

function refName(s: string, i: number, end: number): string {
  return (s.charCodeAt(i + 1) === 123 ? s.slice(i + 2, end - 1) : s.slice(i + 1, end)).toLowerCase();
}

interface Taint { newline: boolean; cr: boolean; dot: boolean; slashFirst: boolean; request: boolean; label: string; roots: string[] }

const SAFE: Omit<Taint, 'label' | 'roots'> = { newline: false, cr: false, dot: false, slashFirst: false, request: false };

function builtin(name: string): Omit<Taint, 'label' | 'roots'> | undefined {
  if (name === 'uri' || name === 'document_uri') return { newline: true, cr: true, dot: true, slashFirst: true, request: true };
  if (name === 'request_uri') return { newline: false, cr: false, dot: true, slashFirst: true, request: true };
  if (/^(arg_|cookie_|http_)/.test(name) || name === 'args' || name === 'query_string') return { newline: false, cr: false, dot: true, slashFirst: false, request: true };
  return undefined;
}

/** The regex that sets `$1`.. at `node`: the innermost enclosing `if` with `~`, or regex location. */
interface Provider { pattern: string; where: string; subject: Omit<Taint, 'label' | 'roots'> }

/** `location ~` regexes match the decoded URI; an `if` regex matches its subject variable, whose limits the captures keep. */
function regexProviders(node: ConfNode): Provider[] {
  const out: Provider[] = [];
  const decodedUri = builtin('uri')!;
  for (let p = node.parent; p; p = p.parent) {
    if (p.name !== 'location' && p.name !== 'if') continue;
    const a = p.args.map((x) => x.value);
    if (p.name === 'location' && (a[0] === '~' || a[0] === '~*') && a[1]) out.push({ pattern: a[1], where: 'location', subject: decodedUri });
    else if (p.name === 'location' && /^~\*?[^\s*]/.test(a[0] ?? '')) out.push({ pattern: a[0].replace(/^~\*?/, ''), where: 'location', subject: decodedUri });
    else if (p.name === 'if') {
      const i = a.findIndex((x) => x === '~' || x === '~*');
      if (i > 0 && a[i + 1] !== undefined) {
        const subject = builtin((a[0].replace(/^\$\{?|\}$/g, '')).toLowerCase()) ?? SAFE;
        out.push({ pattern: a[i + 1], where: 'if', subject });
      }
    }
  }
  return out;
}

/** The `set $name ...;` in force at `node`: in its block or an enclosing one (rewrite directives run before the content phase). */
function setOf(node: ConfNode, name: string): ConfNode | undefined {
  for (let p = node.parent; p; p = p.parent) {
    const set = setsIn(p).get(name);
    if (set) return set;
  }
  return undefined;
}

// Asked for every variable of every header: an http block has every server as a child, so its
// `set`s are indexed once (the last `set` of a name wins) instead of being searched each time.
const setIndex = new WeakMap<ConfNode, ReadonlyMap<string, ConfNode>>();

const NO_VARS: ReadonlyMap<string, ConfNode> = new Map();

function setsIn(block: ConfNode): ReadonlyMap<string, ConfNode> {
  let index = setIndex.get(block);
  if (!index) {
    const sets = childrenNamed(block, 'set');
    if (!sets.length) index = NO_VARS;
    else {
      const byName = new Map<string, ConfNode>();
      for (const c of sets) {
        if (c.args[0]) byName.set(c.args[0].value.toLowerCase().replace(/^\$\{?|\}$/g, ''), c);
      }
      index = byName;
    }
    setIndex.set(block, index);
  }
  return index;
}

// `map`/`geo` blocks sit at the http level: in an enclosing `http` block, or at the top level of a
// fragment (reached through `topLevelOf`). Indexed by the block's child list, the last one of a name wins.
const mapIndex = new WeakMap<readonly ConfNode[], ReadonlyMap<string, ConfNode>>();

function mapsIn(list: readonly ConfNode[]): ReadonlyMap<string, ConfNode> {
  let index = mapIndex.get(list);
  if (!index) {
    const maps = childrenNamed(undefined, 'map', list), geos = childrenNamed(undefined, 'geo', list);
    if (!maps.length && !geos.length) index = NO_VARS;
    else {
      const byName = new Map<string, ConfNode>();
      for (const c of list) {
        const target = (c.name === 'map' || c.name === 'geo') && c.children ? c.args[c.args.length - 1] : undefined;
        if (target && c.args.length <= 2) byName.set(target.value.toLowerCase().replace(/^\$\{?|\}$/g, ''), c);
      }
      index = byName;
    }
    mapIndex.set(list, index);
  }
  return index;
}

function mapOf(node: ConfNode, name: string): ConfNode | undefined {
  for (let p = node.parent; p; p = p.parent) {
    const hit = p.children && mapsIn(p.children).get(name);
    if (hit) return hit;
  }
  const top = topLevelOf(node);
  return top && mapsIn(top).get(name);
}

/** Lines of a `map`/`geo` block that are parameters, not `key value;` entries. */
const MAP_PARAMS = new Set(['hostnames', 'volatile', 'include']);
const GEO_PARAMS = new Set(['proxy', 'proxy_recursive', 'delete', 'ranges', 'include']);

/**
 * What a `map`/`geo` result may hold: the union over its values. A `geo` value is literal text; a
 * `map` value may hold variables. It starts with `/` only when every value does, the default too.
 */
function mapTaint(m: ConfNode, name: string, depth: number): Taint {
  const geo = m.name === 'geo';
  const params = geo ? GEO_PARAMS : MAP_PARAMS;
  const entries = (m.children ?? []).filter((c) => !params.has(c.name) && c.args.length);
  const values: [ConfNode, string][] = entries.map((c) => [c, c.args[c.args.length - 1].value]);
  if (!entries.some((c) => c.name === 'default')) values.push([m, '']);
  const t: Taint = { ...SAFE, slashFirst: true, label: `$${name}`, roots: [] };
  for (const [at, value] of values) {
    const inner = geo ? [] : analyse(at, value, depth + 1);
    const first = inner.find((v) => v.start === 0);
    t.slashFirst &&= value.startsWith('/') || !!first?.slashFirst;
    for (const v of inner) {
      t.newline ||= v.newline; t.cr ||= v.cr; t.dot ||= v.dot; t.roots.push(...v.roots);
      if (v.request && !t.request) { t.request = true; t.label = `$${name} (mapped from ${v.label})`; }
    }
  }
  return t;
}

// Everything taintOf reads hangs off `node.parent` (sets, maps, regex locations), so the answer is
// the same for every directive of a block: the proxy_set_header lines of each location ask it again and again.
interface ScopeTaints {
  /** No `set`, `map`/`geo` or regex (`if`, `location ~`) in this block, its ancestors or the top level: every variable is a builtin or plain. */
  plain: boolean;
  /** Per depth (up to 6), per name. */
  byDepth: Map<string, Taint>[];
}

const scopeCache = new WeakMap<ConfNode, ScopeTaints>();

function scopeOf(scope: ConfNode): ScopeTaints {
  let s = scopeCache.get(scope);
  if (!s) {
    const above = scope.parent ? scopeOf(scope.parent).plain : !topHasMaps(scope);
    s = { plain: above && definesNothing(scope), byDepth: [] };
    scopeCache.set(scope, s);
  }
  return s;
}

/** Nothing in this block that `setOf`, `mapOf` or `regexProviders` could find (an `if` is never taken as such). */
function definesNothing(p: ConfNode): boolean {
  if (p.name === 'if' || (p.name === 'location' && (p.args[0]?.value ?? '').startsWith('~'))) return false;
  return !childrenNamed(p, 'set').length && !(p.children && mapsIn(p.children).size);
}

function topHasMaps(root: ConfNode): boolean {
  const top = topLevelOf(root);
  return !!top && mapsIn(top).size > 0;
}

function taintOf(node: ConfNode, name: string, depth: number): Taint {
  const scope = node.parent;
  if (!scope) return computeTaint(node, name, depth);
  const s = scopeOf(scope);
  // What computeTaint finds when nothing in scope defines variables, without looking for them.
  if (s.plain) return builtinTaint(name) ?? plainTaint(name);
  let byName = s.byDepth[depth];
  if (!byName) s.byDepth[depth] = byName = new Map<string, Taint>();
  let t = byName.get(name);
  if (!t) byName.set(name, t = computeTaint(node, name, depth));
  return t;
}

// Results that depend on the name alone, shared (nobody changes a Taint): most variables are builtins or plain.
// Bounded: a long editing session types new names and scripts without end.
const builtinTaints = new BoundedMap<string, Taint | null>(4096);
const plainTaints = new BoundedMap<string, Taint>(4096);

function builtinTaint(name: string): Taint | undefined {
  let t = builtinTaints.get(name);
  if (t === undefined) {
    const b = builtin(name);
    builtinTaints.set(name, t = b ? { ...b, label: `$${name}`, roots: [name] } : null);
  }
  return t ?? undefined;
}

function plainTaint(name: string): Taint {
  let t = plainTaints.get(name);
  if (!t) plainTaints.set(name, t = { ...SAFE, label: `$${name}`, roots: [] });
  return t;
}

function computeTaint(node: ConfNode, name: string, depth: number): Taint {
  const b = builtinTaint(name);
  if (b) return b;
  if (depth < 6) {
    const set = setOf(node, name);
    const map = set ? undefined : mapOf(node, name);
    if (map) return mapTaint(map, name, depth);
    if (set && set.args[1]) {
      const inner = analyse(set, set.args[1].value, depth + 1);
      const first = inner.find((v) => v.start === 0);
      const t: Taint = { ...SAFE, label: `$${name}`, roots: inner.flatMap((v) => v.roots) };
      for (const v of inner) {
        t.newline ||= v.newline; t.cr ||= v.cr; t.dot ||= v.dot; t.request ||= v.request;
        if (v.request) t.label = `$${name} (set from ${v.label})`;
      }
      t.slashFirst = set.args[1].value.startsWith('/') || !!first?.slashFirst;
      return t;
    }
  }
  for (const prov of regexProviders(node)) {
    const caps = capturesOf(prov.pattern);
    const cap = /^\d$/.test(name) ? caps.find((c) => c.index === Number(name)) : caps.find((c) => c.name?.toLowerCase() === name);
    if (/^\d$/.test(name) && !cap) return plainTaint(name);
    if (!cap) continue;
    const subj = prov.subject;
    if (!subj.request) return plainTaint(name);
    return {
      newline: subj.newline && canContain(cap.body, '\n'), cr: subj.cr && canContain(cap.body, '\r'), dot: subj.dot && canContain(cap.body, '.'),
      slashFirst: startsWith(cap.body, '/'), request: true,
      label: `$${name} (captured by "(${cap.body})" in the ${prov.where} regex)`, roots: [`$${name}`],
    };
  }
  return plainTaint(name);
}

// Where nothing in scope defines variables, what a script holds depends on its text alone: the
// `$host`, `$remote_addr` of every server's proxy_set_header lines are read once, not once per server.
const plainScripts = new BoundedMap<string, readonly VarInfo[]>(4096);

/** Every variable of `script` (an argument of `node`) with what it may hold. Shared: read it, never change it. */
export function analyse(node: ConfNode, script: string, depth = 0): readonly VarInfo[] {
  if (depth !== 0 || !node.parent || !scopeOf(node.parent).plain) return analyseRefs(node, script, depth);
  let out = plainScripts.get(script);
  if (!out) {
    plainScripts.set(script, out = analyseRefs(node, script, depth));
  }
  return out;
}

function analyseRefs(node: ConfNode, script: string, depth: number): VarInfo[] {
  const out: VarInfo[] = [];
  eachRef(script, (name, start, end) => {
    const t = taintOf(node, name, depth);
    // Spelled out rather than spread: one object shape for every VarInfo.
    out.push({ newline: t.newline, cr: t.cr, dot: t.dot, slashFirst: t.slashFirst, request: t.request, label: t.label, roots: t.roots, name, start, end });
  });
  return out;
}

/** The `set`, `map` or `geo` that defines `$name` where `node` runs (a `set` in scope first, like `taintOf`). */
export function definitionOf(node: ConfNode, name: string): ConfNode | undefined {
  return setOf(node, name) ?? mapOf(node, name);
}
