import * as assert from 'node:assert/strict';
import { lint, rangeOf, checkFix, textOf } from '../../../support/lint';
import { parseCompose } from '../../../../server/src/engine/parse/compose';
import { parseDotenv } from '../../../../server/src/engine/parse/dotenv';

const RULE = 'compose/undefined-variable';
const COMPOSE = [
  'services:',
  '  db:',
  '    image: postgres:16',
  '    environment:',
  '      POSTGRES_PASSWORD: ${DB_PASSWORD}',
  '      POSTGRES_DB: ${DB_NAME:-app}',
  '      POSTGRES_USER: $DB_USER',
  '    env_file: app.env',
  '',
].join('\n');

function reparse(text: string, path: string): boolean {
  return path.endsWith('.env') ? parseDotenv(text).errors.length === 0 : parseCompose(text).errors.length === 0;
}

describe(RULE, () => {
  it('reports ${VAR} and $VAR missing from .env, at the reference, and not ${VAR:-default}', () => {
    const files = { 'docker-compose.yml': COMPOSE, '.env': 'OTHER=1\n' };
    const found = lint(files, 'docker-compose.yml', RULE);
    assert.deepEqual(found.map(rangeOf), ['5:26-5:40', '7:22-7:30']);
    assert.deepEqual(found.map((f) => textOf(files, f)), ['${DB_PASSWORD}', '$DB_USER']);
    assert.match(found[0].message, /DB_PASSWORD is not defined in \.env.*empty password/);
  });

  it('finds references nested in sequences, flow collections and complex keys, among collections without any', () => {
    const text = [
      'x-plain: { a: 1, b: [2, 3] }',
      'services:',
      '  web:',
      '    image: nginx',
      '    deploy: { resources: { limits: { memory: 1g } } }',
      '    command: [sh, -c, "run", { opt: [x, "$IN_FLOW"] }]',
      '    labels:',
      '      - one',
      '      - two: ${IN_SEQ_MAP}',
      '    ? [k, $IN_KEY]',
      '    : v',
      '    healthcheck:',
      '      test: [CMD, true]',
      '  # $NOT_A_VALUE',
      '  other:',
      '    image: ${LAST}',
      '',
    ].join('\n');
    const files = { 'docker-compose.yml': text, '.env': 'OTHER=1\n' };
    assert.deepEqual(lint(files, 'docker-compose.yml', RULE).map((f) => textOf(files, f)), ['$IN_FLOW', '${IN_SEQ_MAP}', '$IN_KEY', '${LAST}']);
  });

  it('is silent when .env defines the variable (even empty) or a default is given', () => {
    const files = { 'docker-compose.yml': COMPOSE, '.env': 'DB_PASSWORD=x\nDB_USER=app\n' };
    assert.deepEqual(lint(files, 'docker-compose.yml', RULE), []);
  });

  it('says when the variable is only in an env_file, which never feeds interpolation', () => {
    const files = { 'docker-compose.yml': COMPOSE, '.env': 'DB_USER=app\n', 'app.env': 'DB_PASSWORD=s3cr3t-value\n' };
    const [f] = lint(files, 'docker-compose.yml', RULE);
    assert.match(f.message, /only set in env_file app\.env/);
    assert.equal(f.related?.[0].file, '/ws/app.env');
    assert.equal(f.related?.[0].range.start.line, 0);
    assert.ok(!f.message.includes('s3cr3t-value'));
  });

  it('checks references nested in defaults and ignores $$ escapes', () => {
    const text = 'services:\n  app:\n    image: x:1\n    command: echo $$HOME ${A:-${B}}\n';
    const found = lint({ 'docker-compose.yml': text, '.env': '' }, 'docker-compose.yml', RULE);
    assert.deepEqual(found.map(rangeOf), ['4:31-4:35']);
  });

  it('fix: appends the variable to .env (a generated value for credentials), or creates .env', () => {
    const fixed = checkFix({ 'docker-compose.yml': COMPOSE, '.env': 'DB_USER=app' }, 'docker-compose.yml', RULE, { reparse });
    assert.match(fixed['.env'], /^DB_USER=app\nDB_PASSWORD=[A-Za-z0-9]{32}\n$/);
    const created = checkFix({ 'docker-compose.yml': 'services:\n  app:\n    image: x:1\n    environment:\n      LEVEL: ${LOG_LEVEL}\n' }, 'docker-compose.yml', RULE, { reparse });
    assert.equal(created['.env'], 'LOG_LEVEL=\n');
  });

  describe('no flood (ARCHITECTURE.md, Precision): no .env, but a template beside the compose file', () => {
    const compose = [
      'services:',
      '  app:',
      '    image: x:1',
      '    environment:',
      '      DB_PASSWORD: ${DB_PASSWORD}',
      '      DB_HOST: ${DB_HOST}',
      '      JWT_SECRET: ${JWT_SECRET}',
      '      EXTRA: ${NOT_IN_TEMPLATE}',
      '      AGAIN: ${DB_HOST}',
      '',
    ].join('\n');
    const template = 'DB_PASSWORD=\nDB_HOST=db\nJWT_SECRET=\n';

    it('reports the variables the template defines once, at the first use, pointing at the template; the others once more', () => {
      const files = { 'docker-compose.yml': compose, 'deploy.env': template };
      const found = lint(files, 'docker-compose.yml', RULE);
      assert.deepEqual(found.map(rangeOf), ['5:20-5:34', '8:14-8:32']);
      assert.match(found[0].message, /^3 variables are only defined in the template deploy\.env \(DB_PASSWORD, DB_HOST, JWT_SECRET\): copy it to \.env/);
      assert.deepEqual(found[0].related?.map((r) => [r.file, r.range.start.line]), [['/ws/deploy.env', 0], ['/ws/deploy.env', 1], ['/ws/deploy.env', 2]]);
      assert.match(found[1].message, /^1 variable has no value and no default \(NOT_IN_TEMPLATE\), not even in the template: this project has no \.env/);
    });

    it('without .env or template: one finding for the file, whose fix creates .env (generated values for credentials)', () => {
      const files = { 'docker-compose.yml': compose };
      const found = lint(files, 'docker-compose.yml', RULE);
      assert.deepEqual(found.map(rangeOf), ['5:20-5:34']);
      assert.match(found[0].message, /^4 variables have no value and no default \(DB_PASSWORD, DB_HOST, JWT_SECRET, NOT_IN_TEMPLATE\): .*\(2 of them credentials: empty secrets\)/);
      const fixed = checkFix(files, 'docker-compose.yml', RULE, { reparse });
      assert.match(fixed['.env'], /^DB_PASSWORD=[A-Za-z0-9]{32}\nDB_HOST=\nJWT_SECRET=[A-Za-z0-9_-]{43}\nNOT_IN_TEMPLATE=\n$/);
    });

    it('reports one by one when .env exists, and an env_file is not a template', () => {
      const withEnv = lint({ 'docker-compose.yml': compose, '.env.example': template, '.env': 'OTHER=1\n' }, 'docker-compose.yml', RULE);
      assert.equal(withEnv.length, 5);
      const envFile = compose.replace('    environment:', '    env_file: deploy.env\n    environment:');
      assert.equal(lint({ 'docker-compose.yml': envFile, 'deploy.env': template }, 'docker-compose.yml', RULE).length, 5);
    });

    it('fix: copies the template to .env', () => {
      const files = { 'docker-compose.yml': compose.replace('      EXTRA: ${NOT_IN_TEMPLATE}\n', ''), '.env.example': template };
      const fixed = checkFix(files, 'docker-compose.yml', RULE, { reparse, title: /Copy \.env\.example to \.env/ });
      assert.equal(fixed['.env'], template);
    });
  });
});
