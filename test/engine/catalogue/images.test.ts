import * as assert from 'node:assert/strict';
import { IMAGES, imageInfo, isStore } from '../../../server/src/engine/catalogue/images';
import { parseImage } from '../../../server/src/engine/parse/compose-image';
import { datastoreOf } from '../../../server/src/engine/rules/compose/support/datastores';

const info = (raw: string) => imageInfo(parseImage(raw));

describe('catalogue/images', () => {
  it('finds each row by its names and paths, with registries, tags and digests', () => {
    for (const row of IMAGES) {
      for (const n of row.names ?? []) assert.equal(info(`ghcr.io/acme/${n}:1.2`)?.product, row.product, n);
      for (const p of row.paths ?? []) assert.equal(info(`docker.io/${p}@sha256:00`)?.product, row.product, p);
    }
  });

  it('matches datastore server builds and generic names as before the move (datastoreOf keeps its answers)', () => {
    assert.deepEqual(datastoreOf(parseImage('mongodb/mongodb-community-server:7')), { kind: 'mongo', product: 'mongo' });
    assert.deepEqual(datastoreOf(parseImage('redis/redis-stack-server')), { kind: 'redis', product: 'redis' });
    assert.deepEqual(datastoreOf(parseImage('container-registry.oracle.com/mysql/community-server:8')), { kind: 'mysql', product: 'mysql' });
    assert.deepEqual(datastoreOf(parseImage('clickhouse/clickhouse-server:24')), { kind: 'other', product: 'clickhouse' });
    assert.deepEqual(datastoreOf(parseImage('redislabs/redismod')), { kind: 'redis', product: 'redis' });
    assert.deepEqual(datastoreOf(parseImage('edoburu/pgbouncer')), { kind: 'other', product: 'pgbouncer' });
  });

  it('does not take clients, exporters, UIs or look-alike names for datastores', () => {
    for (const raw of ['prometheuscommunity/postgres-exporter', 'redis-commander', 'redislabs/redisinsight', 'dpage/pgadmin4', 'bitnami/wordpress', 'kibana:7', 'mongo-express']) {
      assert.equal(datastoreOf(parseImage(raw)), undefined, raw);
    }
    assert.equal(info('bitnami/wordpress')?.kind, undefined, 'bitnami installs WordPress with an admin: no wizard');
    assert.equal(info('wordpress:6')?.kind, 'setup-wizard');
    assert.equal(info('kibana:7')?.kind, 'admin-ui');
    assert.equal(isStore(info('pgbouncer/pgbouncer')), true);
  });

  it('every row has a kind its rules know and a product name; rows with a plaintext check are stores', () => {
    for (const row of IMAGES) {
      assert.ok(row.product && (row.names?.length || row.paths?.length), row.product);
      if (row.plaintext) assert.ok(isStore(row), row.product);
      if (row.adminEnv || row.kind === 'setup-wizard') assert.equal(row.kind, 'setup-wizard', row.product);
    }
  });
});
