import * as assert from 'node:assert/strict';
import { parseUpstream, validateServerName, validateUpstream } from '../../server/src/generate';

describe('generate: validateServerName', () => {
  for (const ok of ['notes.example.com', 'www.notes.example.com', '*.example.com', 'localhost', 'xn--bcher-kva.example', 'a-b.example.io', '203.0.113.7', 'Notes.Example.COM', 'www.example.*', 'homeassistant.*']) {
    it(`accepts ${ok}`, () => assert.equal(validateServerName(ok), undefined));
  }
  const bad: [string, RegExp][] = [
    ['', /enter a host name/],
    ['bad name!', /space/],
    ['two names.example.com', /space/],
    ['_', /catch-all/],
    ['~^(www\\.)?example\\.com$', /regular expression/],
    ['bücher.example', /punycode/],
    ['example.com.', /trailing dot/],
    ['.example.com', /empty label/],
    ['a..example.com', /empty label/],
    ['-app.example.com', /not a valid host name label/],
    ['app-.example.com', /not a valid host name label/],
    ['app_1.example.com', /not a valid host name label/],
    ['www.*.example.com', /wildcard/],
    ['*.*.example.com', /wildcard/],
    ['*.example.*', /wildcard/],
    ['app.*.example', /wildcard/],
    ['*example.com', /wildcard/],
    ['*.com', /at least two labels/],
    ['1.2.3', /neither a host name nor an IPv4/],
    ['999.1.1.1', /neither a host name nor an IPv4/],
    [`${'a'.repeat(64)}.example.com`, /not a valid host name label/],
    [`${'abcdefghi.'.repeat(26)}com`, /longer than 253/],
    ['app.example.com;', /not a valid host name label/],
    ['app.example.com{', /not a valid host name label/],
  ];
  for (const [name, why] of bad) {
    it(`refuses ${JSON.stringify(name)}`, () => assert.match(validateServerName(name) ?? '(accepted)', why));
  }
});

describe('generate: parseUpstream', () => {
  const ok: [string, string, Partial<ReturnType<typeof parseUpstream>>][] = [
    ['http://app:3000', 'http://app:3000', { scheme: 'http', host: 'app', port: 3000, path: '' }],
    ['  http://127.0.0.1:3010 ', 'http://127.0.0.1:3010', { host: '127.0.0.1', port: 3010 }],
    ['app:3000', 'http://app:3000', { scheme: 'http' }],
    ['127.0.0.1:3010', 'http://127.0.0.1:3010', {}],
    ['HTTPS://API.Example.com:8443/v1/', 'https://api.example.com:8443/v1/', { scheme: 'https', path: '/v1/' }],
    ['http://backend', 'http://backend', { port: undefined }],
    ['http://appflowy_cloud:8000', 'http://appflowy_cloud:8000', { host: 'appflowy_cloud' }],
    ['[::1]:8080', 'http://[::1]:8080', { host: '[::1]', port: 8080 }],
    ['localhost:3000', 'http://localhost:3000', {}],
    ['"http://anubis:8924"', 'http://anubis:8924', { host: 'anubis' }],
    ["'app:3000'", 'http://app:3000', {}],
  ];
  for (const [input, url, parts] of ok) {
    it(`reads ${JSON.stringify(input)} as ${url}`, () => {
      const u = parseUpstream(input);
      assert.equal(u.url, url);
      for (const [k, v] of Object.entries(parts)) assert.deepEqual(u[k as keyof typeof u], v, k);
      assert.equal(validateUpstream(input), undefined);
    });
  }
  const bad: [string, RegExp][] = [
    ['', /enter an upstream/],
    ['"http://app:3000', /quotes/],
    ['ftp://files:21', /scheme must be http or https, not ftp/],
    ['ws://app:3000', /scheme must be http or https/],
    ['unix:/run/app.sock', /http:\/\/host:port or host:port/],
    ['3000', /only a port.*127\.0\.0\.1:3000/],
    ['app', /give a port/],
    ['http://app:0', /port must be a number from 1 to 65535/],
    ['http://app:70000', /port must be/],
    ['http://app:http', /port must be/],
    ['http://app:3000; return 200', /spaces, quotes or nginx punctuation/],
    ['http://app:3000;', /nginx punctuation/],
    ['http://$arg_host:3000', /variable/],
    ['http://user:secret@app:3000', /credentials/],
    ['http://app:3000/?a=1', /query strings/],
    ['http://:3000', /has no host/],
    ['http://bad..host:1', /not a valid host/],
    ['http://-app:3000', /not a valid host/],
  ];
  for (const [input, why] of bad) {
    it(`refuses ${JSON.stringify(input)}`, () => {
      assert.throws(() => parseUpstream(input), why);
      assert.match(validateUpstream(input) ?? '(accepted)', why);
    });
  }
  it('never repeats credentials from the input in its message', () => {
    assert.doesNotMatch(validateUpstream('http://user:hunter2@app:3000') ?? '', /hunter2/);
  });
});
