import * as assert from 'node:assert/strict';
import { assertRanges } from '../../../support/lint';
import { fixed, run } from './helpers';

const RULE = 'compose/dangerous-capability';

describe(RULE, () => {
  it('reports ALL/SYS_ADMIN/SYS_MODULE as errors and the others as warnings', () => {
    const text = 'services:\n  a:\n    image: x:1\n    cap_add:\n      - SYS_ADMIN\n      - CAP_NET_ADMIN\n      - CHOWN\n      - sys_module\n';
    const found = run(text, RULE);
    assertRanges(found, RULE, ['5:9-5:18', '6:9-6:22', '8:9-8:19']);
    assert.deepEqual(found.map((f) => f.severity), ['error', 'warning', 'error']);
  });

  it('does not report harmless capabilities or cap_drop', () => {
    assert.deepEqual(run('services:\n  a:\n    image: x:1\n    cap_add: [CHOWN, NET_BIND_SERVICE]\n    cap_drop: [ALL]\n', RULE), []);
  });

  it('fix: removes the entry from a block list', () => {
    const out = fixed('services:\n  a:\n    image: x:1\n    cap_add:\n      - SYS_ADMIN\n      - CHOWN\n', RULE);
    assert.equal(out.text, 'services:\n  a:\n    image: x:1\n    cap_add:\n      - CHOWN\n');
  });

  it('fix: removes the entry from a flow list and the key with the last entry', () => {
    assert.equal(fixed('services:\n  a:\n    image: x:1\n    cap_add: [CHOWN, SYS_PTRACE]\n', RULE).text, 'services:\n  a:\n    image: x:1\n    cap_add: [CHOWN]\n');
    assert.equal(fixed('services:\n  a:\n    image: x:1\n    cap_add: [ALL]\n    restart: always\n', RULE).text, 'services:\n  a:\n    image: x:1\n    restart: always\n');
  });

  it('NET_ADMIN on a VPN endpoint or a DHCP server is info (by design); SYS_MODULE stays an error there', () => {
    const text = [
      'services:',
      '  wg:',
      '    image: lscr.io/linuxserver/wireguard:1.0',
      '    cap_add: [NET_ADMIN, SYS_MODULE]',
      '  pihole:',
      '    image: pihole/pihole:2024.07.0',
      '    cap_add: [NET_ADMIN]',
      '  app:',
      '    image: x:1',
      '    cap_add: [NET_ADMIN]',
      '',
    ].join('\n');
    const found = run(text, RULE);
    assertRanges(found, RULE, ['4:15-4:24', '4:26-4:36', '7:15-7:24', '10:15-10:24']);
    assert.deepEqual(found.map((f) => f.severity), ['info', 'error', 'info', 'warning']);
  });
});
