import * as assert from 'node:assert/strict';
import { parseCompose } from '../../../../server/src/engine/parse/compose';
import { checkFix, lint } from '../../../support/lint';
import type { Finding, RuleId } from '../../../../server/src/engine';

export const FILE = 'docker-compose.yml';

/** The fixed compose file must parse without errors (the .env beside it is checked by its own parser). */
export function reparse(text: string, path: string): boolean {
  if (!/\.ya?ml$/.test(path)) return true;
  const errors = parseCompose(text).errors;
  assert.deepEqual(errors.map((e) => e.message), [], `fixed ${path} parses`);
  return true;
}

/** Findings of one rule for a compose text (plus other workspace files). */
export function run(text: string, rule: RuleId, extra: Record<string, string> = {}): Finding[] {
  return lint({ [FILE]: text, ...extra }, FILE, rule);
}

/** checkFix with the compose re-parse; returns the fixed compose text and the file set. */
export function fixed(text: string, rule: RuleId, opts: { title?: RegExp; extra?: Record<string, string> } = {}): { text: string; files: Record<string, string> } {
  const files = checkFix({ [FILE]: text, ...(opts.extra ?? {}) }, FILE, rule, { title: opts.title, reparse });
  return { text: files[FILE], files };
}
