import * as assert from 'node:assert/strict';
import { lint, lintText, assertRanges } from '../../../support/lint';

const RULE = 'env/weak-secret';

// ARCHITECTURE.md, Precision "Disabled is not weak" and "Reachability decides severity", for env files.
describe('env/weak-secret: disabled integrations and reachability', () => {
  it('does not report empty credentials of integrations that are off, optional third parties, or values the image generates', () => {
    const text = [
      'ENABLE_SRS=0',
      'SRS_SECRET=',
      'ENABLE_SASLAUTHD=false',
      'SASLAUTHD_LDAP_PASSWORD=',
      'RELAY_PASSWORD=',
      'GOOGLE_OAUTH_CLIENT_SECRET=',
      'SMTP_PASSWORD=',
      'MAPS_API_KEY=',
      '# empty => generated when the container starts',
      'INTERNAL_SECRET=',
      '',
    ].join('\n');
    assert.deepEqual(lintText('.env', text, RULE), []);
  });

  it('still reports empty secrets that guard the app\'s own data, and an enabled integration\'s empty secret', () => {
    const text = [
      'ENABLE_SRS=1',
      'SRS_SECRET=',
      'JWT_SECRET=',
      'SESSION_SECRET=',
      'DB_PASSWORD=',
      'RELAY_PASSWORD=changeme',
      '',
    ].join('\n');
    const found = lintText('.env', text, RULE);
    assertRanges(found, RULE, ['2:1-2:11', '3:1-3:11', '4:1-4:15', '5:1-5:12', '6:16-6:24']);
    assert.ok(found.every((f) => f.severity === 'error'));
  });

  it('a weak datastore password is error when compose publishes the datastore, info when only the project reaches it', () => {
    const compose = (ports: string) => [
      'services:',
      '  db:',
      '    image: postgres:16',
      ports,
      '    environment:',
      '      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}',
      '  app:',
      '    image: x:1',
      '    environment:',
      '      JWT_SECRET: ${JWT_SECRET}',
      '',
    ].filter((l) => l !== '').join('\n') + '\n';
    const env = 'POSTGRES_PASSWORD=changeme\nJWT_SECRET=short\n';
    const open = lint({ 'docker-compose.yml': compose('    ports: ["5432:5432"]'), '.env': env }, '.env', RULE);
    assertRanges(open, RULE, ['1:19-1:27', '2:12-2:17']);
    assert.deepEqual(open.map((f) => f.severity), ['error', 'error']);
    const internal = lint({ 'docker-compose.yml': compose('    expose: ["5432"]'), '.env': env }, '.env', RULE);
    assertRanges(internal, RULE, ['1:19-1:27', '2:12-2:17']);
    assert.deepEqual(internal.map((f) => f.severity), ['info', 'error']);
    assert.match(internal[0].message, /defence in depth/);
    const loopback = lint({ 'docker-compose.yml': compose('    ports: ["127.0.0.1:5432:5432"]'), '.env': env }, '.env', RULE);
    assert.deepEqual(loopback.map((f) => f.severity), ['info', 'error']);
  });

  it('a variable passed by name (`- POSTGRES_PASSWORD`) is judged by the datastore that gets it', () => {
    const compose = 'services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_PASSWORD\n';
    const found = lint({ 'docker-compose.yml': compose, '.env': 'POSTGRES_PASSWORD=changeme\n' }, '.env', RULE);
    assertRanges(found, RULE, ['1:19-1:27']);
    assert.equal(found[0].severity, 'info');
  });
});

