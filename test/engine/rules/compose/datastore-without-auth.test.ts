import * as assert from 'node:assert/strict';
import { assertRanges } from '../../../support/lint';
import { fixed, run } from './helpers';

const RULE = 'compose/datastore-without-auth';

describe(RULE, () => {
  it('reports redis without requirepass at the service key', () => {
    assertRanges(run('services:\n  cache:\n    image: redis:7-alpine\n', RULE), RULE, ['2:3-2:8']);
  });

  it('severity by reachability (ARCHITECTURE.md, Precision): published or host network is error, internal only is info', () => {
    const text = [
      'services:',
      '  open:',
      '    image: redis:7',
      '    ports: ["6379:6379"]',
      '  lan:',
      '    image: redis:7',
      '    network_mode: host',
      '  internal:',
      '    image: redis:7',
      '    expose: ["6379"]',
      '  local:',
      '    image: redis:7',
      '    ports: ["127.0.0.1:6379:6379"]',
      '  db:',
      '    image: postgres:16',
      '    environment: { POSTGRES_HOST_AUTH_METHOD: trust }',
      '  pool:',
      '    image: bitnami/pgbouncer:1',
      '    ports: ["6432:6432"]',
      '    depends_on: [db]',
      '',
    ].join('\n');
    const found = run(text, RULE);
    assertRanges(found, RULE, ['2:3-2:7', '5:3-5:6', '8:3-8:11', '11:3-11:8', '16:20-16:52']);
    assert.deepEqual(found.map((f) => f.severity), ['error', 'error', 'info', 'info', 'error']);
    assert.match(found[2].message, /defence in depth: any container on its network can reach it/);
  });

  it('reports postgres trust, mysql empty password, elasticsearch security off, mongo without root', () => {
    const text = [
      'services:',
      '  pg:',
      '    image: postgres:16',
      '    environment:',
      '      POSTGRES_HOST_AUTH_METHOD: trust',
      '  my:',
      '    image: mysql:8',
      '    environment:',
      '      - MYSQL_ALLOW_EMPTY_PASSWORD=yes',
      '  es:',
      '    image: elasticsearch:8.13.0',
      '    environment:',
      '      - xpack.security.enabled=false',
      '  mongo:',
      '    image: mongo:7',
      '',
    ].join('\n');
    assertRanges(run(text, RULE), RULE, ['5:7-5:39', '9:9-9:39', '13:9-13:37', '14:3-14:8']);
  });

  it('reports the official redis image given only REDIS_PASSWORD (its entrypoint ignores it), at the variable', () => {
    const text = [
      'services:',
      '  cache:',
      '    image: redis:7',
      '    environment:',
      '      REDIS_PASSWORD: ${REDIS_PASSWORD:?}',
      '  dfly:',
      '    image: docker.dragonflydb.io/dragonflydb/dragonfly',
      '    environment: ["DFLY_requirepass=${DFLY_PASSWORD:?}"]',
      '  shell:',
      '    image: valkey/valkey:8',
      '    environment: { VALKEY_PASSWORD: "${VALKEY_PASSWORD:?}" }',
      '    command: sh -c "valkey-server --requirepass $$VALKEY_PASSWORD"',
      '',
    ].join('\n');
    const found = run(text, RULE);
    assertRanges(found, RULE, ['5:7-5:42']);
    assert.match(found[0].message, /sets REDIS_PASSWORD, but the official image ignores it/);
  });

  it('does not report datastores with a password', () => {
    const text = [
      'services:',
      '  cache:',
      '    image: redis:7',
      '    command: redis-server --requirepass "${REDIS_PASSWORD:?}"',
      '  kv:',
      '    image: bitnami/redis:7',
      '    environment: ["REDIS_PASSWORD=${REDIS_PASSWORD}"]',
      '  conf:',
      '    image: redis:7',
      '    command: ["redis-server", "/usr/local/etc/redis/redis.conf"]',
      '  mongo:',
      '    image: mongo:7',
      '    environment:',
      '      MONGO_INITDB_ROOT_USERNAME: root',
      '      MONGO_INITDB_ROOT_PASSWORD_FILE: /run/secrets/mongo',
      '  pg:',
      '    image: postgres:16',
      '    environment: { POSTGRES_PASSWORD: "${DB_PASSWORD}" }',
      '',
    ].join('\n');
    assert.deepEqual(run(text, RULE), []);
  });

  it('fix: adds --requirepass as command and a generated REDIS_PASSWORD to a new .env', () => {
    const out = fixed('services:\n  cache:\n    image: redis:7\n', RULE);
    assert.equal(out.text, 'services:\n  cache:\n    image: redis:7\n    command: ["--requirepass", "${REDIS_PASSWORD:?REDIS_PASSWORD must be set in .env}"]\n');
    assert.match(out.files['.env'], /^REDIS_PASSWORD=[A-Za-z0-9_-]{32,}\n$/);
  });

  it('fix: appends to a string or list command and to an existing .env without final newline', () => {
    const s = fixed('services:\n  cache:\n    image: valkey/valkey:8\n    command: valkey-server --appendonly yes\n', RULE, { extra: { '.env': 'TZ=UTC' } });
    assert.equal(s.text, 'services:\n  cache:\n    image: valkey/valkey:8\n    command: valkey-server --appendonly yes --requirepass ${VALKEY_PASSWORD:?VALKEY_PASSWORD must be set in .env}\n');
    assert.match(s.files['.env'], /^TZ=UTC\nVALKEY_PASSWORD=\S+\n$/);
    const l = fixed('services:\n  cache:\n    image: redis:7\n    command:\n      - redis-server\n    restart: always\n', RULE, { extra: { '.env': 'REDIS_PASSWORD=already-there-and-long-enough\n' } });
    assert.equal(l.text, 'services:\n  cache:\n    image: redis:7\n    command:\n      - redis-server\n      - --requirepass\n      - ${REDIS_PASSWORD:?REDIS_PASSWORD must be set in .env}\n    restart: always\n');
    assert.equal(l.files['.env'], 'REDIS_PASSWORD=already-there-and-long-enough\n');
  });

  it('the fix is not safe (clients need the password)', () => {
    assert.equal(run('services:\n  cache:\n    image: redis:7\n', RULE)[0].fixes[0].safe, false);
  });

  it('elasticsearch before 8.0 runs without security unless it is turned on; 8.x and opensearch are on by default', () => {
    const text = [
      'services:',
      '  es7:',
      '    image: elasticsearch:7.16.1',
      '    ports: ["9200:9200"]',
      '  es7on:',
      '    image: docker.elastic.co/elasticsearch/elasticsearch:7.17.0',
      '    environment: ["xpack.security.enabled=true"]',
      '  es8:',
      '    image: elasticsearch:8.13.0',
      '  os:',
      '    image: opensearchproject/opensearch:2.15.0',
      '  stack:',
      '    image: redislabs/redismod',
      '    ports: ["6379:6379"]',
      '',
    ].join('\n');
    const found = run(text, RULE);
    assertRanges(found, RULE, ['2:3-2:6', '12:3-12:8']);
    assert.deepEqual(found.map((f) => f.severity), ['error', 'error']);
    assert.match(found[0].message, /before 8\.0 it is off unless xpack\.security\.enabled=true/);
  });

  it('an unpublished redis on the network of an app whose users define connections (n8n, Node-RED) is an error; on its own network, info', () => {
    const text = (appNetworks: string) => [
      'services:',
      '  redis:',
      '    image: redis:7-alpine',
      '    networks: [back]',
      '  flows:',
      '    image: nodered/node-red:4.0',
      `    networks: ${appNetworks}`,
      'networks:',
      '  back: {}',
      '  front: {}',
      '',
    ].join('\n');
    const shared = run(text('[front, back]'), RULE);
    assertRanges(shared, RULE, ['2:3-2:8']);
    assert.equal(shared[0].severity, 'error');
    assert.match(shared[0].message, /not published, but any user of Node-RED \(service `flows`\) can connect to it/);
    const apart = run(text('[front]'), RULE);
    assertRanges(apart, RULE, ['2:3-2:8']);
    assert.equal(apart[0].severity, 'info');
  });
});
