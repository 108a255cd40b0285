import * as assert from 'node:assert/strict';
import { assertRanges, textOf } from '../../../support/lint';
import { FILE, fixed, run } from './helpers';

const RULE = 'compose/exposed-datastore-port';

describe(RULE, () => {
  it('reports a datastore port published on all interfaces, at the list item', () => {
    const text = 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n';
    const found = run(text, RULE);
    assertRanges(found, RULE, ['5:9-5:20']);
    assert.equal(found[0].severity, 'error');
    assert.equal(textOf({ [FILE]: text }, found[0]), '"5432:5432"');
  });

  it('reports 0.0.0.0 and [::], port ranges, bare numbers and long syntax without host_ip', () => {
    const text = [
      'services:',
      '  cache:',
      '    image: registry:5000/redis:7',
      '    ports:',
      '      - "0.0.0.0:6379:6379"',
      '      - "[::]:6380:6379"',
      '      - "6381-6382:6381-6382"',
      '      - 6379',
      '      - target: 6379',
      '        published: 6390',
      '',
    ].join('\n');
    assertRanges(run(text, RULE), RULE, ['5:9-5:28', '6:9-6:25', '7:9-7:30', '8:9-8:13', '10:9-10:24']);
  });

  it('does not report loopback binds (127.0.0.1, [::1], host_ip) or non-datastores', () => {
    const text = [
      'services:',
      '  db:',
      '    image: pgvector/pgvector:pg16',
      '    ports:',
      '      - "127.0.0.1:5432:5432"',
      '      - "[::1]:5433:5432"',
      '      - target: 5432',
      '        published: 5434',
      '        host_ip: 127.0.0.1',
      '      - "${DB_BIND:-127.0.0.1}:5435:5432"',
      '      - "${SQL_PORT:-127.0.0.1:13306}:5432"',
      '  admin:',
      '    image: redis-commander:latest',
      '    ports: ["8081:8081"]',
      '  exporter:',
      '    image: prometheuscommunity/postgres-exporter',
      '    ports: ["9187:9187"]',
      '',
    ].join('\n');
    assert.deepEqual(run(text, RULE), []);
  });

  it('matches datastores by image name with registries, tags and digests', () => {
    const text = [
      'services:',
      '  a: { image: "docker.elastic.co/elasticsearch/elasticsearch:8.13.0", ports: ["9200:9200"] }',
      '  b: { image: "mongo@sha256:0123abcd", ports: ["27017:27017"] }',
      '  c: { image: "bitnami/postgresql:16", ports: ["5432:5432"] }',
      '  d: { image: "mongodb/mongodb-community-server:7.0-ubi8", ports: ["27018:27017"] }',
      '',
    ].join('\n');
    assert.equal(run(text, RULE).length, 4);
  });

  it('fix: binds the short syntax to 127.0.0.1, keeping quotes', () => {
    const text = 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432" # debug\n';
    const out = fixed(text, RULE, { title: /127\.0\.0\.1/ });
    assert.equal(out.text, 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432" # debug\n');
  });

  it('fix: binds a flow list item and a bare number', () => {
    const out = fixed('services:\n  db:\n    image: redis:7\n    ports: [6379]\n', RULE, { title: /127/ });
    assert.equal(out.text, 'services:\n  db:\n    image: redis:7\n    ports: ["127.0.0.1::6379"]\n');
  });

  it('fix: replaces 0.0.0.0/[::] and keeps the protocol', () => {
    const out = fixed("services:\n  db:\n    image: redis:7\n    ports:\n      - '[::]:6379:6379/tcp'\n", RULE, { title: /127/ });
    assert.equal(out.text, "services:\n  db:\n    image: redis:7\n    ports:\n      - '127.0.0.1:6379:6379/tcp'\n");
  });

  it('fix: long syntax becomes the short form (docker-compose 1.x has no host_ip), or gets host_ip (4-space indent, CRLF)', () => {
    const text = 'services:\r\n    db:\r\n        image: mysql:8\r\n        ports:\r\n            - target: 3306\r\n              published: 3306\r\n';
    assert.equal(fixed(text, RULE, { title: /127/ }).text, 'services:\r\n    db:\r\n        image: mysql:8\r\n        ports:\r\n            - "127.0.0.1:3306:3306"\r\n');
    const named = text.replace('published: 3306\r\n', 'published: 3306\r\n              name: mysql\r\n');
    assert.equal(fixed(named, RULE, { title: /127/ }).text, `${named}              host_ip: 127.0.0.1\r\n`);
  });

  it('fix: removes the port, and the whole ports key when it was the only one', () => {
    const text = 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n    restart: always\n';
    assert.equal(fixed(text, RULE, { title: /Remove/ }).text, 'services:\n  db:\n    image: postgres:16\n    restart: always\n');
    const two = 'services:\n  db:\n    image: postgres:16\n    ports: ["127.0.0.1:5433:5432", "5432:5432"]\n';
    assert.equal(fixed(two, RULE, { title: /Remove/ }).text, 'services:\n  db:\n    image: postgres:16\n    ports: ["127.0.0.1:5433:5432"]\n');
  });

  it('fixes are offered but not safe', () => {
    const [f] = run('services:\n  db:\n    image: postgres\n    ports: ["5432:5432"]\n', RULE);
    assert.deepEqual(f.fixes.map((x) => x.safe), [false, false]);
  });

  it('matches a generic repository name (community-server) by its namespace, and server builds by suffix', () => {
    const text = [
      'services:',
      '  a: { image: "container-registry.oracle.com/mysql/community-server:8.4", ports: ["3306:3306"] }',
      '  b: { image: "mongodb/mongodb-enterprise-server:7.0-ubi8", ports: ["27017:27017"] }',
      '  c: { image: "jc21/mariadb-aria:latest", ports: ["3307:3306"] }',
      '  d: { image: "bitnami/redis-sentinel:7.2", ports: ["26379:26379"] }',
      '  e: { image: "ghcr.io/acme/server:1.0", ports: ["8080:8080"] }',
      '  f: { image: "redis/redisinsight:2.54", ports: ["5540:5540"] }',
      '',
    ].join('\n');
    const found = run(text, RULE);
    assertRanges(found, RULE, ['2:83-2:94', '3:69-3:82', '4:51-4:62', '5:53-5:66']);
    assert.match(found[0].message, /^mysql \(service `a`\)/);
  });

  it('reads host addresses in variables from .env, the way compose interpolates them', () => {
    const text = [
      'services:',
      '  db:',
      '    image: postgres:16',
      '    ports:',
      '      - "${BIND_IP:-0.0.0.0}:5432:5432"',
      '      - "${DB_LISTEN}:5432"',
      '      - ${DB_PORT_SPEC-:5434:5432}',
      '',
    ].join('\n');
    // No .env: the defaults bind every interface; an unset DB_LISTEN leaves no host address either.
    assertRanges(run(text, RULE), RULE, ['5:9-5:40', '6:9-6:28', '7:9-7:35']);
    const loopback = { '.env': 'BIND_IP=127.0.0.1\nDB_LISTEN=127.0.0.1:5433\nDB_PORT_SPEC=127.0.0.1:5434:5432\n' };
    assert.deepEqual(run(text, RULE, loopback), []);
    const open = { '.env': 'BIND_IP=\nDB_LISTEN=5433\nDB_PORT_SPEC=127.0.0.1:5434:5432\n' };
    assertRanges(run(text, RULE, open), RULE, ['5:9-5:40', '6:9-6:28']);
  });

  it('a mapping held whole by a variable is described by its default and gets no bind fix', () => {
    const [f] = run('services:\n  db:\n    image: redis:7\n    ports:\n      - ${REDIS_PORTS-:6379:6379}\n', RULE);
    assert.match(f.message, /publishes port 6379 on all interfaces/);
    assert.deepEqual(f.fixes.map((x) => x.title), ['Remove the published port']);
  });
});
