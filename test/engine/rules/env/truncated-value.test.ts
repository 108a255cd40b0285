import * as assert from 'node:assert/strict';
import { lintText, assertRanges, checkFix } from '../../../support/lint';
import { parseDotenv, envValues } from '../../../../server/src/engine/parse/dotenv';
import { reparseEnv } from './support';

const RULE = 'env/truncated-value';

describe('env/truncated-value', () => {
  it('reports values that dotenv cuts or that compose reads differently, on the intended value', () => {
    const text = [
      'DB_PASSWORD=abc#123',
      'ADMIN_PASSWORD=Zt8yQ3mV #9pL2',
      'TITLE="My app" beta',
      'REDIS_PASSWORD=Zt8y$Q3mV9pL2xK7w',
      'NOTE=`hello`',
      '',
    ].join('\n');
    const found = lintText('.env', text, RULE);
    assertRanges(found, RULE, ['1:13-1:20', '2:16-2:30', '3:7-3:20', '4:16-4:33', '5:6-5:13']);
    assert.equal(found[0].message, "DB_PASSWORD is cut at '#': dotenv reads only the part before it, docker compose the whole text.");
  });

  it('does not report quoted values, ordinary inline comments or references', () => {
    const text = [
      "DB_PASSWORD='abc#123'",
      'APP_NAME=demo # the name shown in the UI',
      'DB_PASSWORD2="abc#123"',
      'PORT=3000 #http',
      'POSTGRES_PASSWORD=${DB_PASSWORD}',
      "JWT_SECRET='a$b'",
      'GREETING=hello world',
      '',
    ].join('\n');
    assert.deepEqual(lintText('.env', text, RULE), []);
  });

  it('quotes the whole intended value so both tools read it', () => {
    const fixed = checkFix({ '.env': 'DB_PASSWORD=abc#123 # note\n' }, '.env', RULE, { reparse: reparseEnv });
    assert.equal(fixed['.env'], "DB_PASSWORD='abc#123' # note\n");
    assert.equal(envValues(parseDotenv(fixed['.env'])).get('DB_PASSWORD'), 'abc#123');
    const withQuote = checkFix({ '.env': "P_PASSWORD=it's#1\n" }, '.env', RULE, { reparse: reparseEnv });
    assert.equal(withQuote['.env'], 'P_PASSWORD="it\'s#1"\n');
  });

  it('single-quotes a secret with $ and a backtick value', () => {
    assert.equal(checkFix({ '.env': 'REDIS_PASSWORD="Zt8y$Q3mV9pL2xK7w"\n' }, '.env', RULE, { reparse: reparseEnv })['.env'], "REDIS_PASSWORD='Zt8y$Q3mV9pL2xK7w'\n");
    assert.equal(checkFix({ '.env': 'NOTE=`hello`\n' }, '.env', RULE, { reparse: reparseEnv })['.env'], "NOTE='hello'\n");
  });
});
