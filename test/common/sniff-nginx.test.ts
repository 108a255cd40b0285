import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { sniffNginx } from '../../common/file-kinds';
import { nginxFile } from '../../bench/generate';
import { fixtures, params, RUNS } from '../property/support';

// The sniff as it was written, every pattern on every line: the reference the one that skips them must equal.
const MARKUP_LINE = /^\s*(\{%.*%\}|\{\{-?\s*(if|else|end|range|with|define|block|template|for|endfor|endif)\b.*\}\}|\{#.*#\})\s*$/;
const APACHE_SECTION = /^\s*<\/?(VirtualHost|Directory|IfModule|Location|Files|Proxy)\b/im;
const APACHE_DIRECTIVE = /^\s*((ServerName|ServerAlias|DocumentRoot|LoadModule|ProxyPass|SSLEngine|RewriteEngine)\s|Listen\s+[\w.:[\]]+\s*$)/m;
const INI_SECTION = /^\s*\[[^\]\n]+\]\s*$/m;
const WORDS = new Set(['server', 'listen', 'location', 'return', 'set', 'if', 'http', 'map', 'server_name']);

function reference(text: string, words: Set<string>): 'nginx' | 'other' | 'empty' {
  const sample = text.slice(0, 64 * 1024);
  if (APACHE_SECTION.test(sample) || APACHE_DIRECTIVE.test(sample) || INI_SECTION.test(sample)) return 'other';
  let statements = 0; let shaped = 0; let known = 0;
  for (const raw of sample.split('\n')) {
    if (MARKUP_LINE.test(raw)) continue;
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    statements++;
    if (/[;{}]$/.test(line) || /^\}/.test(line)) shaped++;
    const word = /^([a-z_][a-z0-9_]*)(\s|\{|;|$)/.exec(line)?.[1];
    if (word && words.has(word) && /[;{]/.test(line) && !/^\S+\s*=/.test(line)) known++;
  }
  if (!statements) return 'empty';
  return known > 0 && shaped / statements >= 0.5 ? 'nginx' : 'other';
}

describe('sniffNginx', () => {
  it('reads real files as the regex-per-line reference does', () => {
    // Every word the generated and fixture files start a line with is in the real list; the reference is given a subset.
    for (const text of [nginxFile(300), ...fixtures('nginx').map((f) => f.text)]) assert.equal(sniffNginx(text), reference(text, new Set(text.match(/^[ \t]*[a-z_][a-z0-9_]*/gm)?.map((w) => w.trim()).filter((w) => sniffNginx(`${w} x;`) === 'nginx') ?? [])));
  });

  it('property: any text of nginx-like, shell-like and blank pieces sniffs as the reference does', () => {
    const piece = fc.constantFrom(
      'server', 'listen', 'location', 'return', 'set', 'if', 'http', 'map', 'server_name', 'x', 'A=1', 'key = v', '=', ' =',
      ' ', '\t', '\n', '\r\n', '\r', '\u2028', '\u00a0', '\ufeff', '\u3000', '\v', ';', '{', '}', '#', ' #', '# c', '{%', '%}', '{{ end }}',
      '{#', '#}', '[s]', '<VirtualHost', 'ServerName', 'Listen 80', '80', '_', 'a_1', '-', '$x', '"', '(', ')',
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      assert.equal(sniffNginx(text), reference(text, WORDS), JSON.stringify(text));
    }), params(RUNS * 50));
  });
});
