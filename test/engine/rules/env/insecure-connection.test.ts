import * as assert from 'node:assert/strict';
import { lintText, assertRanges, checkFix } from '../../../support/lint';
import { reparseEnv } from './support';

const RULE = 'env/insecure-connection';

describe('env/insecure-connection', () => {
  it('reports TLS turned off to a remote host, plain redis:// with a password, and mongodb:// without credentials', () => {
    const text = [
      'DATABASE_URL=postgres://app:Zt8yQ3mV9pL2xK7wN4rB6cD1@db.example.com:5432/app?sslmode=disable',
      'REDIS_URL=redis://:Zt8yQ3mV9pL2xK7wN4rB6cD1@cache.example.com:6379',
      'MONGODB_URI=mongodb://mongo:27017/notes',
      'MONGO_TLS=mongodb://u:Zt8yQ3mV9pL2xK7wN4rB6cD1@m.example.com/db?tls=false',
      '',
    ].join('\n');
    const found = lintText('.env', text, RULE);
    assertRanges(found, RULE, ['1:86-1:93', '2:11-2:16', '3:13-3:40', '4:69-4:74']);
    assert.match(found[0].message, /^DATABASE_URL turns TLS off for a remote host/);
    assert.match(found[2].message, /MongoDB without credentials/);
    assert.ok(found.every((f) => !f.message.includes('Zt8yQ3mV9pL2xK7wN4rB6cD1')));
  });

  it('does not report local or compose-network hosts, TLS URLs or plain public URLs', () => {
    const text = [
      'DATABASE_URL=postgres://app:Zt8yQ3mV9pL2xK7wN4rB6cD1@db:5432/app?sslmode=disable',
      'LOCAL_URL=postgres://app:Zt8yQ3mV9pL2xK7wN4rB6cD1@localhost/app?sslmode=disable',
      'REDIS_URL=rediss://:Zt8yQ3mV9pL2xK7wN4rB6cD1@cache.example.com:6379',
      'CACHE_URL=redis://redis:6379',
      'MONGODB_URI=mongodb://u:Zt8yQ3mV9pL2xK7wN4rB6cD1@mongo:27017/notes?authSource=admin&ssl=true',
      'APP_URL=http://example.com',
      '',
    ].join('\n');
    assert.deepEqual(lintText('.env', text, RULE), []);
  });

  it('fixes sslmode=disable to require', () => {
    const fixed = checkFix({ '.env': 'DATABASE_URL=postgres://a:Zt8yQ3mV9pL2xK7wN4rB6cD1@10.0.0.5/app?sslmode=disable\n' }, '.env', RULE, { reparse: reparseEnv });
    assert.match(fixed['.env'], /\?sslmode=require\n$/);
  });

  it('fixes redis:// to rediss://', () => {
    const fixed = checkFix({ '.env': 'REDIS_URL=redis://:Zt8yQ3mV9pL2xK7wN4rB6cD1@cache.example.com:6379\n' }, '.env', RULE, { reparse: reparseEnv });
    assert.match(fixed['.env'], /^REDIS_URL=rediss:\/\//);
  });
});
