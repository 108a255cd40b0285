import * as assert from 'node:assert/strict';
import { assertRanges, lintText } from '../../../support/lint';
import { isPublicName } from '../../../../server/src/engine/rules/nginx/stale-dns';
import { spanOf } from './support';

const RULE = 'nginx/stale-dns';
const loc = (target: string) => `server {\n    listen 80;\n    location / {\n        proxy_pass ${target};\n    }\n}\n`;

describe('nginx/stale-dns', () => {
  it('tells public names from the deployment\'s own', () => {
    for (const h of ['api.example.com', 'bucket.s3.amazonaws.com', 'origin.example.co.uk.']) assert.ok(isPublicName(h), h);
    for (const h of ['app', 'backend', 'localhost', '10.0.0.5', '[::1]', 'db.local', 'api.internal', 'svc.cluster', 'web.lan', '$upstream']) assert.ok(!isPublicName(h), h);
  });

  it('reports proxy_pass to a public host name (info)', () => {
    const text = loc('https://api.example.com/v1/');
    const found = lintText('app.conf', text, RULE);
    assertRanges(found, RULE, [spanOf(text, 'https://api.example.com/v1/')]);
    assert.equal(found[0].severity, 'info');
    assert.match(found[0].message, /api\.example\.com is resolved once/);
  });

  it('reports an upstream server by host name without `resolve`, and says how to fix it for the version', () => {
    const text = 'upstream api {\n    server api.example.com:443;\n}\n' + loc('https://api');
    const found = lintText('app.conf', text, RULE, { nginx: { version: '1.28' } });
    assertRanges(found, RULE, [spanOf(text, 'api.example.com:443')]);
    assert.match(found[0].message, /resolve/);
  });

  it('accepts compose services, IPs, variables (resolved per request), `resolve`, and an upstream named like a host', () => {
    for (const t of ['http://app:3000', 'http://127.0.0.1:8080', 'http://unix:/run/app.sock', 'https://$api', 'http://backend']) {
      assert.deepEqual(lintText('app.conf', loc(t), RULE), [], t);
    }
    assert.deepEqual(lintText('app.conf', 'resolver 1.1.1.1;\nupstream api {\n    zone api 64k;\n    server api.example.com:443 resolve;\n}\n' + loc('https://api'), RULE), []);
    assert.deepEqual(lintText('app.conf', 'upstream app.example.com {\n    server 10.0.0.5:80;\n}\n' + loc('http://app.example.com'), RULE), []);
  });
});
