import * as assert from 'node:assert/strict';
import { parseCompose } from '../../../server/src/engine/parse/compose';
import { upstreamsOf } from '../../../server/src/engine/project/upstreams';

describe('engine: upstreams for the nginx generator', () => {
  it('reads container ports from short and long ports, expose, ranges and ${VAR:-default}', () => {
    const text = [
      'x-base: &base', '  expose: ["7000"]',
      'services:',
      '  web:', '    <<: *base', '    ports:', '      - "0.0.0.0:80:8080/tcp"', '      - target: 8443', '        published: 443',
      '  api:', '    ports: ["${API_PORT:-3000}:${API_INNER:-3001}", "5000-5002:5000-5002"]',
      '  worker:', '    image: busybox',
      '',
    ].join('\n');
    assert.deepEqual(upstreamsOf('/c.yml', parseCompose(text)).map((u) => `${u.service}:${u.port}`), ['web:7000', 'web:8080', 'web:8443', 'api:3001', 'api:5000']);
  });

  it('tolerates broken YAML', () => {
    assert.deepEqual(upstreamsOf('/c.yml', parseCompose('services: [\n  - {')), []);
  });
});
