import type { Finding } from './types';
import { didYouMean, isRuleId } from './rules/ids';

/**
 * Suppression comments, the same in all three languages (ARCHITECTURE.md, Editor):
 *   # deploylint-disable-next-line <rule>[, <rule>] [-- reason]
 *   # deploylint-disable <rule>[, <rule>] [-- reason]      (whole file)
 * With no rule named, every rule is silenced.
 */
const DIRECTIVE = /^[ \t]*#+[ \t]*deploylint-(disable-next-line|disable)\b([^\r\n]*)/;

export interface Suppressions {
  file: Set<string> | 'all';
  lines: Map<number, Set<string> | 'all'>;
  /** Ids named in a directive that are no rule: they silence nothing, so the lint reports them. */
  unknown: UnknownRuleId[];
}

/** A misspelt or retired id in a directive, placed on its line (0-based line and characters). */
export interface UnknownRuleId { line: number; start: number; end: number; message: string }

export function readSuppressions(text: string): Suppressions {
  const result: Suppressions = { file: new Set(), lines: new Map(), unknown: [] };
  if (!text.includes('deploylint-disable')) return result;
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = DIRECTIVE.exec(lines[i]);
    if (!m) continue;
    const rules = parseRuleList(m[2], m[0].length - m[2].length, i, result.unknown);
    if (m[1] === 'disable') result.file = merge(result.file, rules);
    else result.lines.set(i + 1, merge(result.lines.get(i + 1) ?? new Set(), rules));
  }
  return result;
}

/** `rest` starts at character `at` of line `line`. */
function parseRuleList(rest: string, at: number, line: number, unknown: UnknownRuleId[]): Set<string> | 'all' {
  const body = rest.split(/\s--\s|\s--$/)[0];
  const ids: string[] = [];
  for (const m of body.matchAll(/[^,\s]+/g)) {
    ids.push(m[0]);
    if (!isRuleId(m[0])) {
      const start = at + m.index;
      unknown.push({ line, start, end: start + m[0].length, message: `deploylint-disable names an unknown rule "${m[0]}"${didYouMean(m[0])}: it silences nothing.` });
    }
  }
  return ids.length ? new Set(ids) : 'all';
}

function merge(a: Set<string> | 'all', b: Set<string> | 'all'): Set<string> | 'all' {
  if (a === 'all' || b === 'all') return 'all';
  return new Set([...a, ...b]);
}

function covers(s: Set<string> | 'all' | undefined, rule: string): boolean {
  return s === 'all' || (s !== undefined && s.has(rule));
}

export function isSuppressed(s: Suppressions, f: Finding): boolean {
  return covers(s.file, f.rule) || covers(s.lines.get(f.range.start.line), f.rule);
}
