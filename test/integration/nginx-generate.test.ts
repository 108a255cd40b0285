import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateNginx, type NginxBlockOptions } from '../../server/src/generate';
import { EXTRA_CASES, optionMatrix, type GenerateCase } from '../generate/matrix';

/**
 * ARCHITECTURE.md, Generator: every generated block passes `nginx -t` on the local nginx (Debian 12: 1.22.1), with a
 * throw-away self-signed certificate, both as a conf.d include inside a minimal nginx.conf and as a
 * full nginx.conf. Upstreams are 127.0.0.1 (or a named upstream {} block) because `nginx -t` resolves
 * host names, and `app` exists only inside a compose network.
 */
const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
const LOCAL_NGINX = '1.22';

// nginx -V, read once at load so the case names carry the real OpenSSL version; `before` explains a missing nginx.
const NGINX_V = fs.existsSync(NGINX) ? spawnSync(NGINX, ['-V'], { encoding: 'utf8' }).stderr : '';
const OPENSSL = /built with OpenSSL (\d+\.\d+)/.exec(NGINX_V)?.[1] ?? '';

// Besides its verdict, nginx -t may only say that the throw-away certificate names no OCSP responder.
const EXPECTED_OUTPUT = [
  /\[warn\].*"ssl_stapling" ignored, (no OCSP responder URL|issuer certificate not found)/,
  /^nginx: the configuration file .* syntax is ok$/,
  /^nginx: configuration file .* test is successful$/,
];

interface NginxResult { ok: boolean; output: string }

