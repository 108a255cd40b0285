import * as assert from 'node:assert/strict';
import { parseDotenv, envValues, lastEntry, type EnvEntry } from '../../../server/src/engine/parse/dotenv';

const slice = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);

function only(text: string): EnvEntry {
  const p = parseDotenv(text);
  assert.equal(p.entries.length, 1, 'one entry');
  return p.entries[0];
}

describe('dotenv parser', () => {
  it('reads KEY=VALUE with spans of key, value and the whole entry', () => {
    const t = 'DB_PASSWORD=abc123\n';
    const e = only(t);
    assert.equal(e.key, 'DB_PASSWORD');
    assert.equal(e.value, 'abc123');
    assert.equal(slice(t, e.keySpan), 'DB_PASSWORD');
    assert.equal(slice(t, e.rawSpan), 'abc123');
    assert.equal(slice(t, e.span), 'DB_PASSWORD=abc123');
    assert.equal(e.quote, undefined);
    assert.equal(e.separator, '=');
  });

  it('keeps quotes in the raw span and strips them in the value span, for all three quotes', () => {
    for (const q of ['"', "'", '`']) {
      const t = `K = ${q}a b${q}   # note\n`;
      const e = only(t);
      assert.equal(e.value, 'a b');
      assert.equal(e.quote, q);
      assert.equal(slice(t, e.rawSpan), `${q}a b${q}`);
      assert.equal(slice(t, e.valueSpan), 'a b');
      assert.equal(slice(t, e.commentSpan!), '# note');
    }
  });

  it('expands \\n only in double quotes, as dotenv does', () => {
    assert.equal(only('K="a\\nb"').value, 'a\nb');
    assert.equal(only("K='a\\nb'").value, 'a\\nb');
  });

  it('reads multi-line quoted values with their line range', () => {
    const t = 'A=1\nKEY="-----BEGIN KEY-----\nabc\n-----END KEY-----"\nB=2\n';
    const p = parseDotenv(t);
    const e = lastEntry(p, 'KEY')!;
    assert.equal(e.value, '-----BEGIN KEY-----\nabc\n-----END KEY-----');
    assert.deepEqual([e.line, e.endLine], [1, 3]);
    assert.equal(envValues(p).get('B'), '2');
    assert.deepEqual(p.errors, []);
  });

  it('understands `export `, `KEY: value` and inline comments', () => {
    const t = 'export A=1 # one\nB: two\nC=#only a comment\n';
    const p = parseDotenv(t);
    assert.deepEqual(Object.fromEntries(envValues(p)), { A: '1', B: 'two', C: '' });
    assert.equal(slice(t, p.entries[0].exportSpan!), 'export');
    assert.equal(slice(t, p.entries[0].span), 'export A=1 # one');
    assert.equal(p.entries[1].separator, ':');
  });

  it('cuts an unquoted value at # like dotenv', () => {
    assert.equal(only('P=abc#123').value, 'abc');
  });

  it('maps spans back to the original offsets of a CRLF file', () => {
    const t = 'A=1\r\nB="x\r\ny"\r\nC=three\r\n';
    const p = parseDotenv(t);
    const c = lastEntry(p, 'C')!;
    assert.equal(slice(t, c.keySpan), 'C');
    assert.equal(slice(t, c.valueSpan), 'three');
    assert.equal(lastEntry(p, 'B')!.value, 'x\ny');
  });

  it('keeps the later of two definitions, like dotenv', () => {
    assert.equal(envValues(parseDotenv('A=1\nA=2\n')).get('A'), '2');
  });

  describe('errors (env/syntax)', () => {
    const errs = (t: string) => parseDotenv(t).errors.map((e) => ({ text: slice(t, e.span), severity: e.severity ?? 'error', message: e.message }));

    it('reports a line that is not KEY=VALUE, and nothing for comments and blanks', () => {
      const e = errs('# comment\n\n   \nthis is not an entry\nA=1\n');
      assert.equal(e.length, 1);
      assert.equal(e[0].text, 'this is not an entry');
      assert.match(e[0].message, /Expected KEY=VALUE/);
    });

    it('reports an invalid key on the key only', () => {
      const e = errs('MY KEY=1\n');
      assert.equal(e[0].text, 'MY KEY');
      assert.match(e[0].message, /Invalid key/);
    });

    it('warns about a bare name (compose inherits it, dotenv drops it)', () => {
      assert.deepEqual(errs('BARE\n').map((e) => [e.text, e.severity]), [['BARE', 'warning']]);
    });

    it('reports an unterminated quote on the quote', () => {
      const e = errs('A="abc\nB=2\n');
      assert.equal(e.length, 1);
      assert.equal(e[0].text, '"');
      assert.match(e[0].message, /Unterminated double quote/);
    });

    it('warns when a quoted value swallows lines that look like entries', () => {
      const e = errs('A="abc\nB=2\nC=3"\n');
      assert.equal(e.length, 1);
      assert.equal(e[0].severity, 'warning');
      assert.match(e[0].message, /only closes on line 3: dotenv reads B, C as part of its value/);
    });

    it('does not flag a PEM key spread over lines', () => {
      assert.deepEqual(errs('K="-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC==\n-----END PRIVATE KEY-----"\n'), []);
    });

    it('never throws on odd input', () => {
      for (const t of ['', '\r', '"', '=\n=', 'A="', "A='\\'", '\u2028A=1\u2029B="x', 'export', 'A'.repeat(10000)]) parseDotenv(t);
    });
  });
});
