import * as assert from 'node:assert/strict';
import { applyFix, assertRanges, rangeOf } from '../../../support/lint';
import { FILE, reparse, run } from './helpers';

const RULE = 'compose/sensitive-mount';

describe(RULE, () => {
  it('reports read-write host system paths as errors and :ro ones as warnings', () => {
    const text = 'services:\n  a:\n    image: x:1\n    volumes:\n      - /:/host\n      - /etc:/host-etc\n      - /proc:/host/proc:ro\n      - /var/lib/docker/volumes:/v\n';
    const found = run(text, RULE);
    assertRanges(found, RULE, ['5:9-5:16', '6:9-6:23', '7:9-7:28', '8:9-8:35']);
    assert.deepEqual(found.map((f) => f.severity), ['error', 'error', 'warning', 'error']);
  });

  it('does not report single files under /etc, project paths or named volumes', () => {
    const text = 'services:\n  a:\n    image: x:1\n    volumes:\n      - /etc/localtime:/etc/localtime:ro\n      - ./data:/data\n      - etc:/etc\n      - /srv/app:/app\n';
    assert.deepEqual(run(text, RULE), []);
  });

  // The fix turns the error into the rule's read-only warning, so checkFix's "fewer findings" does not
  // apply: check the three ways by hand (re-parses, the read-write error is gone, idempotent).
  function roFix(text: string): string {
    const files = { [FILE]: text };
    const [f] = run(text, RULE);
    assert.equal(f.severity, 'error');
    const out = applyFix(files, f.fixes[0])[FILE];
    reparse(out, FILE);
    const after = run(out, RULE);
    assert.deepEqual(after.map((x) => [rangeOf(x).split('-')[0], x.severity]), [[rangeOf(f).split('-')[0], 'warning']]);
    assert.equal(after[0].fixes.length, 0, 'nothing left to fix: idempotent');
    return out;
  }

  it('fix: adds :ro, merging with an existing mode', () => {
    assert.equal(roFix('services:\n  a:\n    image: x:1\n    volumes:\n      - "/etc:/host/etc"\n'), 'services:\n  a:\n    image: x:1\n    volumes:\n      - "/etc:/host/etc:ro"\n');
    assert.equal(roFix('services:\n  a:\n    image: x:1\n    volumes:\n      - /root:/r:rw,z\n'), 'services:\n  a:\n    image: x:1\n    volumes:\n      - /root:/r:ro,z\n');
  });

  it('fix: sets read_only in long syntax', () => {
    const out = roFix('services:\n  a:\n    image: x:1\n    volumes:\n      - type: bind\n        source: /sys\n        target: /host/sys\n');
    assert.equal(out, 'services:\n  a:\n    image: x:1\n    volumes:\n      - type: bind\n        source: /sys\n        target: /host/sys\n        read_only: true\n');
    assert.equal(roFix('services:\n  a:\n    image: x:1\n    volumes:\n      - { type: bind, source: /dev, target: /dev, read_only: false }\n'), 'services:\n  a:\n    image: x:1\n    volumes:\n      - { type: bind, source: /dev, target: /dev, read_only: true }\n');
  });

  it('judges a variable source by .env or its default, and names the resolved path', () => {
    const text = 'services:\n  a:\n    image: x:1\n    volumes:\n      - ${HOST_ROOT:-/}:/host:ro\n      - ${CONF_DIR}:/conf\n      - ${DATA:-./data}:/data\n';
    const found = run(text, RULE);
    assertRanges(found, RULE, ['5:9-5:33']);
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message, /host's \/ \(read-only\)/);
    assertRanges(run(text, RULE, { '.env': 'HOST_ROOT=./root\nCONF_DIR=/etc\n' }), RULE, ['6:9-6:26']);
  });

  it('root\'s home and its hidden entries are sensitive; a data folder under /root is not', () => {
    const text = [
      'services:',
      '  a:',
      '    image: x:1',
      '    volumes:',
      '      - /root:/r',
      '      - /root/.ssh:/keys:ro',
      '      - /root/app-data:/data',
      '      - ${DATA_FOLDER}/.n8n:/home/node/.n8n',
      '      - ${DATA_FOLDER}/letsencrypt:/letsencrypt',
      '',
    ].join('\n');
    const found = run(text, RULE, { '.env': 'DATA_FOLDER=/root/n8n/\n' });
    assertRanges(found, RULE, ['5:9-5:17', '6:9-6:28']);
  });
});
