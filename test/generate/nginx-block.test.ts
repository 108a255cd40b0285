import * as assert from 'node:assert/strict';
import {
  generateNginx, generateNginxParts, isLetsEncryptPath, type NginxBlockOptions,
} from '../../server/src/generate';
import { layoutProblems } from './layout';
import { CUSTOM_CERT, EXTRA_CASES, optionMatrix } from './matrix';

const BASE: NginxBlockOptions = { serverNames: ['notes.example.com'], upstream: 'http://app:3000' };
const gen = (o: Partial<NginxBlockOptions> = {}): string => generateNginx({ ...BASE, ...o });

/** The directive lines (trimmed, comments dropped) of the server block that listens on `port`. */
function serverBlock(text: string, port: 80 | 443): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l, i) => l.trim() === 'server {' && lines[i + 1].trim().startsWith(`listen ${port}`));
  assert.ok(start >= 0, `a server listening on ${port}`);
  const indent = lines[start].length - lines[start].trimStart().length;
  const end = lines.findIndex((l, i) => i > start && l === `${' '.repeat(indent)}}`);
  return lines.slice(start + 1, end).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

describe('generate: generateNginx', () => {
  describe('layout', () => {
    for (const c of [...optionMatrix(), ...EXTRA_CASES]) {
      it(`${c.name}: 4-space blocks, statements end in ";", braces balanced`, () => {
        assert.deepEqual(layoutProblems(generateNginx(c.options)), []);
      });
    }
    it('is deterministic: same options, same text, no date or time in it', () => {
      assert.equal(gen(), gen());
      assert.doesNotMatch(gen(), /20\d\d-\d\d-\d\d|\d\d:\d\d:\d\d/);
    });
    it('names the profile and the Mozilla guideline version in the header comment', () => {
      const lines = gen({ profile: 'modern', nginxVersion: '1.24', opensslVersion: '3.2' }).split('\n');
      assert.match(lines[0], /^# .*notes\.example\.com/);
      assert.match(lines[1], /^# TLS: Mozilla server-side TLS guidelines 6\.0, modern profile, for nginx 1\.24 with OpenSSL 3\.2\.$/);
    });
  });

  describe('the include form (conf.d)', () => {
    const text = gen({ serverNames: ['notes.example.com', 'www.notes.example.com'] });
    it('declares the rate-limit zone and the upgrade map at the top, before any server', () => {
      const first = text.indexOf('server {');
      assert.ok(text.indexOf('limit_req_zone $binary_remote_addr zone=deploylint_req:10m rate=10r/s;') < first);
      assert.match(text.slice(0, first), /\nmap \$http_upgrade \$connection_upgrade \{\n {4}default upgrade;\n {4}''\s+close;\n\}\n/);
      assert.doesNotMatch(text, /^(events|http) \{/m);
    });
    it('port 80 serves ACME challenges from the webroot and redirects everything else', () => {
      assert.deepEqual(serverBlock(text, 80), [
        'listen 80;', 'listen [::]:80;', 'server_name notes.example.com www.notes.example.com;', 'server_tokens off;',
        'location ^~ /.well-known/acme-challenge/ {', 'root /var/www/certbot;', 'default_type "text/plain";', '}',
        'location / {', 'return 301 https://$host$request_uri;', '}',
      ]);
    });
    it('port 443: Let\'s Encrypt paths of the first name, headers with always, proxy with standard headers', () => {
      const s = serverBlock(text, 443);
      for (const want of [
        'listen 443 ssl;', 'listen [::]:443 ssl;', 'http2 on;', 'server_name notes.example.com www.notes.example.com;',
        'ssl_certificate /etc/letsencrypt/live/notes.example.com/fullchain.pem;',
        'ssl_certificate_key /etc/letsencrypt/live/notes.example.com/privkey.pem;',
        'ssl_protocols TLSv1.2 TLSv1.3;', 'ssl_prefer_server_ciphers off;',
        'ssl_session_timeout 1d;', 'ssl_session_cache shared:MozSSL:10m;',
        'add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;',
        'add_header X-Content-Type-Options "nosniff" always;', 'add_header X-Frame-Options "DENY" always;',
        'add_header Referrer-Policy "strict-origin-when-cross-origin" always;',
        'add_header Permissions-Policy "camera=(), microphone=(), geolocation=(), payment=(), usb=()" always;',
        'server_tokens off;', 'client_max_body_size 10m;',
        'location ~ /\\.(?!well-known) {', 'deny all;',
        'limit_req zone=deploylint_req burst=20 nodelay;', 'proxy_pass http://app:3000;', 'proxy_http_version 1.1;',
        'proxy_set_header Host $host;', 'proxy_set_header X-Real-IP $remote_addr;',
        'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;', 'proxy_set_header X-Forwarded-Proto $scheme;',
        'proxy_set_header Upgrade $http_upgrade;', 'proxy_set_header Connection $connection_upgrade;',
      ]) assert.ok(s.includes(want), `443 server has: ${want}`);
      const csp = s.find((l) => l.startsWith('add_header Content-Security-Policy '));
      assert.equal(csp, `add_header Content-Security-Policy "default-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'; frame-ancestors 'none'; upgrade-insecure-requests" always;`);
      assert.ok(s.every((l) => !l.startsWith('add_header') || l.endsWith(' always;')), 'every add_header has always');
      assert.ok(!s.some((l) => /^(ssl_stapling|resolver|ssl_trusted_certificate)\b/.test(l)), 'no OCSP stapling for Let\'s Encrypt');
    });
    it('no HSTS or other headers on the plain-HTTP server', () => {
      assert.ok(!serverBlock(text, 80).some((l) => l.startsWith('add_header')));
    });
  });

  describe('version switches', () => {
    const s443 = (o: Partial<NginxBlockOptions>): string[] => serverBlock(gen(o), 443);
    it('http2: "http2 on;" from nginx 1.25.1, "listen 443 ssl http2" before', () => {
      assert.deepEqual(s443({ nginxVersion: '1.25.1' }).slice(0, 3), ['listen 443 ssl;', 'listen [::]:443 ssl;', 'http2 on;']);
      assert.deepEqual(s443({ nginxVersion: '1.25.0' }).slice(0, 3), ['listen 443 ssl http2;', 'listen [::]:443 ssl http2;', 'server_name notes.example.com;']);
      assert.ok(!s443({ nginxVersion: '1.22' }).includes('http2 on;'));
      assert.ok(s443({ nginxVersion: '1.27.4' }).includes('http2 on;'));
    });
    it('ssl_session_tickets off only below nginx 1.23.2', () => {
      assert.ok(s443({ nginxVersion: '1.23.1' }).includes('ssl_session_tickets off;'));
      assert.ok(s443({ nginxVersion: '1.22.1', profile: 'modern' }).includes('ssl_session_tickets off;'));
      assert.ok(!s443({ nginxVersion: '1.23.2' }).some((l) => l.includes('ssl_session_tickets')));
      assert.ok(!s443({}).some((l) => l.includes('ssl_session_tickets')));
    });
    it('X25519MLKEM768 first only with OpenSSL 3.5 or later', () => {
      const curve = (v: string): string | undefined => s443({ opensslVersion: v }).find((l) => l.startsWith('ssl_ecdh_curve'));
      assert.equal(curve('3.5'), 'ssl_ecdh_curve X25519MLKEM768:X25519:prime256v1:secp384r1;');
      assert.equal(curve('3.6.1'), 'ssl_ecdh_curve X25519MLKEM768:X25519:prime256v1:secp384r1;');
      assert.equal(curve('3.4.9'), 'ssl_ecdh_curve X25519:prime256v1:secp384r1;');
      assert.equal(curve('1.1.1w'), 'ssl_ecdh_curve X25519:prime256v1:secp384r1;');
    });
    it('a single curve default below nginx 1.11.0, which cannot take a list', () => {
      assert.ok(!s443({ nginxVersion: '1.10.3' }).some((l) => l.startsWith('ssl_ecdh_curve')));
    });
  });

  describe('profiles', () => {
    it('intermediate: TLS 1.2 + 1.3 with Mozilla\'s ECDHE AEAD ciphers, session cache on', () => {
      const s = serverBlock(gen(), 443);
      assert.ok(s.includes('ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;'));
      assert.ok(s.includes('ssl_session_cache shared:MozSSL:10m;'));
      assert.ok(!s.some((l) => /ssl_dhparam|[ :]DHE-/.test(l)));
    });
    it('modern: TLS 1.3 only, no ssl_ciphers, session cache left commented out', () => {
      const text = gen({ profile: 'modern' });
      const s = serverBlock(text, 443);
      assert.ok(s.includes('ssl_protocols TLSv1.3;'));
      assert.ok(!s.some((l) => l.startsWith('ssl_ciphers') || l.startsWith('ssl_session_cache')));
      assert.match(text, /^ {4}# ssl_session_cache shared:MozSSL:10m;$/m);
    });
  });

  describe('certificates and OCSP stapling', () => {
    it('a wildcard first name maps to certbot\'s lineage without "*."', () => {
      assert.ok(serverBlock(gen({ serverNames: ['*.example.com', 'example.com'] }), 443).includes('ssl_certificate /etc/letsencrypt/live/example.com/fullchain.pem;'));
    });
    it('a suffix wildcard (app.*) is skipped for the lineage; with only such names, certificate paths are required', () => {
      assert.ok(serverBlock(gen({ serverNames: ['app.*', 'app.example.com'] }), 443).includes('ssl_certificate /etc/letsencrypt/live/app.example.com/fullchain.pem;'));
      assert.throws(() => gen({ serverNames: ['app.*'] }), /Let's Encrypt cannot issue a certificate for app\.\*; give certificate and certificateKey/);
      assert.match(gen({ serverNames: ['app.*'], ...CUSTOM_CERT }), /^ {4}server_name app\.\*;$/m);
    });
    it('a custom certificate gets stapling, verified against the certificate unless a chain is given', () => {
      const s = serverBlock(gen(CUSTOM_CERT), 443);
      for (const want of ['ssl_certificate /etc/nginx/tls/site.crt;', 'ssl_certificate_key /etc/nginx/tls/site.key;', 'ssl_stapling on;', 'ssl_stapling_verify on;', 'ssl_trusted_certificate /etc/nginx/tls/site.crt;', 'resolver 127.0.0.1;']) {
        assert.ok(s.includes(want), want);
      }
      assert.ok(serverBlock(gen({ ...CUSTOM_CERT, trustedCertificate: '/etc/nginx/tls/chain.pem' }), 443).includes('ssl_trusted_certificate /etc/nginx/tls/chain.pem;'));
    });
    it('a Let\'s Encrypt path given explicitly still gets no stapling, and ignores trustedCertificate', () => {
      const s = serverBlock(gen({ certificate: '/etc/letsencrypt/live/x/fullchain.pem', certificateKey: '/etc/letsencrypt/live/x/privkey.pem', trustedCertificate: '/etc/letsencrypt/live/x/chain.pem' }), 443);
      assert.ok(!s.some((l) => /^(ssl_stapling|resolver|ssl_trusted_certificate)\b/.test(l)));
    });
    it('isLetsEncryptPath', () => {
      assert.equal(isLetsEncryptPath('/etc/letsencrypt/live/a/fullchain.pem'), true);
      assert.equal(isLetsEncryptPath('letsencrypt/live/a/fullchain.pem'), true);
      assert.equal(isLetsEncryptPath('/etc/nginx/letsencrypt-backup.pem'), false);
      assert.equal(isLetsEncryptPath('/etc/ssl/certs/site.pem'), false);
    });
  });

  describe('options', () => {
    it('websocket off: no map, no upgrade headers, HTTP/1.1 kept', () => {
      const text = gen({ websocket: false });
      assert.doesNotMatch(text, /\$connection_upgrade|\$http_upgrade|^map /m);
      assert.ok(serverBlock(text, 443).includes('proxy_http_version 1.1;'));
    });
    it('rate limit, body size and webroot are written as given; a partial rate limit keeps the defaults', () => {
      const text = gen({ rateLimit: { zone: 'api', rate: '5r/m', burst: 0 }, clientMaxBodySize: '1G', acmeWebroot: '/srv/acme' });
      assert.match(text, /^limit_req_zone \$binary_remote_addr zone=api:10m rate=5r\/m;$/m);
      assert.match(text, /^ {8}limit_req zone=api burst=0 nodelay;$/m);
      assert.match(text, /^ {4}client_max_body_size 1g;$/m);
      assert.match(text, /^ {8}root \/srv\/acme;$/m);
      assert.match(gen({ rateLimit: { burst: 5 } }), /limit_req zone=deploylint_req burst=5 nodelay;/);
    });
    it('a bare host:port upstream becomes http://host:port; https upstreams get SNI', () => {
      assert.match(gen({ upstream: '127.0.0.1:3010' }), /^ {8}proxy_pass http:\/\/127\.0\.0\.1:3010;$/m);
      const https = serverBlock(gen({ upstream: 'https://api.internal:8443' }), 443);
      assert.ok(https.includes('proxy_pass https://api.internal:8443;') && https.includes('proxy_ssl_server_name on;'));
      assert.ok(!serverBlock(gen(), 443).includes('proxy_ssl_server_name on;'));
    });
    it('server names are lower-cased and de-duplicated', () => {
      assert.match(gen({ serverNames: ['Notes.Example.com', 'notes.example.com', ' www.example.com '] }), /^ {4}server_name notes\.example\.com www\.example\.com;$/m);
    });
  });

  describe('fullConfig', () => {
    const text = gen({ fullConfig: true });
    it('wraps the same servers in events {} and http {}', () => {
      assert.match(text, /^events \{\n {4}worker_connections 1024;\n\}$/m);
      assert.match(text, /^http \{$/m);
      assert.match(text, /^ {4}limit_req_zone /m);
      assert.match(text, /^ {4}map \$http_upgrade \$connection_upgrade \{$/m);
      assert.match(text, /^ {4}server \{$/m);
      assert.ok(text.endsWith('\n    }\n}\n'));
    });
    it('the servers are the include form\'s servers, one level deeper', () => {
      const p = generateNginxParts(BASE);
      const deeper = (s: string): string => s.split('\n').map((l) => (l ? `    ${l}` : l)).join('\n');
      assert.ok(text.includes(deeper(p.redirectServer)) && text.includes(deeper(p.tlsServer)));
      assert.equal(gen(), [p.header, p.httpContext, p.redirectServer, p.tlsServer].join('\n'));
    });
  });

  describe('bad input throws a clear Error', () => {
    const cases: [string, Partial<NginxBlockOptions> | Record<string, unknown>, RegExp][] = [
      ['no names', { serverNames: [] }, /at least one server name/],
      ['names not a list', { serverNames: 'a.example.com' }, /serverNames must be a list/],
      ['bad name', { serverNames: ['bad name!'] }, /server name "bad name!" contains a space/],
      ['bad upstream', { upstream: 'ftp://x:1' }, /scheme must be http or https/],
      ['profile', { profile: 'old' }, /profile must be intermediate or modern, not "old"/],
      ['nginx version', { nginxVersion: 'latest' }, /nginxVersion "latest" must be a version/],
      ['old nginx', { nginxVersion: '1.8' }, /nginxVersion 1\.8 is too old.*1\.9\.5/],
      ['openssl version', { opensslVersion: '3' }, /opensslVersion "3" must be a version/],
      ['old openssl', { opensslVersion: '1.0.2u' }, /TLS 1\.3 needs OpenSSL 1\.1\.1/],
      ['body size 0', { clientMaxBodySize: '0' }, /disables the limit/],
      ['body size', { clientMaxBodySize: '10 MB' }, /must be a size like 10m/],
      ['zone', { rateLimit: { zone: 'a b' } }, /rateLimit\.zone "a b"/],
      ['rate', { rateLimit: { rate: '10/s' } }, /rateLimit\.rate "10\/s" must look like 10r\/s/],
      ['burst', { rateLimit: { burst: -1 } }, /rateLimit\.burst "-1"/],
      ['webroot', { acmeWebroot: '/var/www/my certbot' }, /acmeWebroot "\/var\/www\/my certbot" contains a space/],
      ['certificate', { certificate: '/etc/ssl/a.pem; include /etc/passwd' }, /certificate ".*" contains a space/],
      ['key', { certificateKey: '' }, /certificateKey must be a non-empty path/],
      ['websocket', { websocket: 'yes' }, /websocket must be true or false/],
    ];
    for (const [what, o, why] of cases) {
      it(what, () => assert.throws(() => generateNginx({ ...BASE, ...o }), why));
    }
    it('options missing altogether', () => assert.throws(() => generateNginx(undefined as unknown as NginxBlockOptions), /options must be an object/));
  });
});
