import type { Rule, FixSpec, Span } from '../../types';
import type { EnvEntry } from '../../parse/dotenv';
import { classifyKey, isReference } from '../../secrets';
import { effectiveEntries, type EnvContext } from './support/context';

/**
 * How dotenv (the npm package) and docker compose read the same line differently:
 * - dotenv ends an unquoted value at any `#`; compose only at ` #` (`DB_PASSWORD=abc#123`);
 * - ` #` followed by one word in a secret (`abc #123`) is cut by both, although it looks like part of it;
 * - `"abc" tail`: dotenv keeps the quotes and the tail, compose reads `abc` and parses `tail` as a new line;
 * - `$name` in an unquoted or double-quoted secret: compose substitutes it, dotenv keeps it;
 * - backticks: dotenv removes them, compose keeps them.
 */
export const envTruncatedValue: Rule<EnvContext> = {
  id: 'env/truncated-value', language: 'env', severity: 'warning',
  title: 'Value cut off or read differently by dotenv and compose',
  docs: {
    why: [
      'dotenv ends an unquoted value at the first `#`: `DB_PASSWORD=abc#123` is read as `abc`, while docker compose reads `abc#123` (it only starts a comment at ` #`). A secret with ` #word` in it is cut by both. A value with text after its closing quote, a `$` in an unquoted or double-quoted secret (compose substitutes `$name`, dotenv does not) or backtick quotes (compose keeps them) also reads differently in the two tools, so the app and the database may not agree on a password.',
    ].join('\n'),
    bad: 'DB_PASSWORD=abc#123',
    good: 'DB_PASSWORD=\'abc#123\'',
    fixSafety: 'The fix wraps the intended value in quotes that both read the same way (single quotes when possible: no escapes, no substitution). Which value was intended is a guess, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
  },
  fixable: true,
  check(ctx) {
    const text = ctx.file.text;
    for (const e of effectiveEntries(ctx)) {
      const lineEnd = ctx.file.lines.lineEnd(e.line);
      const afterRaw = text.slice(e.rawSpan.end, lineEnd);
      const raw = text.slice(e.rawSpan.start, e.rawSpan.end);
      const secret = classifyKey(e.key) !== undefined;
      if (!e.quote && e.endLine === e.line) {
        if (raw && !/^['"`]/.test(raw) && afterRaw.startsWith('#')) {
          // Compose's value: up to ` #` (or tab-#), trailing blanks dropped.
          const cut = afterRaw.search(/[ \t]#/);
          const intended = (raw + (cut === -1 ? afterRaw : afterRaw.slice(0, cut))).trimEnd();
          report(ctx, e, { start: e.rawSpan.start, end: e.rawSpan.start + intended.length }, intended,
            `${e.key} is cut at '#': dotenv reads only the part before it, docker compose the whole text.`);
          continue;
        }
        const word = /^([ \t]+)#(\S+)[ \t]*$/.exec(afterRaw);
        if (raw && secret && word) {
          const intended = raw + word[1] + '#' + word[2];
          report(ctx, e, { start: e.rawSpan.start, end: e.rawSpan.start + intended.length }, intended,
            `${e.key} is cut at ' #': dotenv and docker compose read the rest as a comment, but it looks like part of the secret.`);
          continue;
        }
        const q = raw[0];
        if (q && /['"]/.test(q) && raw.indexOf(q, 1) > 0 && raw.indexOf(q, 1) < raw.length - 1) {
          ctx.report({ span: e.rawSpan, message: `${e.key} has text after its closing quote: dotenv keeps the quotes and that text in the value, docker compose reads only the quoted part.` });
          continue;
        }
      }
      if (secret && (!e.quote || e.quote === '"') && /\$(?![{$(])[A-Za-z_]|\$\{/.test(e.value) && !isReference(e.value) && !e.value.includes('://')) {
        const fixes = e.quote === '"' && e.value.includes("'") ? [] : singleQuoted(ctx, e);
        ctx.report({ span: e.rawSpan, message: `${e.key} contains '$': docker compose substitutes it as a variable, dotenv keeps it as written. Single quotes keep it literal for both.`, fixes });
        continue;
      }
      if (e.quote === '`') {
        ctx.report({ span: e.rawSpan, message: `${e.key} is in backticks: dotenv removes them, docker compose keeps them as part of the value.`, fixes: singleQuoted(ctx, e) });
      }
    }
  },
};

function report(ctx: EnvContext, e: EnvEntry, span: Span, intended: string, message: string): void {
  const quoted = quote(intended);
  ctx.report({ span, message, fixes: quoted ? [{ title: `Quote the value of ${e.key}`, safe: false, sensitive: classifyKey(e.key) !== undefined, edits: [ctx.replace(span, quoted)] }] : [] });
}

/** Quotes both tools read literally: single quotes unless the value has one; double quotes only when nothing in it is special. */
function quote(v: string): string | undefined {
  if (!v.includes("'")) return `'${v}'`;
  if (!/["\\$`]/.test(v)) return `"${v}"`;
  return undefined;
}

function singleQuoted(ctx: EnvContext, e: EnvEntry): FixSpec[] {
  if (e.value.includes("'") || e.value.includes('\n')) return [];
  return [{ title: `Use single quotes for ${e.key}`, safe: false, sensitive: classifyKey(e.key) !== undefined, edits: [ctx.replace(e.rawSpan, `'${e.value}'`)] }];
}
