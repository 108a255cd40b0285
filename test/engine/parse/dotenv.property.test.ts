import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import * as dotenv from 'dotenv';
import { parseDotenv, envValues } from '../../../server/src/engine/parse/dotenv';
import { LineIndex } from '../../../server/src/engine/text';

/**
 * Parity with the `dotenv` package: for any text, the parser's key -> value map equals `dotenv.parse`.
 * Bounded for the suite (fixed seed, 300 runs). To search longer:
 *   DOTENV_RUNS=100000 DOTENV_SEED=$RANDOM ONLY=test/engine/parse/dotenv.property.test.ts npx mocha
 */
const RUNS = Number(process.env.DOTENV_RUNS ?? 300);
const SEED = Number(process.env.DOTENV_SEED ?? 20240611);

const key = fc.oneof(
  fc.constantFrom('DB_PASSWORD', 'JWT_SECRET', 'A', 'app.name', 'my-key', 'export', 'KEY1', '_X'),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,8}$/),
);
const valueChar = fc.constantFrom('a', 'Z', '9', ' ', '\t', '#', "'", '"', '`', '\\', 'n', 'r', '=', ':', '$', '{', '}', '-', '/', '@', '\n', '\r', 'é');
const value = fc.oneof(
  fc.string({ unit: valueChar, maxLength: 14 }),
  fc.string({ unit: valueChar, maxLength: 10 }).map((s) => `"${s}"`),
  fc.string({ unit: valueChar, maxLength: 10 }).map((s) => `'${s}'`),
  fc.string({ unit: valueChar, maxLength: 10 }).map((s) => `\`${s}\``),
);
const sep = fc.constantFrom('=', ' = ', '= ', ' =', ': ', ':', '=\t');
const entry = fc.tuple(fc.constantFrom('', 'export ', '  ', 'export  '), key, sep, value, fc.constantFrom('', ' # note', '#x', '   ')).map((p) => p.join(''));
const line = fc.oneof(
  { weight: 6, arbitrary: entry },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '# comment', '  # c = "x"', 'not an entry', 'BARE', 'MY KEY=1', '=x', '"', "'") },
  { weight: 1, arbitrary: fc.string({ unit: valueChar, maxLength: 12 }) },
);
const eol = fc.constantFrom('\n', '\r\n', '\r');
const envText = fc.tuple(fc.array(fc.tuple(line, eol), { maxLength: 12 }), fc.boolean())
  .map(([lines, trailing]) => {
    const s = lines.map(([l, e]) => l + e).join('');
    return trailing ? s : s.replace(/(\r\n|\r|\n)$/, '');
  });

function asObject(m: Map<string, string>): Record<string, string> {
  const o: Record<string, string> = {};
  for (const [k, v] of m) o[k] = v;
  return o;
}

describe('dotenv parser: parity with the dotenv package', () => {
  it('yields the same key -> value map as dotenv.parse for any env-ish text', () => {
    fc.assert(fc.property(envText, (text) => {
      assert.deepEqual(asObject(envValues(parseDotenv(text))), { ...dotenv.parse(text) });
    }), { seed: SEED, numRuns: RUNS });
  });

  it('keeps spans inside the text, and the key and unquoted value spans hold exactly the key and the value', () => {
    fc.assert(fc.property(envText, (text) => {
      const parsed = parseDotenv(text);
      for (const e of parsed.entries) {
        for (const s of [e.keySpan, e.rawSpan, e.valueSpan, e.span]) {
          assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, 'span inside the text');
        }
        assert.equal(text.slice(e.keySpan.start, e.keySpan.end), e.key);
        assert.ok(e.rawSpan.start <= e.valueSpan.start && e.valueSpan.end <= e.rawSpan.end);
        // An unquoted value that starts with a double quote still gets dotenv's \n expansion.
        if (!e.quote && !e.value.startsWith('"')) assert.equal(text.slice(e.valueSpan.start, e.valueSpan.end), e.value);
        if (e.quote === "'" || e.quote === '`') assert.equal(text.slice(e.valueSpan.start, e.valueSpan.end).replace(/\r\n?/g, '\n'), e.value);
      }
      for (const err of parsed.errors) assert.ok(err.span.start >= 0 && err.span.end <= text.length && err.span.start <= err.span.end);
    }), { seed: SEED + 1, numRuns: RUNS });
  });

  it('never reports a syntax error on a line dotenv reads', () => {
    fc.assert(fc.property(fc.array(entry, { maxLength: 8 }), (entryLines) => {
      const text = entryLines.join('\n');
      const parsed = parseDotenv(text);
      const lines = new LineIndex(text);
      const keyLines = new Set(parsed.entries.map((e) => lines.position(e.keySpan.start).line));
      for (const err of parsed.errors.filter((x) => x.severity !== 'warning' && !/quote/i.test(x.message))) {
        const l = lines.position(err.span.start).line;
        assert.ok(!keyLines.has(l), `error on line ${l}, which holds an entry: ${err.message}`);
      }
    }), { seed: SEED + 2, numRuns: RUNS });
  });
});
