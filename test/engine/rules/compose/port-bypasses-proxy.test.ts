import * as assert from 'node:assert/strict';
import { lint, rangeOf, checkFix } from '../../../support/lint';
import { parseCompose } from '../../../../server/src/engine/parse/compose';

const RULE = 'compose/port-bypasses-proxy';
const COMPOSE = [
  'services:',
  '  app:',
  '    image: ghcr.io/example/app:1.2',
  '    ports:',
  '      - "3000:3000"',
  '      - "127.0.0.1:9000:9000"',
  '  proxy:',
  '    image: nginx:1.27',
  '    ports:',
  '      - "443:443"',
  '    volumes:',
  '      - ./nginx/app.conf:/etc/nginx/conf.d/default.conf:ro',
  '',
].join('\n');
const NGINX = 'server {\n    listen 443 ssl;\n    location / {\n        proxy_pass http://app:3000;\n    }\n}\n';
const reparse = (t: string) => parseCompose(t).errors.length === 0;

describe(RULE, () => {
  it('reports a port that the mounted nginx config proxies to by service name, with the proxy_pass as related', () => {
    const found = lint({ 'docker-compose.yml': COMPOSE, 'nginx/app.conf': NGINX }, 'docker-compose.yml');
    assert.deepEqual(found.filter((f) => f.rule === RULE).map(rangeOf), ['5:9-5:20']);
    const f = found.find((x) => x.rule === RULE)!;
    assert.equal(f.related?.[0].file, '/ws/nginx/app.conf');
    assert.equal(f.related?.[0].range.start.line, 3);
    assert.equal(f.fixes[0].title, 'Remove the published port');
    // the same item is not reported twice by the generic rule
    assert.ok(!found.some((x) => x.rule === 'compose/port-all-interfaces' && rangeOf(x) === '5:9-5:20'));
  });

  it('reports a port published for a host nginx that proxies to 127.0.0.1:<published>, found in the folder tree', () => {
    const compose = 'services:\n  app:\n    image: app:1\n    ports:\n      - "3010:3000"\n';
    const nginx = 'upstream backend { server 127.0.0.1:3010; }\nserver { listen 80; location / { proxy_pass http://backend; } }\n';
    const found = lint({ 'docker-compose.yml': compose, 'deploy/nginx/site.conf': nginx }, 'docker-compose.yml', RULE);
    assert.deepEqual(found.map(rangeOf), ['5:9-5:20']);
    assert.equal(found[0].fixes[0].title, 'Bind to 127.0.0.1 (localhost only)');
  });

  it('is silent for loopback-bound or unpublished ports, other ports, and when nginx is absent', () => {
    const safe = COMPOSE.replace('"3000:3000"', '"127.0.0.1:3000:3000"');
    assert.deepEqual(lint({ 'docker-compose.yml': safe, 'nginx/app.conf': NGINX }, 'docker-compose.yml', RULE), []);
    assert.deepEqual(lint({ 'docker-compose.yml': COMPOSE, 'nginx/app.conf': NGINX.replace('app:3000', 'app:8080') }, 'docker-compose.yml', RULE), []);
    assert.deepEqual(lint({ 'docker-compose.yml': COMPOSE }, 'docker-compose.yml', RULE), []);
  });

  it('reads host addresses and host ports from the project .env, as compose does', () => {
    const viaEnv = COMPOSE.replace('"3000:3000"', '"${BIND_IP:-0.0.0.0}:3000:3000"');
    assert.deepEqual(lint({ 'docker-compose.yml': viaEnv, '.env': 'BIND_IP=127.0.0.1\n', 'nginx/app.conf': NGINX }, 'docker-compose.yml', RULE), []);
    assert.deepEqual(lint({ 'docker-compose.yml': viaEnv, 'nginx/app.conf': NGINX }, 'docker-compose.yml', RULE).map(rangeOf), ['5:9-5:40']);
    const compose = 'services:\n  app:\n    image: app:1\n    ports:\n      - "${APP_PORT}:3000"\n';
    const nginx = 'server { listen 80; location / { proxy_pass http://127.0.0.1:3010; } }\n';
    assert.deepEqual(lint({ 'docker-compose.yml': compose, '.env': 'APP_PORT=3010\n', 'deploy/nginx/site.conf': nginx }, 'docker-compose.yml', RULE).map(rangeOf), ['5:9-5:27']);
    assert.deepEqual(lint({ 'docker-compose.yml': compose, '.env': 'APP_PORT=4000\n', 'deploy/nginx/site.conf': nginx }, 'docker-compose.yml', RULE), []);
  });

  it('fixes: remove the port (nginx in compose) or bind to 127.0.0.1', () => {
    const removed = checkFix({ 'docker-compose.yml': COMPOSE, 'nginx/app.conf': NGINX }, 'docker-compose.yml', RULE, { reparse, title: /Remove/ });
    assert.ok(!removed['docker-compose.yml'].includes('"3000:3000"'));
    const bound = checkFix({ 'docker-compose.yml': COMPOSE, 'nginx/app.conf': NGINX }, 'docker-compose.yml', RULE, { reparse, title: /127/ });
    assert.match(bound['docker-compose.yml'], /- "127\.0\.0\.1:3000:3000"/);
  });

  it('a compose variant named for running without the proxy (`docker-compose.without-nginx.yml`) is not tied to the folder\'s nginx config', () => {
    const compose = 'services:\n  app:\n    image: app:1\n    ports:\n      - "3010:3000"\n';
    const nginx = 'server { listen 80; location / { proxy_pass http://127.0.0.1:3010; } }\n';
    assert.deepEqual(lint({ 'docker-compose.without-nginx.yml': compose, 'nginx/site.conf': nginx }, 'docker-compose.without-nginx.yml', RULE), []);
    assert.deepEqual(lint({ 'docker-compose.yml': compose, 'nginx/site.conf': nginx }, 'docker-compose.yml', RULE).map(rangeOf), ['5:9-5:20']);
  });
});
