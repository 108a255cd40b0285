import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lintText } from '../../../support/lint';
import { weakFamilies } from '../../../../server/src/engine/nginx/ciphers';
import { INTERMEDIATE_CIPHERS } from '../../../../server/src/engine/nginx/https-fixes';
import { reparse } from './support';

const RULE = 'nginx/weak-tls-cipher';
const MOZILLA_57 = 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305';

describe('nginx/weak-tls-cipher', () => {
  it('reports the ssl_ciphers value that enables weak suites', () => {
    const text = 'server {\n    listen 443 ssl;\n    ssl_ciphers "HIGH:RC4-SHA:!aNULL";\n}\n';
    const found = lintText('app.conf', text, RULE);
    assertRanges(found, RULE, ['3:17-3:38']);
    assert.match(found[0].message, /RC4/);
  });

  it('evaluates the cipher string like OpenSSL', () => {
    const weak = (s: string) => weakFamilies(s).families;
    // Mozilla 6.0 and 5.7 intermediate, nginx's default, common hardened strings: not weak.
    for (const ok of [INTERMEDIATE_CIPHERS, MOZILLA_57, 'HIGH:!aNULL:!MD5', 'EECDH+AESGCM:EDH+AESGCM', 'HIGH:!aNULL:!MD5:!3DES', '!aNULL:HIGH', 'AES128+EECDH:AES128+EDH']) {
      assert.deepEqual(weak(ok), [], ok);
    }
    // Single legacy suites and catch-alls are.
    assert.deepEqual(weak('DES-CBC3-SHA'), ['3DES']);
    assert.deepEqual(weak('RC4-SHA'), ['RC4']);
    assert.ok(weak('EXP-RC4-MD5').includes('EXPORT'));
    assert.ok(weak('ALL:!aNULL').includes('ALL'));
    assert.ok(weak('DEFAULT').includes('DEFAULT'));
    // HIGH alone contains the anonymous ADH/AECDH suites; a `-` removal can be undone, a `!` cannot.
    assert.deepEqual(weak('HIGH'), ['aNULL (anonymous)']);
    assert.deepEqual(weak('HIGH:-aNULL:ADH-AES256-GCM-SHA384'), ['aNULL (anonymous)']);
    assert.deepEqual(weak('HIGH:!aNULL:ADH-AES256-GCM-SHA384'), []);
    assert.deepEqual(weak('!3DES:HIGH:!aNULL:DES-CBC3-SHA'), []);
    // `+X` only moves suites, `A+B` intersects, commas and spaces separate like colons.
    assert.deepEqual(weak('ECDHE+AESGCM:+3DES'), []);
    assert.deepEqual(weak('ECDHE+AESGCM, RSA+3DES'), ['3DES']);
    // CAMELLIA inside HIGH is fine, asked for by name it is not.
    assert.deepEqual(weak('ECDHE+AESGCM:ECDHE+CAMELLIA'), ['CAMELLIA']);
    assert.deepEqual(weak('ECDHE+AESGCM:CAMELLIA'), ['CAMELLIA', 'aNULL (anonymous)']);
  });

  it('accepts Mozilla and nginx default ciphers in a config', () => {
    for (const c of [INTERMEDIATE_CIPHERS, MOZILLA_57, "'HIGH:!aNULL:!MD5'"]) {
      assert.deepEqual(lintText('app.conf', `server {\n  listen 443 ssl;\n  ssl_ciphers ${c};\n}\n`, RULE), [], c);
    }
  });

  it('fixes: Mozilla intermediate list, keeping the quotes', () => {
    const fixed = checkFix({ 'app.conf': "http {\n  ssl_ciphers 'DES-CBC3-SHA:HIGH';\n}\n" }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], `http {\n  ssl_ciphers '${INTERMEDIATE_CIPHERS}';\n}\n`);
  });
});
