import type { Node, YAMLMap, YAMLSeq } from 'yaml';
import type { Span } from '../types';
import { entriesOf, innerSpan, scalarText, seqItems, type Entry, type YDoc, isMap, isScalar } from './compose-yaml';
import { interpolate, withDefaults, type Lookup } from './interpolation';

/** One item of a service's `ports`, short (`"127.0.0.1:5432:5432/tcp"`) or long syntax. */
export interface PortEntry {
  seq: YAMLSeq;
  index: number;
  node: Node | null;
  /** The whole list item. */
  span: Span;
  long: boolean;
  /** The short-syntax string as compose reads it. */
  raw?: string;
  /** Host address as written, brackets removed; undefined when none is given (all interfaces). */
  hostIp?: string;
  /** Where the host address is written (short syntax: inside the string when exact; long: the value). */
  hostIpSpan?: Span;
  /** Host port or range as written (`5432`, `${PORT:-5432}`); '' or undefined when Docker picks one. */
  published?: string;
  /** `published` with variable defaults applied; undefined when a variable has no default. */
  publishedValue?: string;
  /** The host address comes out of a variable that also holds the port (`${SQL_PORT:-127.0.0.1:13306}:3306`). */
  hostIpInVariable?: boolean;
  /** The whole mapping comes out of one variable (`${EXPOSE_PORT-127.0.0.1:2283:2283}`): its parts are the default's. */
  specInVariable?: boolean;
  target?: string;
  protocol?: string;
  /** Long syntax: the item's mapping and its keys. */
  map?: YAMLMap;
  entries?: Map<string, Entry>;
}

export interface PortSpec { hostIp?: string; hostIpAt?: [number, number]; published?: string; target: string; protocol?: string }

/** Splits on `:` outside `${...}` and `[...]`, returning each part with its offset. */
function splitColons(s: string): { text: string; at: number }[] {
  const parts: { text: string; at: number }[] = [];
  let depth = 0, bracket = false, start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '$' && s[i + 1] === '{') { depth++; i++; continue; }
    if (c === '}' && depth > 0) { depth--; continue; }
    if (c === '[' && depth === 0) bracket = true;
    else if (c === ']' && depth === 0) bracket = false;
    else if (c === ':' && depth === 0 && !bracket) { parts.push({ text: s.slice(start, i), at: start }); start = i + 1; }
  }
  parts.push({ text: s.slice(start), at: start });
  return parts;
}

/** Parses compose's short port syntax `[[IP:](HOST|RANGE):]CONTAINER[/PROTO]`; IPv6 in brackets or bare. */
export function parsePortSpec(input: string): PortSpec {
  let s = input.trim();
  const lead = input.indexOf(s);
  let protocol: string | undefined;
  const slash = s.lastIndexOf('/');
  if (slash >= 0 && !s.slice(slash).includes('}')) { protocol = s.slice(slash + 1); s = s.slice(0, slash); }
  const parts = splitColons(s);
  const target = parts[parts.length - 1].text;
  if (parts.length === 1) return { target, protocol };
  const published = parts[parts.length - 2].text;
  if (parts.length === 2) return { published, target, protocol };
  const ipParts = parts.slice(0, -2);
  const from = ipParts[0].at;
  const to = ipParts[ipParts.length - 1].at + ipParts[ipParts.length - 1].text.length;
  let hostIp = s.slice(from, to);
  let hostIpAt: [number, number] = [lead + from, lead + to];
  if (/^\[.*\]$/.test(hostIp)) { hostIp = hostIp.slice(1, -1); hostIpAt = [hostIpAt[0] + 1, hostIpAt[1] - 1]; }
  return { hostIp, hostIpAt, published, target, protocol };
}

