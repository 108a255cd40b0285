import * as assert from 'node:assert/strict';
import { lint, lintText, assertRanges } from '../../../support/lint';

const RULE = 'env/weak-secret';

// SPEC §10 "Disabled is not weak" and "Reachability decides severity", for env files.
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
