import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isTerminal, writeFd } from '../../server/src/cli/stdio';

describe('cli/stdio: output without process.stdout', () => {
  it('writes all of a large text to a file', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-stdio-')), 'out.txt');
    const fd = fs.openSync(file, 'w');
    const text = 'é'.repeat(300_000) + '\n';
    try { writeFd(fd, text); } finally { fs.closeSync(fd); }
    assert.equal(fs.readFileSync(file, 'utf8'), text);
  });

  it('ends quietly when the reader goes away (`deploylint | head`), keeping the exit code', function () {
    this.timeout(30_000);
    // More than a pipe holds, so the writer meets the closed pipe (EPIPE).
    const child = `require(${JSON.stringify(path.resolve('server/src/cli/stdio.ts'))}).writeFd(1, 'x'.repeat(5_000_000)); process.exitCode = 7`;
    const r = spawnSync('bash', ['-c', `"${process.execPath}" -r tsx/cjs -e "$CHILD" | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8', env: { ...process.env, CHILD: child } });
    assert.equal(r.stdout.trim(), '7', r.stderr);
    assert.equal(r.stderr, '');
  });

  it('tells no terminal in /dev/null, a file or a pipe', () => {
    const devNull = fs.openSync('/dev/null', 'w');
    const file = fs.openSync(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-stdio-')), 'f'), 'w');
    try {
      assert.equal(isTerminal(devNull), false);
      assert.equal(isTerminal(file), false);
    } finally {
      fs.closeSync(devNull);
      fs.closeSync(file);
    }
    const piped = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', `process.exitCode = require(${JSON.stringify(path.resolve('server/src/cli/stdio.ts'))}).isTerminal(1) ? 3 : 4`], { stdio: ['ignore', 'pipe', 'inherit'] });
    assert.equal(piped.status, 4);
  });
});
