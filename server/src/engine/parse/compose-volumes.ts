import type { Node, YAMLMap, YAMLSeq } from 'yaml';
import type { Span } from '../types';
import { entriesOf, innerSpan, isTruthy, scalarText, seqItems, type Entry, type YDoc, isMap, isScalar } from './compose-yaml';

/** One item of a service's `volumes`: `./a:/b:ro`, `data:/var/lib/x`, or the long mapping form. */
export interface VolumeEntry {
  seq: YAMLSeq;
  index: number;
  node: Node | null;
  span: Span;
  long: boolean;
  /** `bind` for host paths, `volume` for named/anonymous volumes, else the long syntax's `type`. */
  type: string;
  /** Host path or volume name, as written; undefined for an anonymous volume. */
  source?: string;
  sourceSpan?: Span;
  target?: string;
  /** Short syntax: the third part (`ro`, `rw,z`); undefined when absent. */
  mode?: string;
  readOnly: boolean;
  raw?: string;
  map?: YAMLMap;
  entries?: Map<string, Entry>;
}

/** Splits `SRC:DST[:MODE]`, keeping a Windows drive letter (`C:\x`) and `${VAR:-default}` whole. */
function splitVolume(s: string): { text: string; at: number }[] {
  const parts: { text: string; at: number }[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '$' && s[i + 1] === '$') { i++; continue; }
    if (s[i] === '$' && s[i + 1] === '{') { depth++; i++; continue; }
    if (s[i] === '}' && depth > 0) { depth--; continue; }
    if (s[i] !== ':' || depth > 0) continue;
    if (i - start === 1 && /[A-Za-z]/.test(s[start]) && /[\\/]/.test(s[i + 1] ?? '')) continue;
    parts.push({ text: s.slice(start, i), at: start });
    start = i + 1;
  }
  parts.push({ text: s.slice(start), at: start });
  return parts;
}

/** Compose treats a source starting like a path (`/`, `.`, `~`, a variable, a drive letter) as a bind mount. */
export function isHostPath(source: string): boolean {
  return /^([/.~$]|[A-Za-z]:[\\/]|\\\\)/.test(source);
}

export function readVolumes(doc: YDoc, text: string, seq: YAMLSeq | undefined): VolumeEntry[] {
  const out: VolumeEntry[] = [];
  if (!seq) return out;
  for (const it of seqItems(doc, seq)) {
    const base = { seq, index: it.index, node: it.node, span: it.span };
    if (it.node && isMap(it.node)) {
      const entries = entriesOf(doc, it.node);
      const source = scalarText(doc, entries.get('source')?.value);
      const type = scalarText(doc, entries.get('type')?.value) ?? (source && isHostPath(source) ? 'bind' : 'volume');
      out.push({
        ...base, long: true, type, source, sourceSpan: entries.get('source')?.valueSpan,
        target: scalarText(doc, entries.get('target')?.value),
        readOnly: isTruthy(scalarText(doc, entries.get('read_only')?.value)),
        map: it.node, entries,
      });
      continue;
    }
    const raw = scalarText(doc, it.node);
    if (raw === undefined || !isScalar(it.node)) continue;
    const parts = splitVolume(raw);
    if (parts.length === 1) {
      out.push({ ...base, long: false, type: 'volume', target: parts[0].text, readOnly: false, raw });
      continue;
    }
    const [src, dst, mode] = parts;
    const modes = mode ? mode.text.split(',') : [];
    out.push({
      ...base, long: false, raw,
      type: isHostPath(src.text) ? 'bind' : 'volume',
      source: src.text,
      sourceSpan: innerSpan(text, it.node, src.at, src.at + src.text.length).span,
      target: dst.text,
      mode: mode?.text,
      readOnly: modes.includes('ro'),
    });
  }
  return out;
}
