import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lintText } from '../../../support/lint';
import { spawnSync } from 'node:child_process';
import { evaluateCiphers, legacySuites, weakFamilies } from '../../../../server/src/engine/nginx/ciphers';
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

  it('accepts Mozilla\'s intermediate lists (6.0, and 5.7 with DHE) in a config', () => {
    for (const c of [INTERMEDIATE_CIPHERS, MOZILLA_57, 'ECDHE+AESGCM:ECDHE+CHACHA20']) {
      assert.deepEqual(lintText('app.conf', `server {\n  listen 443 ssl;\n  ssl_ciphers ${c};\n}\n`, RULE), [], c);
    }
  });

  it('warns on suites without forward secrecy or in CBC mode that Mozilla leaves out (Mastodon, nginx\'s default written out)', () => {
    const mastodon = 'server {\n  listen 443 ssl;\n  ssl_ciphers HIGH:!MEDIUM:!LOW:!aNULL:!NULL:!SHA;\n}\n';
    const found = lintText('app.conf', mastodon, RULE);
    assertRanges(found, RULE, ['3:15-3:50']);
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message, /without forward secrecy \(AES256-GCM-SHA384/);
    assert.match(found[0].message, /CBC mode \(ECDHE-ECDSA-AES256-SHA384/);
    const nginxDefault = lintText('app.conf', "server {\n  listen 443 ssl;\n  ssl_ciphers 'HIGH:!aNULL:!MD5';\n}\n", RULE);
    assert.equal(nginxDefault[0].severity, 'warning');
    const cbcOnly = legacySuites('ECDHE+AESGCM:ECDHE+AES256+SHA384');
    assert.deepEqual([cbcOnly.noForwardSecrecy.length, cbcOnly.cbc.map((s) => s.name)], [0, ['ECDHE-ECDSA-AES256-SHA384', 'ECDHE-RSA-AES256-SHA384']]);
    assert.equal(legacySuites('AES256-GCM-SHA384').noForwardSecrecy.length, 1);
    // Existing error cases stay errors.
    assert.equal(lintText('app.conf', 'server {\n  listen 443 ssl;\n  ssl_ciphers HIGH:RC4-SHA;\n}\n', RULE)[0].severity, 'error');
  });

  it('does not warn where only TLS 1.3 is enabled (ssl_ciphers does not apply to it)', () => {
    assert.deepEqual(lintText('app.conf', 'server {\n  listen 443 ssl;\n  ssl_protocols TLSv1.3;\n  ssl_ciphers HIGH:!aNULL:!MD5;\n}\n', RULE), []);
  });

  it('expands cipher strings like the installed OpenSSL (`openssl ciphers -v`)', function () {
    const all = opensslSuites('ALL:COMPLEMENTOFALL');
    if (!all) this.skip();
    const known = new Set(all.map((s) => s.name));
    for (const str of ['HIGH:!aNULL:!MD5', 'HIGH:!MEDIUM:!LOW:!aNULL:!NULL:!SHA', 'EECDH+AESGCM:EDH+AESGCM', 'ECDHE+AES:!SHA1', 'AES256+EECDH:AES256+EDH', INTERMEDIATE_CIPHERS]) {
      const theirs = opensslSuites(str)!;
      const ours = [...evaluateCiphers(str).enabled.keys()].filter((s) => known.has(s.name));
      assert.deepEqual(ours.map((s) => s.name).sort(), theirs.map((s) => s.name).sort(), str);
      // What OpenSSL says of each suite: Kx=RSA has no forward secrecy, a Mac other than AEAD is CBC (PSK and SRP
      // suites cannot be negotiated without credentials nginx never sets up).
      const { noForwardSecrecy, cbc } = legacySuites(str);
      const mozilla = new Set(legacySuites(INTERMEDIATE_CIPHERS + ':' + MOZILLA_57).cbc.map((s) => s.name));
      assert.deepEqual(noForwardSecrecy.map((s) => s.name).filter((n) => known.has(n)).sort(),
        theirs.filter((s) => s.kx === 'RSA').map((s) => s.name).sort(), `${str}: no forward secrecy`);
      assert.deepEqual(cbc.map((s) => s.name).filter((n) => known.has(n)).sort(),
        theirs.filter((s) => s.mac !== 'AEAD' && !mozilla.has(s.name) && !/PSK|SRP/.test(s.kx)).map((s) => s.name).sort(), `${str}: CBC`);
    }
  });

  it('fixes: Mozilla intermediate list, keeping the quotes', () => {
    const fixed = checkFix({ 'app.conf': "http {\n  ssl_ciphers 'DES-CBC3-SHA:HIGH';\n}\n" }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], `http {\n  ssl_ciphers '${INTERMEDIATE_CIPHERS}';\n}\n`);
  });
});

/** The TLS <= 1.2 suites `openssl ciphers -v` lists for a string, with its Kx and Mac columns (undefined without openssl). */
function opensslSuites(str: string): { name: string; kx: string; mac: string }[] | undefined {
  const r = spawnSync('openssl', ['ciphers', '-v', str], { encoding: 'utf8' });
  if (r.status !== 0 || r.error) return r.error ? undefined : [];
  return r.stdout.trim().split('\n').map((l) => l.trim().split(/\s+/))
    .filter((c) => c[1] !== 'TLSv1.3')
    .map((c) => ({ name: c[0], kx: (c.find((x) => x.startsWith('Kx=')) ?? '').slice(3), mac: (c.find((x) => x.startsWith('Mac=')) ?? '').slice(4) }));
}
