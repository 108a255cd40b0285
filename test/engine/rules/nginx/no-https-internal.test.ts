import * as assert from 'node:assert/strict';
import { lint, assertRanges } from '../../../support/lint';

const RULE = 'nginx/no-https';

/** SEEN guide: the frontend's nginx.conf sets the headers; Caddy, nginx or Traefik in front terminates TLS. */
describe('nginx/no-https: an nginx only reachable on the containers\' network', () => {
  const site = 'server {\n    listen 80;\n    root /usr/share/nginx/html;\n    location /api/ { proxy_pass http://backend:8080; }\n}\n';
  const compose = (frontend: string) => `services:\n  frontend:\n    image: seen/frontend:1\n${frontend}    volumes:\n      - ./frontend/nginx.conf:/etc/nginx/conf.d/default.conf:ro\n  backend:\n    image: seen/backend:1\n`;

  it('is not reported when compose mounts the config only into services that publish no port', () => {
    assert.deepEqual(lint({ 'docker-compose.yml': compose(''), 'frontend/nginx.conf': site }, 'frontend/nginx.conf', RULE), []);
    assert.deepEqual(lint({ 'docker-compose.yml': compose('    expose:\n      - "80"\n'), 'frontend/nginx.conf': site }, 'frontend/nginx.conf', RULE), []);
  });

  it('is reported when that service publishes a port, uses the host network, or the config is not mounted', () => {
    const published = lint({ 'docker-compose.yml': compose('    ports:\n      - "80:80"\n'), 'frontend/nginx.conf': site }, 'frontend/nginx.conf', RULE);
    assertRanges(published, RULE, ['2:5-2:15']);
    assert.equal(lint({ 'docker-compose.yml': compose('    network_mode: host\n'), 'frontend/nginx.conf': site }, 'frontend/nginx.conf', RULE).length, 1);
    assert.equal(lint({ 'docker-compose.yml': 'services:\n  frontend:\n    image: seen/frontend:1\n', 'frontend/nginx.conf': site }, 'frontend/nginx.conf', RULE).length, 1);
  });
});
