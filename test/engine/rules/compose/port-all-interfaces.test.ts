import * as assert from 'node:assert/strict';
import { assertRanges } from '../../../support/lint';
import { fixed, run } from './helpers';

const RULE = 'compose/port-all-interfaces';

describe(RULE, () => {
  it('reports an app port without a host address, not 80/443 or datastores (their own rule)', () => {
    const text = [
      'services:',
      '  app:',
      '    image: ghcr.io/acme/app:1.2',
      '    ports:',
      '      - "3000:3000"',
      '      - "80:80"',
      '      - "443:443"',
      '      - "127.0.0.1:9000:9000"',
      '      - "${APP_PORT:-8080}:8080"',
      '  db:',
      '    image: postgres:16',
      '    ports: ["5432:5432"]',
      '',
    ].join('\n');
    const found = run(text, RULE);
    assertRanges(found, RULE, ['5:9-5:20', '9:9-9:33']);
    assert.equal(found[0].severity, 'warning');
  });

  it('does not report explicit addresses or a variable port onto container port 443', () => {
    const text = 'services:\n  proxy:\n    image: nginx:1.27\n    ports:\n      - "${HTTPS_PORT}:443"\n      - "10.0.0.5:8080:8080"\n';
    assert.deepEqual(run(text, RULE), []);
  });

  it('fix: binds to 127.0.0.1 keeping the variable and plain style', () => {
    const out = fixed('services:\n  app:\n    image: app:1\n    ports:\n      - ${APP_PORT:-8080}:8080\n', RULE);
    assert.equal(out.text, 'services:\n  app:\n    image: app:1\n    ports:\n      - 127.0.0.1:${APP_PORT:-8080}:8080\n');
  });

  it('fix: long syntax in a flow mapping becomes short, or gets host_ip when it has other keys', () => {
    const out = fixed('services:\n  app:\n    image: app:1\n    ports:\n      - { target: 3000, published: 3000 }\n', RULE);
    assert.equal(out.text, 'services:\n  app:\n    image: app:1\n    ports:\n      - "127.0.0.1:3000:3000"\n');
    const named = 'services:\n  app:\n    image: app:1\n    ports:\n      - { name: web, target: 3000 }\n';
    assert.equal(fixed(named, RULE).text, 'services:\n  app:\n    image: app:1\n    ports:\n      - { name: web, target: 3000, host_ip: 127.0.0.1 }\n');
    assert.equal(run('services:\n  app:\n    image: app:1\n    ports:\n      - { target: 3000, published: 3000 }\n', RULE)[0].fixes[0].safe, false);
  });
});
