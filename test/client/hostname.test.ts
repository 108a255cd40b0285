import * as assert from 'node:assert/strict';
import { validateServerNames, validateUpstreamUrl } from '../../client/src/hostname';

describe('client: generator input validation', () => {
  it('accepts host names, several of them, and a leading wildcard', () => {
    for (const ok of ['app.example.com', 'app.example.com www.example.com', '*.example.com', 'localhost', 'xn--bcher-kva.example']) assert.equal(validateServerNames(ok), undefined, ok);
  });
  it('rejects URLs, ports, paths, bad labels and empty input', () => {
    for (const bad of ['', '   ', 'https://app.example.com', 'app.example.com:443', 'app.example.com/x', 'app..example.com', '-app.example.com', 'app_1.example.com', `${'a'.repeat(64)}.com`]) {
      assert.ok(validateServerNames(bad), bad);
    }
  });
  it('accepts an upstream URL or host:port, rejects the rest', () => {
    for (const ok of ['http://app:3000', 'https://10.0.0.5:8443', '127.0.0.1:3000', 'http://app', 'http://[::1]:8080/api']) assert.equal(validateUpstreamUrl(ok), undefined, ok);
    for (const bad of ['', 'app', 'ftp://x:1', 'http://app:70000', 'http://a b']) assert.ok(validateUpstreamUrl(bad), bad);
  });
});
