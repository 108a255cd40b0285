import * as assert from 'node:assert/strict';
import { assertRanges } from '../../../support/lint';
import { fixed, run } from './helpers';

const RULE = 'compose/security-opt-disabled';

describe(RULE, () => {
  it('reports seccomp/apparmor unconfined and label disable, both separators', () => {
    const text = 'services:\n  a:\n    image: x:1\n    security_opt:\n      - seccomp:unconfined\n      - apparmor=unconfined\n      - label:disable\n      - no-new-privileges:true\n';
    assertRanges(run(text, RULE), RULE, ['5:9-5:27', '6:9-6:28', '7:9-7:22']);
  });

  it('does not report profiles or no-new-privileges', () => {
    assert.deepEqual(run('services:\n  a:\n    image: x:1\n    security_opt: ["seccomp:./profile.json", "apparmor:docker-default", "no-new-privileges:true"]\n', RULE), []);
  });

  it('fix: removes the entry, keeping the others', () => {
    const out = fixed('services:\n  a:\n    image: x:1\n    security_opt:\n      - seccomp:unconfined\n      - no-new-privileges:true\n', RULE);
    assert.equal(out.text, 'services:\n  a:\n    image: x:1\n    security_opt:\n      - no-new-privileges:true\n');
  });

  it('does not repeat a socket mount as label=disable (one problem, one finding: compose/docker-socket)', () => {
    const text = [
      'services:',
      '  api:',
      '    image: x:1',
      '    security_opt: ["label=disable", "seccomp=unconfined"]',
      '    volumes: ["/var/run/docker.sock:/var/run/docker.sock"]',
      '  other:',
      '    image: x:1',
      '    security_opt: ["label=disable"]',
      '',
    ].join('\n');
    assertRanges(run(text, RULE), RULE, ['4:37-4:57', '8:20-8:35']);
  });
});
