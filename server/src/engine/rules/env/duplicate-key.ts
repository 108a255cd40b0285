import type { Rule } from '../../types';
import type { EnvEntry } from '../../parse/dotenv';
import { entryLines, type EnvContext } from './support/context';

export const envDuplicateKey: Rule<EnvContext> = {
  id: 'env/duplicate-key', language: 'env', severity: 'warning',
  title: 'Key defined twice',
  docs: {
    why: 'A key is defined more than once. dotenv and docker compose keep the last definition, so the earlier one is dead and misleading: the value you read (or edit) at the top is not the one the app gets.',
    bad: 'DB_PASSWORD=first\nDB_HOST=db\nDB_PASSWORD=second',
    good: 'DB_HOST=db\nDB_PASSWORD=second',
    fixSafety: 'The fix removes the earlier line; it cannot change what the app reads, so it is safe: "Fix all" and `--fix` apply it.',
  },
  fixable: true,
  check(ctx) {
    const last = new Map<string, EnvEntry>();
    for (const e of ctx.doc.entries) last.set(e.key, e);
    for (const e of ctx.doc.entries) {
      const winner = last.get(e.key)!;
      if (winner === e) continue;
      ctx.report({
        span: e.keySpan,
        message: `${e.key} is defined again on line ${winner.line + 1}; this earlier definition is ignored.`,
        related: [{ file: ctx.file.path, span: winner.keySpan, message: `the definition of ${e.key} that wins` }],
        fixes: [{ title: `Remove this earlier ${e.key} line`, safe: true, edits: [ctx.replace(entryLines(ctx, e), '')] }],
      });
    }
  },
};
