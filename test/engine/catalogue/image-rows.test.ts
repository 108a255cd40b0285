/** Every catalogue row, through the rule that reads it: a published service is reported at its port, the loopback neighbour is not. */
import * as assert from 'node:assert/strict';
import { IMAGES, type ImageRow } from '../../../server/src/engine/catalogue/images';
import { assertRanges } from '../../support/lint';
import { run } from '../rules/compose/helpers';

const imageOf = (row: ImageRow) => (row.paths?.[0] ?? `example/${row.names![0]}`) + ':1.0';
const compose = (row: ImageRow, port: string, extra = '') => `services:\n  svc:\n    image: ${imageOf(row)}\n${extra}    ports:\n      - "${port}"\n`;

describe('catalogue/images rows, through their rules', () => {
  for (const row of IMAGES) {
    const port = (row.ports ?? row.publicPorts ?? [8080])[0];
    const published = `${port}:${port}`;
    const loopback = `127.0.0.1:${port}:${port}`;
    // `- "5432:5432"` is the item after the lines `extra` adds: column 9, quotes included.
    const item = (extra = '') => { const l = 5 + (extra.match(/\n/g)?.length ?? 0); return `${l}:9-${l}:${9 + published.length + 2}`; };
    const at = item();
    if (row.kind === 'datastore' || row.kind === 'pooler') {
      it(`${row.product}: exposed-datastore-port on ${published}, not on loopback`, () => {
        assertRanges(run(compose(row, published), 'compose/exposed-datastore-port'), 'compose/exposed-datastore-port', [at]);
        assert.deepEqual(run(compose(row, loopback), 'compose/exposed-datastore-port'), []);
      });
    } else if (row.kind === 'admin-ui' && !row.frontOf) {
      const extra = row.insecureWhen?.only ? '    command: --api.insecure=true\n' : '';
      it(`${row.product}: exposed-admin-ui on ${published}, not on loopback`, () => {
        assertRanges(run(compose(row, published, extra), 'compose/exposed-admin-ui'), 'compose/exposed-admin-ui', [item(extra)]);
        // With auth off, loopback still leaves it to every container: info, never more.
        assert.deepEqual(run(compose(row, loopback, extra), 'compose/exposed-admin-ui').map((f) => f.severity), extra ? ['info'] : []);
      });
    } else if (row.kind === 'setup-wizard') {
      it(`${row.product}: open-setup-wizard when published, not on loopback${row.adminEnv ? ' or with its admin variables' : ''}`, () => {
        const found = run(compose(row, published), 'compose/open-setup-wizard');
        assertRanges(found, 'compose/open-setup-wizard', [row.adminEnv ? '2:3-2:6' : at]);
        assert.deepEqual(run(compose(row, loopback), 'compose/open-setup-wizard'), []);
        if (row.adminEnv) {
          const env = `    environment:\n${row.adminEnv[0].map((k) => `      ${k}: "true"\n`).join('')}`;
          assert.deepEqual(run(compose(row, published, env), 'compose/open-setup-wizard'), []);
        }
      });
    } else if (row.publicPorts) {
      it(`${row.product}: its client ports are public by design, another port is not`, () => {
        for (const p of row.publicPorts!) assert.deepEqual(run(compose(row, `${p}:${p}`), 'compose/port-all-interfaces'), [], `${p}`);
        assertRanges(run(compose(row, '8081:8081'), 'compose/port-all-interfaces'), 'compose/port-all-interfaces', ['5:9-5:20']);
      });
    }
  }
});
