import * as assert from 'node:assert/strict';
import {
  MemoryHost, Workspace, mergeConfig, lintFile, applyFixes,
  type Finding, type PartialConfig, type Fix, type RuleId,
} from '../../server/src/engine';

/** A workspace of in-memory files rooted at /ws. Paths in `files` are relative to /ws. */
export function workspace(files: Record<string, string>): Workspace {
  const host = new MemoryHost();
  for (const [p, t] of Object.entries(files)) host.set(abs(p), t);
  return new Workspace(host);
}

export function abs(p: string): string { return p.startsWith('/') ? p : `/ws/${p}`; }

/** Lints `target` (relative to /ws) and returns the findings, optionally only those of one rule. */
export function lint(files: Record<string, string>, target: string, rule?: RuleId, config?: PartialConfig): Finding[] {
  const ws = workspace(files);
  const found = lintFile(ws, abs(target), mergeConfig(config), { onRuleError: (id, _f, e) => { throw new Error(`${id} threw: ${(e as Error).stack}`); } });
  return rule ? found.filter((f) => f.rule === rule) : found;
}

/** Lints a single file given as text, named `name`. */
export function lintText(name: string, text: string, rule?: RuleId, config?: PartialConfig): Finding[] {
  return lint({ [name]: text }, name, rule, config);
}

/** "line:col-line:col", 1-based, as an editor shows it. */
export function rangeOf(f: Finding): string {
  const r = f.range;
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

/** The text a finding's range covers. */
export function textOf(files: Record<string, string>, f: Finding): string {
  const ws = workspace(files);
  const doc = ws.document(f.file)!;
  return doc.text.slice(doc.lines.offset(f.range.start), doc.lines.offset(f.range.end));
}

/** Asserts exactly the given findings of `rule` by range (order by position). */
export function assertRanges(found: Finding[], rule: RuleId, ranges: string[]): void {
  const got = found.filter((f) => f.rule === rule).map(rangeOf);
  assert.deepEqual(got, ranges, `ranges of ${rule}`);
}

/** Applies one fix to the in-memory files; returns the new file set (paths relative to /ws). */
export function applyFix(files: Record<string, string>, fix: Fix): Record<string, string> {
  const ws = workspace(files);
  const changed = applyFixes((p) => ws.readFile(p), [fix]);
  const out = { ...files };
  for (const [p, t] of changed) out[p.replace(/^\/ws\//, '')] = t;
  return out;
}

/**
 * The three-way fix check of ARCHITECTURE.md, Layers: apply the fix titled like `title` (or the first) of the first
 * `rule` finding; the result re-parses (`reparse` throws or returns false on failure), the finding at
 * that place is gone, and fixing again changes nothing. Returns the fixed files.
 */
export function checkFix(
  files: Record<string, string>, target: string, rule: RuleId,
  opts: { title?: RegExp; reparse?: (text: string, path: string) => boolean | void; config?: PartialConfig } = {},
): Record<string, string> {
  const before = lint(files, target, rule, opts.config);
  assert.ok(before.length > 0, `expected a ${rule} finding before fixing`);
  const fix = pickFix(before[0], opts.title);
  const fixed = applyFix(files, fix);
  for (const e of fix.edits) {
    const p = e.file.replace(/^\/ws\//, '');
    if (opts.reparse) assert.notEqual(opts.reparse(fixed[p], p), false, `fixed ${p} must re-parse`);
  }
  const after = lint(fixed, target, rule, opts.config);
  assert.ok(after.length < before.length, `fix "${fix.title}" must clear the finding (before ${before.length}, after ${after.length})`);
  assert.ok(!after.some((f) => rangeOf(f) === rangeOf(before[0]) && f.message === before[0].message), 'the fixed finding is gone');
  // Idempotent: fixing the same findings again in the fixed text changes nothing further for that finding.
  const again = after.find((f) => rangeOf(f) === rangeOf(before[0]));
  if (again) {
    const twice = applyFix(fixed, pickFix(again, opts.title));
    assert.deepEqual(twice, fixed, 'applying the fix twice equals applying it once');
  }
  return fixed;
}

function pickFix(f: Finding, title?: RegExp): Fix {
  const fix = title ? f.fixes.find((x) => title.test(x.title)) : f.fixes[0];
  assert.ok(fix, `finding ${f.rule} at ${rangeOf(f)} has ${title ? `a fix matching ${title}` : 'a fix'}; fixes: ${f.fixes.map((x) => x.title).join(', ')}`);
  return fix;
}
