import * as assert from 'node:assert/strict';
import { lint, rangeOf, workspace } from '../../support/lint';
import { hostPathFor, projectNginxFiles } from '../../../server/src/engine/project/nginx-links';
import { variableUses } from '../../../server/src/engine/project/env-usage';
import { lintFile, mergeConfig } from '../../../server/src/engine';

const COMPOSE = [
  'services:',
  '  db:',
  '    image: postgres:16',
  '    environment:',
  '      POSTGRES_PASSWORD: ${PG_VALUE}',
  '  web:',
  '    image: nginx:1.27',
  '    volumes:',
  '      - ./nginx:/etc/nginx/conf.d:ro',
  '      - ./snippets:/etc/nginx/snippets:ro',
  '',
].join('\n');

describe('engine/project: the cross-file model', () => {
  it('a weak secret in .env that compose uses is one finding, on the .env line, related to the compose line', () => {
    const files = { 'docker-compose.yml': COMPOSE, '.env': 'PG_VALUE=changeme\n' };
    const env = lint(files, '.env', 'env/weak-secret');
    assert.deepEqual(env.map(rangeOf), ['1:10-1:18']);
    assert.match(env[0].message, /compose passes it as POSTGRES_PASSWORD/);
    assert.equal(env[0].related?.[0].file, '/ws/docker-compose.yml');
    assert.equal(rangeOfRelated(env[0].related[0].range), '5:26-5:37');
    const compose = lint(files, 'docker-compose.yml').filter((f) => /secret/.test(f.rule));
    assert.deepEqual(compose, []);
  });

  it('a variable only a compose credential key makes a secret is judged as that kind', () => {
    const files = { 'docker-compose.yml': COMPOSE, '.env': 'PG_VALUE=Vq8sLr2mXw9TzKp4Hn7Bc3Jd\n' };
    assert.deepEqual(lint(files, '.env', 'env/weak-secret'), []);
    const unused = lint({ '.env': 'SOMETHING=changeme\n' }, '.env', 'env/weak-secret');
    assert.deepEqual(unused, []);
  });

  it('variableUses lists the ${VAR} references of the compose files beside a .env', () => {
    const uses = variableUses(workspace({ 'docker-compose.yml': COMPOSE, '.env': '' }), '/ws/.env');
    assert.deepEqual([...uses.keys()], ['PG_VALUE']);
    assert.equal(uses.get('PG_VALUE')![0].key, 'POSTGRES_PASSWORD');
  });

  it('finds nginx configs by mount first, else in the folder tree', () => {
    const ws = workspace({ 'docker-compose.yml': COMPOSE, 'nginx/app.conf': 'server { listen 80; }\n', 'other/nginx.conf': 'http { }\n' });
    assert.deepEqual(projectNginxFiles(ws, '/ws/docker-compose.yml'), ['/ws/nginx/app.conf']);
    const ws2 = workspace({ 'docker-compose.yml': 'services:\n  a:\n    image: x:1\n', 'deploy/nginx/site.conf': 'server { listen 80; }\n', 'node_modules/x/nginx.conf': 'http {}\n' });
    assert.deepEqual(projectNginxFiles(ws2, '/ws/docker-compose.yml'), ['/ws/deploy/nginx/site.conf']);
  });

  it('maps container paths of a mounted nginx config back to workspace files', () => {
    const ws = workspace({ 'docker-compose.yml': COMPOSE, 'nginx/app.conf': 'server { include /etc/nginx/snippets/headers.conf; }\n', 'snippets/headers.conf': 'add_header X-Frame-Options DENY always;\n' });
    assert.equal(hostPathFor(ws, '/ws/nginx/app.conf', '/etc/nginx/snippets/headers.conf'), '/ws/snippets/headers.conf');
    assert.equal(hostPathFor(ws, '/ws/nginx/app.conf', '/etc/ssl/key.pem'), undefined);
  });
});

describe('engine/project: nginx paths through compose mounts', () => {
  const compose = 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx:/etc/nginx/conf.d:ro\n      - ./hdrs:/etc/nginx/snippets:ro\n      - ./certs:/etc/nginx/ssl:ro\n';
  const site = [
    'server {',
    '    listen 443 ssl;',
    '    server_name a.example.com;',
    '    ssl_certificate /etc/nginx/ssl/cert.pem;',
    '    ssl_certificate_key /etc/nginx/ssl/key.pem;',
    '    include /etc/nginx/snippets/headers.conf;',
    '    location / { proxy_pass http://app:3000; }',
    '}',
    '',
  ].join('\n');
  const headers = 'add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;\nadd_header X-Content-Type-Options nosniff always;\nadd_header X-Frame-Options DENY always;\nadd_header Referrer-Policy no-referrer always;\nadd_header Permissions-Policy "camera=()" always;\n';

  it('an include named by its container path counts: headers in the mounted snippet are seen', () => {
    const files = { 'docker-compose.yml': compose, 'nginx/site.conf': site, 'hdrs/headers.conf': headers, 'certs/cert.pem': 'x', 'certs/key.pem': 'x' };
    const found = lint(files, 'nginx/site.conf');
    assert.deepEqual(found.filter((f) => f.rule === 'nginx/missing-hsts' || f.rule === 'nginx/missing-security-headers' || f.rule === 'nginx/syntax'), []);
  });

  it('the private key named by its container path is found in the workspace and its mode checked', () => {
    const ws = workspace({ 'docker-compose.yml': compose, 'nginx/site.conf': site, 'snippets/headers.conf': headers, 'certs/cert.pem': 'x' });
    (ws.host as import('../../../server/src/engine').MemoryHost).set('/ws/certs/key.pem', 'KEY', 0o644);
    const found = lintFile(ws, '/ws/nginx/site.conf', mergeConfig()).filter((f) => f.rule === 'nginx/private-key-permissions');
    assert.equal(found.length, 1);
    assert.equal(found[0].fixes[0].command?.arguments[0], '/ws/certs/key.pem');
  });
});

function rangeOfRelated(r: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}