describe(`generate: nginx -t accepts the output (nginx ${LOCAL_NGINX})`, function () {
  let dir = '';
  const openssl = OPENSSL;
  let custom: Pick<NginxBlockOptions, 'certificate' | 'certificateKey'>;
  let letsEncrypt: Pick<NginxBlockOptions, 'certificate' | 'certificateKey'>;

  before(function () {
    assert.ok(fs.existsSync(NGINX), `nginx not found at ${NGINX} (apt-get install nginx-light, or set NGINX=/path/to/nginx)`);
    assert.match(NGINX_V, new RegExp(`nginx/${LOCAL_NGINX.replace('.', '\\.')}\\.`), `this suite generates for nginx ${LOCAL_NGINX}; ${NGINX} is ${NGINX_V.split('\n')[0]}`);
    assert.ok(openssl, `cannot read the OpenSSL version from nginx -V:\n${NGINX_V}`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-nginx-t-'));
    for (const d of ['conf.d', 'tmp', 'tls', 'acme']) fs.mkdirSync(path.join(dir, d));
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
      '-subj', '/CN=notes.example.com', '-keyout', path.join(dir, 'tls/site.key'), '-out', path.join(dir, 'tls/site.crt'),
    ], { stdio: 'pipe' });
    custom = { certificate: path.join(dir, 'tls/site.crt'), certificateKey: path.join(dir, 'tls/site.key') };
    // The same pair where certbot keeps it, so Let's Encrypt cases are generated without stapling.
    const live = path.join(dir, 'letsencrypt/live/notes.example.com');
    fs.mkdirSync(live, { recursive: true });
    letsEncrypt = { certificate: path.join(live, 'fullchain.pem'), certificateKey: path.join(live, 'privkey.pem') };
    fs.copyFileSync(custom.certificate!, letsEncrypt.certificate!);
    fs.copyFileSync(custom.certificateKey!, letsEncrypt.certificateKey!);
    // Everything nginx -t opens or creates stays inside the temp dir.
    fs.writeFileSync(path.join(dir, 'paths.conf'), [
      `access_log ${dir}/tmp/access.log;`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/tmp/${t};`),
      '',
    ].join('\n'));
  });

  after(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

  /** Generates for the local nginx and OpenSSL, with the throw-away certificate and 127.0.0.1 upstreams. */
  function localOptions(c: GenerateCase): NginxBlockOptions {
    const { upstream, certificate, trustedCertificate } = c.options;
    return {
      ...c.options, nginxVersion: LOCAL_NGINX, opensslVersion: openssl, acmeWebroot: path.join(dir, 'acme'),
      upstream: /^https?:\/\/\d/.test(upstream) || /^\d/.test(upstream) ? upstream : 'http://127.0.0.1:3000',
      ...(certificate ? custom : letsEncrypt),
      ...(trustedCertificate ? { trustedCertificate: custom.certificate } : {}),
    };
  }

  function nginxT(conf: string, ...extra: string[]): NginxResult {
    const r = spawnSync(NGINX, ['-t', '-p', `${dir}/`, '-c', conf, ...extra], { encoding: 'utf8' });
    const output = `${r.stdout}${r.stderr}`;
    const unexpected = output.split('\n').filter((l) => l.trim() && !EXPECTED_OUTPUT.some((re) => re.test(l)));
    return { ok: r.status === 0 && unexpected.length === 0, output };
  }

  /** A conf.d file included in the http {} of a minimal nginx.conf, as a distribution sets it up. */
  function testInclude(name: string, text: string, httpExtra = ''): NginxResult {
    const site = path.join(dir, 'conf.d', `${name}.conf`);
    fs.writeFileSync(site, text);
    const main = path.join(dir, `${name}.nginx.conf`);
    fs.writeFileSync(main, [
      `pid ${dir}/tmp/nginx.pid;`, `error_log ${dir}/tmp/error.log;`, 'events {}', 'http {',
      `    include ${dir}/paths.conf;`, httpExtra, `    include ${site};`, '}', '',
    ].join('\n'));
    return nginxT(main);
  }

  function testFull(name: string, text: string): NginxResult {
    const withPaths = text.replace(/^http \{\n/m, `http {\n    include ${dir}/paths.conf;\n`);
    assert.notEqual(withPaths, text, 'the full config has an http { line to hang the test paths on');
    const main = path.join(dir, `${name}.full.conf`);
    fs.writeFileSync(main, withPaths);
    return nginxT(main, '-g', `pid ${dir}/tmp/nginx.pid; error_log ${dir}/tmp/error.log;`);
  }

  const cases = [...optionMatrix({ nginxVersion: LOCAL_NGINX, opensslVersion: OPENSSL || '3.0' }), ...EXTRA_CASES];
  for (const c of cases) {
    it(c.options.fullConfig ? `${c.name}: as nginx.conf` : `${c.name}: as a conf.d include`, () => {
      const text = generateNginx(localOptions(c));
      const r = c.options.fullConfig ? testFull(c.name, text) : testInclude(c.name, text);
      assert.ok(r.ok, `nginx -t rejected ${c.name}:\n${r.output}\n--- generated ---\n${text}`);
    });
  }

  it('the EXTRA cases also pass as full configs', () => {
    for (const c of EXTRA_CASES) {
      const text = generateNginx({ ...localOptions(c), fullConfig: true });
      const r = testFull(`${c.name}-full`, text);
      assert.ok(r.ok, `nginx -t rejected ${c.name} as nginx.conf:\n${r.output}`);
    }
  });

  it('a named upstream {} block without a port, as the user may declare it', () => {
    const text = generateNginx({ ...localOptions(cases[0]), upstream: 'http://backend' });
    const r = testInclude('named-upstream', text, '    upstream backend { server 127.0.0.1:3000; }');
    assert.ok(r.ok, r.output);
  });

  it('two generated sites with their own zones live side by side in one http {}', () => {
    const a = generateNginx({ ...localOptions(cases[0]), serverNames: ['a.example.com'], rateLimit: { zone: 'a_req' } });
    const b = generateNginx({ ...localOptions(cases[0]), serverNames: ['b.example.com'], rateLimit: { zone: 'b_req' }, upstream: '127.0.0.1:3001' });
    fs.writeFileSync(path.join(dir, 'conf.d', 'b-site.conf'), b);
    const r = testInclude('a-site', a, `    include ${dir}/conf.d/b-site.conf;`);
    assert.ok(r.ok, r.output);
  });

  it('the Let\'s Encrypt and custom-certificate cases differ where they should (stapling)', () => {
    assert.doesNotMatch(generateNginx(localOptions(cases[0])), /ssl_stapling/);
    const customCase = cases.find((c) => c.options.certificate);
    assert.match(generateNginx(localOptions(customCase!)), /ssl_stapling on;/);
  });

  it('the runner can fail: nginx -t rejects a broken block', () => {
    const text = generateNginx(localOptions(cases[0])).replace('server_tokens off;', 'server_tokens of;');
    assert.equal(testInclude('broken', text).ok, false);
    // 1.26 syntax (`http2 on;`) does not exist in 1.22.
    assert.equal(testInclude('too-new', generateNginx({ ...localOptions(cases[0]), nginxVersion: '1.26' })).ok, false);
  });
});
