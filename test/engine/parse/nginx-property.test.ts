import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseNginx } from '../../../server/src/engine/parse/nginx';
import { lint } from '../../support/lint';

/** Random and mutated configs: the parser never throws, every span lies inside the text, rules never throw. */
const piece = fc.constantFrom(
  'server', 'location', '/', '{', '}', ';', ' ', '\n', '\r\n', '\t', '"', "'", '\\', '#', '$', '${a}', '{{ x }}', '{%', '%}',
  'if', '(', ')', 'listen', '80', '443', 'ssl', 'add_header', 'X-Frame-Options', 'always', 'include', 'a.conf',
  'content_by_lua_block', '--', '[[', ']]', 'map', 'return', '301', 'https://$host', '\ufeff', '# configuration file /x.conf:\n',
);
const config = fc.array(piece, { maxLength: 60 }).map((a) => a.join(''));

describe('parse/nginx: property tests', () => {
  it('never throws and keeps every span inside the text', () => {
    fc.assert(fc.property(config, (text) => {
      const f = parseNginx(text);
      const inside = (s: { start: number; end: number }) => s.start >= 0 && s.start <= s.end && s.end <= text.length;
      for (const e of f.errors) assert.ok(inside(e.span));
      const visit = (ds: typeof f.directives) => {
        for (const d of ds) {
          assert.ok(inside(d.span) && inside(d.nameSpan));
          for (const a of d.args) assert.ok(inside(a.span) && a.span.start >= d.span.start && a.span.end <= d.span.end);
          if (d.block) visit(d.block);
        }
      };
      visit(f.directives);
    }), { numRuns: 500 });
  });

  it('the nginx rules never throw on random files and report inside the document', () => {
    fc.assert(fc.property(config, (text) => {
      const found = lint({ 'nginx/app.conf': text }, 'nginx/app.conf');
      const lines = text.split(/\r\n|\r|\n/);
      for (const f of found) {
        for (const p of [f.range.start, f.range.end]) assert.ok(p.line < lines.length && p.character <= lines[p.line].length, `${f.rule} outside`);
      }
    }), { numRuns: 200 });
  });
});