export function readPorts(doc: YDoc, text: string, seq: YAMLSeq | undefined): PortEntry[] {
  const out: PortEntry[] = [];
  if (!seq) return out;
  for (const it of seqItems(doc, seq)) {
    const base = { seq, index: it.index, node: it.node, span: it.span };
    if (it.node && isMap(it.node)) {
      const entries = entriesOf(doc, it.node);
      const ip = entries.get('host_ip');
      const ipText = ip ? scalarText(doc, ip.value) : undefined;
      out.push({
        ...base, long: true, map: it.node, entries,
        hostIp: ipText === undefined || ipText === '' ? undefined : ipText.replace(/^\[(.*)\]$/, '$1'),
        hostIpSpan: ip?.valueSpan,
        published: scalarText(doc, entries.get('published')?.value),
        publishedValue: withDefaults(scalarText(doc, entries.get('published')?.value) ?? ''),
        target: scalarText(doc, entries.get('target')?.value),
        protocol: scalarText(doc, entries.get('protocol')?.value),
      });
      continue;
    }
    const raw = scalarText(doc, it.node);
    if (raw === undefined || !isScalar(it.node)) continue;
    const spec = parsePortSpec(raw);
    const resolved = raw.includes('$') ? withDefaults(raw) : raw;
    const value = resolved === undefined ? undefined : parsePortSpec(resolved);
    const entry: PortEntry = {
      ...base, long: false, raw, published: spec.published, target: spec.target, protocol: spec.protocol,
      publishedValue: value && value.target === withDefaults(spec.target) ? value.published : undefined,
    };
    if (spec.published === undefined && spec.target.includes('$') && value && value.published !== undefined) {
      // `${EXPOSE_PORT-:2283:2283}`: the colons are the variable's, so describe the mapping by its default.
      Object.assign(entry, { published: value.published, publishedValue: value.published, target: value.target, protocol: value.protocol, specInVariable: true });
      if (value.hostIp) Object.assign(entry, { hostIp: value.hostIp, hostIpSpan: it.span, hostIpInVariable: true });
      out.push(entry);
      continue;
    }
    if (spec.hostIp !== undefined && spec.hostIp !== '') {
      entry.hostIp = spec.hostIp;
      entry.hostIpSpan = spec.hostIpAt ? innerSpan(text, it.node, spec.hostIpAt[0], spec.hostIpAt[1]).span : it.span;
    } else if (value?.hostIp) {
      entry.hostIp = value.hostIp;
      entry.hostIpSpan = it.span;
      entry.hostIpInVariable = true;
    }
    out.push(entry);
  }
  return out;
}

/** The host ports of a published range (`8000-8002` -> 8000, 8001, 8002); empty when not a number. */
export function portNumbers(range: string | undefined): number[] {
  if (!range) return [];
  const m = /^(\d+)(?:-(\d+))?$/.exec(range.trim());
  if (!m) return [];
  const a = Number(m[1]);
  const b = m[2] ? Number(m[2]) : a;
  if (b < a || b - a > 65535) return [];
  const out: number[] = [];
  for (let p = a; p <= b && out.length < 1000; p++) out.push(p);
  return out;
}

/**
 * The host address and host port a published port gets once its `${VAR}`s are read from the project's
 * `.env` (defaults when the `.env` lacks them). `hostIp` undefined means none (all interfaces); a value
 * that still cannot be known stays as written (`${BIND_IP}`), for `bindScope` to call unknown.
 */
export function resolvePort(port: PortEntry, lookup: Lookup): { hostIp?: string; published?: string } {
  const asWritten = { hostIp: port.hostIp, published: port.publishedValue };
  if (port.long) {
    const ip = port.hostIp?.includes('$') ? interpolate(port.hostIp, lookup) : port.hostIp;
    const published = port.published?.includes('$') ? interpolate(port.published, lookup) : port.published;
    return { hostIp: ip === undefined ? port.hostIp : ip.replace(/^\[(.*)\]$/, '$1') || undefined, published: published ?? port.publishedValue };
  }
  if (port.raw === undefined || !port.raw.includes('$')) return asWritten;
  const value = interpolate(port.raw, lookup);
  if (value === undefined) return asWritten;
  const spec = parsePortSpec(value);
  return { hostIp: spec.hostIp || undefined, published: spec.published };
}
