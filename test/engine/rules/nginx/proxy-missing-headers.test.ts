import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lint, lintText } from '../../../support/lint';
import { reparse, spanOf } from './support';

const RULE = 'nginx/proxy-missing-headers';
const STANDARD = '        proxy_set_header Host $host;\n        proxy_set_header X-Real-IP $remote_addr;\n        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n        proxy_set_header X-Forwarded-Proto $scheme;\n';
const site = (loc: string, server = '') => `server {\n    listen 80;\n${server}    location / {\n${loc}        proxy_pass http://app:3000;\n    }\n}\n`;

describe('nginx/proxy-missing-headers', () => {
  it('reports a proxy_pass without the standard headers, naming the missing ones', () => {
    const found = lintText('app.conf', site(''), RULE);
    assertRanges(found, RULE, [spanOf(site(''), 'proxy_pass')]);
    assert.equal(spanOf(site(''), 'proxy_pass'), '4:9-4:19');
    assert.match(found[0].message, /Host, X-Real-IP\/X-Forwarded-For, X-Forwarded-Proto/);
    const some = lintText('app.conf', site('        proxy_set_header Host $host;\n'), RULE);
    assert.match(some[0].message, /no X-Real-IP\/X-Forwarded-For, X-Forwarded-Proto header/);
  });

  it('follows proxy_set_header inheritance: a location with its own loses the server ones', () => {
    const server = STANDARD.replace(/^ {8}/gm, '    ');
    assert.deepEqual(lintText('app.conf', site('', server), RULE), []);
    // The location's own list replaces the server's: what neither sets is missing.
    const found = lintText('app.conf', site('        proxy_set_header Upgrade $http_upgrade;\n', '    proxy_set_header X-Trace $request_id;\n'), RULE);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /no Host, X-Real-IP\/X-Forwarded-For, X-Forwarded-Proto header/);
  });

  it('leaves headers set above but lost to inheritance to nginx/proxy-header-inheritance (one problem, one finding)', () => {
    const server = STANDARD.replace(/^ {8}/gm, '    ');
    const text = site('        proxy_set_header Upgrade $http_upgrade;\n', server);
    assert.deepEqual(lintText('app.conf', text, RULE), []);
    assert.equal(lintText('app.conf', text, 'nginx/proxy-header-inheritance').length, 1);
    // What the server does not set either is still this rule's.
    const partial = site('        proxy_set_header Upgrade $http_upgrade;\n', '    proxy_set_header Host $host;\n');
    const found = lintText('app.conf', partial, RULE);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /no X-Real-IP\/X-Forwarded-For, X-Forwarded-Proto header/);
  });

  it('accepts the standard set, Forwarded, an included proxy snippet, and Debian\'s proxy_params', () => {
    assert.deepEqual(lintText('app.conf', site(STANDARD), RULE), []);
    assert.deepEqual(lintText('app.conf', site('        proxy_set_header Host $host;\n        proxy_set_header Forwarded "for=$remote_addr;proto=$scheme";\n'), RULE), []);
    const files = { 'nginx/app.conf': site('        include snippets/proxy.conf;\n'), 'nginx/snippets/proxy.conf': STANDARD };
    assert.deepEqual(lint(files, 'nginx/app.conf', RULE), []);
    assert.deepEqual(lintText('app.conf', site('        include proxy_params;\n'), RULE), []);
  });

  it('fixes: adds the missing headers before proxy_pass', () => {
    const fixed = checkFix({ 'app.conf': site('') }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], site(STANDARD));
  });

  it('fixes: next to the existing proxy_set_header lines, only what is missing', () => {
    const fixed = checkFix({ 'app.conf': site('        proxy_set_header Host $host;\n') }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], site(STANDARD));
  });

  it('fixes: repeats the inherited headers when the location gets its first proxy_set_header', () => {
    const text = site('', '    proxy_set_header Host $host;\n');
    const fixed = checkFix({ 'app.conf': text }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], site(STANDARD, '    proxy_set_header Host $host;\n'));
  });
});
