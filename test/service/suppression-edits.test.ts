import * as assert from 'node:assert/strict';
import { applySplices, readSuppressions } from '../../server/src/engine';
import { disableForFile, disableForLine } from '../../server/src/service/suppression-edits';

const apply = (text: string, e: { start: number; end: number; newText: string } | undefined) => applySplices(text, e ? [e] : []);

describe('service: suppression comment edits', () => {
  const compose = 'services:\n  db:\n    ports:\n      - "5432:5432"\n';

  it('disable for this line: above the line, with its indentation, read back by the engine', () => {
    const out = apply(compose, disableForLine(compose, 3, 'compose/exposed-datastore-port'));
    assert.equal(out, 'services:\n  db:\n    ports:\n      # deploylint-disable-next-line compose/exposed-datastore-port\n      - "5432:5432"\n');
    const sup = readSuppressions(out);
    assert.deepEqual([...(sup.lines.get(4) as Set<string>)], ['compose/exposed-datastore-port']);
  });

  it('joins an existing next-line comment, keeping its reason, and never repeats a rule', () => {
    const text = '  # deploylint-disable-next-line a/b -- reviewed\n  KEY=1\n';
    assert.equal(apply(text, disableForLine(text, 1, 'c/d')), '  # deploylint-disable-next-line a/b, c/d -- reviewed\n  KEY=1\n');
    assert.equal(disableForLine(text, 1, 'a/b'), undefined);
  });

  it('keeps CRLF line breaks and tab indentation', () => {
    const text = 'server {\r\n\tlisten 80;\r\n}\r\n';
    assert.equal(apply(text, disableForLine(text, 1, 'nginx/no-https')), 'server {\r\n\t# deploylint-disable-next-line nginx/no-https\r\n\tlisten 80;\r\n}\r\n');
  });

  it('disable for this file: at the top, below a shebang, or joined to an existing one', () => {
    assert.equal(apply(compose, disableForFile(compose, 'x/y')), `# deploylint-disable x/y\n${compose}`);
    assert.equal(apply('#!/bin/sh\nA=1\n', disableForFile('#!/bin/sh\nA=1\n', 'x/y')), '#!/bin/sh\n# deploylint-disable x/y\nA=1\n');
    assert.equal(apply('---\n# deploylint-disable a/b\nx: 1\n', disableForFile('---\n# deploylint-disable a/b\nx: 1\n', 'x/y')), '---\n# deploylint-disable a/b, x/y\nx: 1\n');
    assert.equal(disableForFile('# deploylint-disable\n', 'x/y'), undefined, 'already disabled for every rule');
    assert.equal(apply('', disableForFile('', 'x/y')), '# deploylint-disable x/y\n');
  });
});
