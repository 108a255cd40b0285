import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lintText } from '../../../support/lint';
import { reparse } from './support';

const RULE = 'nginx/ssl-early-data';
const server = (inner: string, early = 'ssl_early_data on;') =>
  `server {\n    listen 443 ssl;\n    ${early}\n${inner}}\n`;
const proxied = (extra = '') => `    location / {\n${extra}        proxy_pass http://app:3000;\n    }\n`;

describe('nginx/ssl-early-data', () => {
  it('reports ssl_early_data on in front of a proxied location that does not pass Early-Data', () => {
    const text = server(proxied('        proxy_set_header Host $host;\n'));
    const found = lintText('app.conf', text, RULE);
    assertRanges(found, RULE, ['3:20-3:22']);
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message, /replayed/);
  });

  it('follows proxy_set_header inheritance: Early-Data at server level is dropped by a location with its own headers', () => {
    const inherited = server(proxied(), 'ssl_early_data on;\n    proxy_set_header Early-Data $ssl_early_data;');
    assert.equal(lintText('app.conf', inherited, RULE)[0].severity, 'info');
    const dropped = server(proxied('        proxy_set_header Host $host;\n'), 'ssl_early_data on;\n    proxy_set_header Early-Data $ssl_early_data;');
    assert.equal(lintText('app.conf', dropped, RULE)[0].severity, 'warning');
  });

  it('reports at info when Early-Data is passed (the app must check it; Mattermost does not)', () => {
    const text = server(proxied('        proxy_set_header Early-Data $ssl_early_data;\n'));
    const found = lintText('app.conf', text, RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'info');
    assert.match(found[0].message, /425/);
  });

  it('reports an http-level setting once, for the TLS servers it reaches', () => {
    const text = `http {\n    ssl_early_data on;\n${server(proxied(), '')}${server(proxied(), '')}}\n`;
    const found = lintText('nginx.conf', text, RULE);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /and 1 more/);
  });

  it('accepts: early data off, rejected with 425, static files only, a plain HTTP server', () => {
    assert.deepEqual(lintText('app.conf', server(proxied(), 'ssl_early_data off;'), RULE), []);
    assert.deepEqual(lintText('app.conf', server(proxied('        if ($ssl_early_data) {\n            return 425;\n        }\n')), RULE), []);
    assert.deepEqual(lintText('app.conf', server('    location / {\n        root /srv/www;\n    }\n'), RULE), []);
    assert.deepEqual(lintText('app.conf', `server {\n    listen 80;\n    ssl_early_data on;\n${proxied()}}\n`, RULE), []);
  });

  it('fixes: turns early data off (safe)', () => {
    const text = server(proxied());
    const found = lintText('app.conf', text, RULE);
    assert.equal(found[0].fixes[0].safe, true);
    const fixed = checkFix({ 'app.conf': text }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], server(proxied(), 'ssl_early_data off;'));
  });
});
