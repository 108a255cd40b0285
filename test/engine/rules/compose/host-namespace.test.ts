import * as assert from 'node:assert/strict';
import { assertRanges } from '../../../support/lint';
import { run } from './helpers';

const RULE = 'compose/host-namespace';

describe(RULE, () => {
  it('reports each host namespace at its pair', () => {
    const text = 'services:\n  a:\n    image: x:1\n    network_mode: host\n    pid: "host"\n    ipc: host\n    userns_mode: host\n    uts: host\n';
    assertRanges(run(text, RULE), RULE, ['4:5-4:23', '5:5-5:16', '6:5-6:14', '7:5-7:22', '8:5-8:14']);
  });

  it('does not report bridge, service: or container: modes', () => {
    assert.deepEqual(run('services:\n  a:\n    image: x:1\n    network_mode: "service:vpn"\n    ipc: shareable\n    pid: "container:b"\n', RULE), []);
  });

  it('host networking that an image needs by design (media server, VPN, host firewall) is info; other host networking stays error', () => {
    const text = [
      'services:',
      '  plex:',
      '    image: lscr.io/linuxserver/plex:1.40.4',
      '    network_mode: host',
      '  fw:',
      '    image: ghcr.io/mailcow/netfilter:1.64',
      '    network_mode: host',
      '  app:',
      '    image: ghcr.io/acme/app:1',
      '    network_mode: host',
      '',
    ].join('\n');
    const found = run(text, RULE);
    assertRanges(found, RULE, ['4:5-4:23', '7:5-7:23', '10:5-10:23']);
    assert.deepEqual(found.map((f) => f.severity), ['info', 'info', 'error']);
    assert.match(found[0].message, /By design: media and home servers discover devices/);
  });
});
