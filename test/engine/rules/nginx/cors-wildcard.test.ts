import * as assert from 'node:assert/strict';
import { lint, assertRanges } from '../../../support/lint';

const RULE = 'nginx/cors-wildcard';

describe('nginx/cors-wildcard', () => {
  it('reports Access-Control-Allow-Origin * as a warning, on the value', () => {
    const found = lint({ 'nginx/app.conf': "location /api/ {\n    add_header Access-Control-Allow-Origin '*' always;\n}\n" }, 'nginx/app.conf', RULE);
    assertRanges(found, RULE, ['2:44-2:47']);
    assert.equal(found[0].severity, 'warning');
  });

  it('is an error with Access-Control-Allow-Credentials true (same block or inherited)', () => {
    const found = lint({ 'nginx/app.conf': 'server {\n    add_header Access-Control-Allow-Credentials true;\n    add_header Access-Control-Allow-Origin *;\n}\n' }, 'nginx/app.conf', RULE);
    assertRanges(found, RULE, ['3:44-3:45']);
    assert.equal(found[0].severity, 'error');
  });

  it('reports $http_origin reflected without validation', () => {
    const found = lint({ 'nginx/app.conf': 'location / {\n    add_header Access-Control-Allow-Origin $http_origin;\n    add_header Access-Control-Allow-Credentials true;\n}\n' }, 'nginx/app.conf', RULE);
    assertRanges(found, RULE, ['2:44-2:56']);
    assert.equal(found[0].severity, 'error');
  });

  it('does not report a named origin, a validated $http_origin, or a mapped variable', () => {
    assert.deepEqual(lint({ 'nginx/app.conf': 'add_header Access-Control-Allow-Origin https://app.example.com;\n' }, 'nginx/app.conf', RULE), []);
    const validated = 'location / {\n    if ($http_origin ~* ^https://(app|admin)\\.example\\.com$) {\n        add_header Access-Control-Allow-Origin $http_origin;\n    }\n}\n';
    assert.deepEqual(lint({ 'nginx/app.conf': validated }, 'nginx/app.conf', RULE), []);
    const mapped = 'map $http_origin $cors_origin {\n    default "";\n    https://app.example.com $http_origin;\n}\nserver {\n    add_header Access-Control-Allow-Origin $cors_origin;\n}\n';
    assert.deepEqual(lint({ 'nginx/app.conf': mapped }, 'nginx/app.conf', RULE), []);
  });
});