// Labels of n8n-hosting, pihole-cloudflared-DoH and mailcow (corpus): what the app or image does decides the reach.
describe('env/weak-secret: what the apps of the project make of a credential', () => {
  const n8nStack = (extra: string[] = [], n8nNetworks: string[] = []) => [
    'services:',
    '  postgres:',
    '    image: postgres:16',
    '    environment:',
    '      - POSTGRES_PASSWORD',
    '  n8n:',
    '    image: docker.n8n.io/n8nio/n8n:1.90.0',
    '    ports: ["127.0.0.1:5678:5678"]',
    '    environment:',
    '      - DB_POSTGRESDB_HOST=postgres',
    '      - DB_POSTGRESDB_PASSWORD=${POSTGRES_PASSWORD}',
    '      - N8N_RUNNERS_AUTH_TOKEN=${RUNNERS_AUTH_TOKEN}',
    ...n8nNetworks,
    '  runner:',
    '    image: n8nio/runners:1.90.0',
    '    environment:',
    '      - N8N_RUNNERS_AUTH_TOKEN=${RUNNERS_AUTH_TOKEN}',
    ...extra,
    '',
  ].join('\n');
  const env = 'POSTGRES_PASSWORD=changePassword\nRUNNERS_AUTH_TOKEN=changeRunnerAuthToken\n';

  it('an unpublished datastore on the network of n8n is reachable by any n8n user (a Postgres node): error', () => {
    const found = lint({ 'docker-compose.yml': n8nStack(), '.env': env }, '.env', RULE);
    assertRanges(found, RULE, ['1:19-1:33', '2:20-2:41']);
    assert.equal(found[0].severity, 'error');
    assert.match(found[0].message, /not published, but any user of n8n \(service `n8n`\) can connect to it/);
  });

  it('n8n on another network does not reach it: info, defence in depth', () => {
    const text = n8nStack(['networks:', '  front: {}', '  back: {}'], ['    networks: [front]'])
      .replace('      - POSTGRES_PASSWORD\n', '      - POSTGRES_PASSWORD\n    networks: [back]\n');
    const found = lint({ 'docker-compose.yml': text, '.env': env }, '.env', RULE);
    assertRanges(found, RULE, ['1:19-1:33', '2:20-2:41']);
    assert.equal(found[0].severity, 'info');
    assert.doesNotMatch(found[0].message, /any user of n8n/);
  });

  it('a weak runner token is a warning while n8n\'s broker port 5679 is unpublished, an error once it is published', () => {
    const internal = lint({ 'docker-compose.yml': n8nStack(), '.env': env }, '.env', RULE);
    assert.equal(internal[1].severity, 'warning');
    assert.match(internal[1].message, /broker it guards \(service `n8n`, port 5679\) is not published/);
    const published = n8nStack().replace('["127.0.0.1:5678:5678"]', '["127.0.0.1:5678:5678", "5679:5679"]');
    const open = lint({ 'docker-compose.yml': published, '.env': env }, '.env', RULE);
    assertRanges(open, RULE, ['1:19-1:33', '2:20-2:41']);
    assert.equal(open[1].severity, 'error');
  });

  const pihole = (tag: string) => `services:\n  pihole:\n    image: pihole/pihole:${tag}\n    environment:\n      - WEBPASSWORD=\${PIHOLE_PW}\n`;

  it('a weak WEBPASSWORD for Pi-hole v6 (:latest, 2025.x), which ignores it, is a warning', () => {
    for (const tag of ['latest', '2025.03.0']) {
      const found = lint({ 'docker-compose.yml': pihole(tag), '.env': 'PIHOLE_PW=changeit\n' }, '.env', RULE);
      assertRanges(found, RULE, ['1:11-1:19']);
      assert.equal(found[0].severity, 'warning', tag);
      assert.match(found[0].message, /Pi-hole v6, which ignores WEBPASSWORD/);
    }
  });

  it('a v5 Pi-hole (2024.07.0) reads WEBPASSWORD: error', () => {
    const found = lint({ 'docker-compose.yml': pihole('2024.07.0'), '.env': 'PIHOLE_PW=changeit\n' }, '.env', RULE);
    assertRanges(found, RULE, ['1:11-1:19']);
    assert.equal(found[0].severity, 'error');
    assert.doesNotMatch(found[0].message, /ignores/);
  });

  it('SOGo\'s URL key only obfuscates user names: its built-in default is info; other keys stay errors', () => {
    const found = lintText('.env', 'SOGO_URL_ENCRYPTION_KEY=SOGoSuperSecret0\nENCRYPTION_KEY=SOGoSuperSecret0\n', RULE);
    assertRanges(found, RULE, ['1:25-1:41', '2:16-2:32']);
    assert.deepEqual(found.map((f) => f.severity), ['info', 'error']);
    assert.match(found[0].message, /is a known default \(SOGo uses it .* only to obfuscate user names/);
  });
});
