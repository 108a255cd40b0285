import * as assert from 'node:assert/strict';
import { lint, lintText, assertRanges, checkFix } from '../../../support/lint';
import { APP_SETTINGS } from '../../../../server/src/engine/catalogue/app-settings';
import { reparseEnv } from './support';

const RULE = 'env/insecure-setting';

const MAILSERVER = [
  'services:',
  '  mailserver:',
  '    image: ghcr.io/docker-mailserver/docker-mailserver:14.0',
  '    env_file: mailserver.env',
  '    ports:',
  '      - "25:25"',
  '      - "587:587"',
  '      - "993:993"',
  '',
].join('\n');

describe('env/insecure-setting: application switches (catalogue/app-settings)', () => {
  it('every row names the source that documents it', () => {
    for (const row of APP_SETTINGS) assert.match(row.source, /^https:\/\/|\(/, row.app);
  });

  it('reports docker-mailserver SSL_TYPE and SPOOF_PROTECTION empty, in the env_file of a mail server', () => {
    const env = 'SPOOF_PROTECTION=\nENABLE_FAIL2BAN=0\nSSL_TYPE=\n';
    const found = lint({ 'docker-compose.yml': MAILSERVER, 'mailserver.env': env }, 'mailserver.env', RULE);
    assertRanges(found, RULE, ['1:1-1:18', '2:17-2:18', '3:1-3:10']);
    assert.deepEqual(found.map((f) => f.severity), ['warning', 'info', 'warning']);
    assert.match(found[2].message, /^SSL_TYPE=: TLS is off/);
  });

  it('reports ENABLE_FAIL2BAN=0 only when the mail server publishes ports', () => {
    const unpublished = MAILSERVER.replace(/    ports:[\s\S]*$/, '');
    assert.deepEqual(lint({ 'docker-compose.yml': unpublished, 'mailserver.env': 'ENABLE_FAIL2BAN=0\n' }, 'mailserver.env', RULE), []);
  });

  it('recognises a docker-mailserver env file by its keys when no compose file uses it; not a generic SSL_TYPE', () => {
    const env = 'POSTSCREEN_ACTION=enforce\nENABLE_AMAVIS=1\nONE_DIR=1\nSPOOF_PROTECTION=0\n';
    assertRanges(lintText('mailserver.env', env, RULE), RULE, ['4:18-4:19']);
    assert.deepEqual(lintText('.env', 'SSL_TYPE=\nSPOOF_PROTECTION=\n', RULE), []);
  });

  it('reports GoTrue wildcard redirects, Supabase functions without JWT, autoconfirm, pgAdmin desktop mode, Traefik insecure API', () => {
    const text = [
      'GOTRUE_URI_ALLOW_LIST=https://app.example.com,**',
      'FUNCTIONS_VERIFY_JWT=false',
      'ENABLE_EMAIL_AUTOCONFIRM=true',
      'PGADMIN_CONFIG_SERVER_MODE=False',
      'TRAEFIK_API_INSECURE=true',
      '',
    ].join('\n');
    const found = lintText('.env', text, RULE);
    assertRanges(found, RULE, ['1:23-1:49', '2:22-2:27', '3:26-3:30', '4:28-4:33', '5:22-5:26']);
    assert.match(found[1].message, /\(Supabase\)\.$/);
  });

  it('does not report the safe neighbours', () => {
    const text = [
      'GOTRUE_URI_ALLOW_LIST=https://app.example.com/**',
      'FUNCTIONS_VERIFY_JWT=true',
      'ENABLE_EMAIL_AUTOCONFIRM=false',
      'PGADMIN_CONFIG_SERVER_MODE=True',
      'POSTGRES_HOST_AUTH_METHOD=scram-sha-256',
      '',
    ].join('\n');
    assert.deepEqual(lintText('.env', text, RULE), []);
  });

  it('fixes: flips the switch, fills an empty SPOOF_PROTECTION', () => {
    assert.equal(checkFix({ '.env': 'FUNCTIONS_VERIFY_JWT=false\n' }, '.env', RULE, { reparse: reparseEnv })['.env'], 'FUNCTIONS_VERIFY_JWT=true\n');
    const files = checkFix({ 'docker-compose.yml': MAILSERVER, 'mailserver.env': 'SPOOF_PROTECTION=\n' }, 'mailserver.env', RULE, { reparse: reparseEnv });
    assert.equal(files['mailserver.env'], 'SPOOF_PROTECTION=1\n');
  });
});
