import * as assert from 'node:assert/strict';
import { lintText, assertRanges } from '../../../support/lint';

const RULE = 'env/syntax';

describe('env/syntax', () => {
  it('reports lines dotenv ignores, invalid keys and unterminated quotes', () => {
    const text = 'A=1\nthis is not an entry\nMY KEY=1\nB="abc\nBARE\n';
    const found = lintText('.env', text, RULE);
    assertRanges(found, RULE, ['2:1-2:21', '3:1-3:7', '4:3-4:4', '5:1-5:5']);
    assert.deepEqual(found.map((f) => f.severity), ['error', 'error', 'error', 'warning']);
    assert.match(found[2].message, /Unterminated double quote.*value of B/);
  });

  it('accepts comments, blanks, export, YAML-style and multi-line values', () => {
    const text = '# c\n\nexport A=1\nB: 2\nC="x\ny"\nD=\'q\' # note\n';
    assert.deepEqual(lintText('.env', text, RULE), []);
  });
});
