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
});
