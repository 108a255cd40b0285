import * as assert from 'node:assert/strict';
import { assertRanges } from '../../../support/lint';
import { run } from './helpers';

const RULE = 'compose/datastore-plaintext';

describe(RULE, () => {
  it('reports Kafka with only PLAINTEXT listeners at the listeners, error when published', () => {
    const text = [
      'services:',
      '  kafka:',
      '    image: bitnami/kafka:3.7',
      '    ports: ["9092:9092"]',
      '    environment:',
      '      - KAFKA_CFG_LISTENERS=PLAINTEXT://:9092,CONTROLLER://:9093',
      '      - ALLOW_PLAINTEXT_LISTENER=yes',
      '',
    ].join('\n');
    const found = run(text, RULE);
    assertRanges(found, RULE, ['6:9-6:65']);
    assert.equal(found[0].severity, 'error');
  });

  it('reports pgbouncer AUTH_TYPE=trust at the setting, info when unpublished', () => {
    const text = 'services:\n  pooler:\n    image: edoburu/pgbouncer:1.22\n    environment:\n      AUTH_TYPE: trust\n';
    const found = run(text, RULE);
    assertRanges(found, RULE, ['5:7-5:23']);
    assert.equal(found[0].severity, 'info');
  });

  it('reports NATS without auth, memcached without SASL, ClickHouse with a user and no password', () => {
    const text = [
      'services:',
      '  nats:',
      '    image: nats:2.10',
      '    command: ["-js"]',
      '  cache:',
      '    image: memcached:1.6',
      '  ch:',
      '    image: clickhouse/clickhouse-server:24.3',
      '    environment:',
      '      CLICKHOUSE_USER: app',
      '',
    ].join('\n');
    assertRanges(run(text, RULE), RULE, ['4:14-4:21', '5:3-5:8', '10:7-10:27']);
  });

  it('does not report brokers with SASL, auth flags, config files, a password or a safe auth type', () => {
    const text = [
      'services:',
      '  kafka:',
      '    image: confluentinc/cp-kafka:7.6.0',
      '    environment:',
      '      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: CLIENT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT',
      '  nats:',
      '    image: nats:2.10',
      '    command: --user app --pass ${NATS_PASSWORD:?}',
      '  nats2:',
      '    image: nats:2.10',
      '    command: -c /etc/nats/nats.conf',
      '  pooler:',
      '    image: bitnami/pgbouncer:1',
      '    environment:',
      '      PGBOUNCER_AUTH_TYPE: scram-sha-256',
      '  ch:',
      '    image: clickhouse/clickhouse-server:24.3',
      '    environment:',
      '      CLICKHOUSE_USER: app',
      '      CLICKHOUSE_PASSWORD: ${CH_PASSWORD:?}',
      '  cache:',
      '    image: memcached:1.6',
      '    command: memcached -S',
      '  es:',
      '    image: elasticsearch:7.17.0',
      '',
    ].join('\n');
    assert.deepEqual(run(text, RULE), []);
  });
});
