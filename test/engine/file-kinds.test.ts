import * as assert from 'node:assert/strict';
import { kindOf, looksLikeCompose, mightBeDeployFile, needsContent, sniffNginx } from '../../common/file-kinds';
import { cli, tempProject } from '../cli/cli-harness';

const VHOST = 'server {\n    listen 80;\n    server_name example.org;\n    location / {\n        proxy_pass http://backend:8000;\n    }\n}\n';
const SNIPPET = '# Security headers\nadd_header X-Content-Type-Options "nosniff" always;\nadd_header Referrer-Policy "strict-origin" always;\n';
const APACHE = '<VirtualHost *:443>\n  ServerName example.org\n  SSLEngine on\n</VirtualHost>\n';
const APACHE_LISTEN = 'LoadModule ssl_module modules/mod_ssl.so\nListen 443 https\n';
const SUPERVISORD = '[program:app]\ncommand=/usr/bin/app\nautorestart=true\n';
const JINJA_VHOST = 'server {\n    listen 443 ssl;\n    server_name {{ domain }};\n{% for p in proxies %}\n    set_real_ip_from {{ p }};\n{% endfor %}\n}\n';
const COMPOSE = 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n';

describe('engine/file-kinds: discovery by content (ARCHITECTURE.md, File kinds)', () => {
  it('lints nginx files without extension, *.conf.sample, *.j2, *.nginx.template and sites-available/* when the content is nginx', () => {
    for (const p of ['/w/proxy/conf', '/w/site.conf.sample', '/w/templates/sites-default.conf.j2', '/w/app.nginx.template', '/w/sites-available/app', '/w/sites-enabled/app', '/w/conf.d/app', '/w/nginx/app']) {
      assert.equal(kindOf(p, VHOST), 'nginx', p);
      assert.ok(mightBeDeployFile(p) && (needsContent(p) || kindOf(p) === 'nginx'), `${p} is walked`);
    }
    assert.equal(kindOf('/w/templates/sites-default.conf.j2', JINJA_VHOST), 'nginx', 'Jinja tags do not hide the nginx around them');
    assert.equal(kindOf('/w/h5bp/security/headers.conf', SNIPPET), 'nginx', 'a snippet of bare directives outside nginx folders');
    const resolver = 'ssl_stapling on;\nssl_stapling_verify on;\nresolver\n  # (1)\n  1.1.1.1 1.0.0.1\n  # (2)\n  8.8.8.8 8.8.4.4\n  valid=60s;\nresolver_timeout 2s;\n';
    assert.equal(kindOf('/w/h5bp/tls/ocsp_stapling.conf', resolver), 'nginx', 'a directive over several lines');
  });

  it('does not lint the same names when the content is something else', () => {
    for (const p of ['/w/proxy/conf', '/w/site.conf.sample', '/w/templates/sites-default.conf.j2', '/w/sites-available/app', '/w/x/app.conf']) {
      for (const text of [APACHE, SUPERVISORD, 'Just some notes.\nNothing to see here.\n', '#!/bin/sh\nexec nginx -g "daemon off;"\n']) assert.equal(kindOf(p, text), undefined, `${p}: ${text.slice(0, 20)}`);
    }
    assert.equal(kindOf('/w/proxy/conf'), undefined, 'without content an extensionless file is nothing');
    assert.equal(kindOf('/w/app.nginx.template', APACHE), undefined, 'even a name that says nginx yields to Apache content');
  });

  it('an Apache or supervisord *.conf inside conf.d is not nginx (the CLI no longer fails CI on conf.d/ssl.conf)', () => {
    assert.equal(kindOf('/w/conf.d/ssl.conf', APACHE), undefined);
    assert.equal(kindOf('/w/conf.d/ssl.conf', APACHE_LISTEN), undefined);
    assert.equal(kindOf('/w/conf.d/app.conf', SUPERVISORD), undefined);
    assert.equal(sniffNginx(APACHE_LISTEN), 'other');
    // nginx's own `listen 80` without `;` is a syntax error of an nginx file, not Apache.
    assert.equal(kindOf('/w/conf.d/app.conf', 'server {\n    listen 80\n    server_name a;\n}\n'), 'nginx');
    assert.equal(kindOf('/w/conf.d/app.conf', ''), 'nginx', 'a new empty file in conf.d is nginx-to-be');
    assert.equal(kindOf('/w/x/app.conf', ''), undefined, 'an empty *.conf elsewhere is nothing yet');
  });

  it('README.md is never a deployment file, not even in nginx/', () => {
    for (const p of ['/w/README.md', '/w/nginx/README.md', '/w/conf.d/README', '/w/nginx/readme.txt']) assert.equal(kindOf(p, '# nginx\n\nserver {\n listen 80;\n}\n') === undefined || !mightBeDeployFile(p), true, p);
    assert.equal(mightBeDeployFile('/w/README.md'), false);
    assert.equal(mightBeDeployFile('/w/nginx/README.md'), false);
  });

  it('recognises compose by name, or by content: a top-level services: map with image: or build: children', () => {
    for (const p of ['/w/docker-compose.yml', '/w/compose.yaml', '/w/app.compose.yml', '/w/docker-compose.yml.j2']) assert.equal(kindOf(p), 'compose', p);
    assert.equal(kindOf('/w/jitsi/etherpad.yml', COMPOSE), 'compose');
    assert.equal(kindOf('/w/stack.yaml', 'version: "3"\nservices:\n  app:\n    build: .\n'), 'compose');
    assert.ok(looksLikeCompose(COMPOSE));
  });

  it('other YAML with a services: key is not compose', () => {
    assert.equal(kindOf('/w/values.yaml', 'services:\n  web:\n    port: 80\n'), undefined, 'no image/build children');
    assert.equal(kindOf('/w/.github/workflows/ci.yml', 'jobs:\n  test:\n    services:\n      db:\n        image: postgres\n'), undefined, 'services: is not top-level');
    assert.equal(kindOf('/w/x.yml', 'services:\n  web: {}\nother:\n  image: x\n'), undefined, 'image: belongs to another top-level key');
    assert.equal(kindOf('/w/etherpad.yml'), undefined, 'without content the name says nothing');
  });

  it('the CLI walk finds content-recognised files and skips look-alikes', () => {
    const dir = tempProject({
      'proxy/conf': VHOST, 'conf.d/ssl.conf': APACHE, 'supervisor/app.conf': SUPERVISORD, 'sites-available/app': VHOST,
      'reverse/app.subdomain.conf.sample': VHOST, 'etherpad.yml': COMPOSE, 'values.yaml': 'services:\n  a: 1\n', 'README.md': '# server {\n',
      'Makefile': 'all:\n\techo hi;\n', 'templates/sites-default.conf.j2': JINJA_VHOST,
    });
    const j = JSON.parse(cli(dir, '--format', 'json', '--fail-on', 'error').stdout);
    assert.deepEqual(j.files.map((f: { path: string; kind: string }) => `${f.path} ${f.kind}`), [
      'etherpad.yml compose', 'proxy/conf nginx', 'reverse/app.subdomain.conf.sample nginx', 'sites-available/app nginx', 'templates/sites-default.conf.j2 nginx',
    ]);
  });
});
