import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lint, lintText } from '../../../support/lint';
import { reparse, spanOf } from './support';

const RULE = 'nginx/proxy-header-inheritance';
const SERVER = '    proxy_set_header Host $host;\n    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n    proxy_set_header X-Forwarded-Proto $scheme;\n';
const site = (loc: string, server = SERVER) => `server {\n    listen 80;\n${server}    location /ws/ {\n${loc}        proxy_pass http://app:3000;\n    }\n}\n`;
const UPGRADE = '        proxy_set_header Upgrade $http_upgrade;\n';

describe('nginx/proxy-header-inheritance', () => {
  it('reports a location whose own proxy_set_header drops the server ones, at its first one (Gixy-Next proxy_set_header_redefinition)', () => {
    const text = site(UPGRADE);
    const found = lintText('app.conf', text, RULE);
    assertRanges(found, RULE, [spanOf(text, 'proxy_set_header Upgrade $http_upgrade;')]);
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message, /no longer sends Host, X-Forwarded-For, X-Forwarded-Proto set at server level/);
    assert.match(found[0].message, /Host falls back to the upstream's name/);
  });

  it('accepts a block that repeats every inherited header (other values too), and one with none of its own', () => {
    assert.deepEqual(lintText('app.conf', site(`${SERVER.replace(/^ {4}/gm, '        ')}${UPGRADE}`), RULE), []);
    assert.deepEqual(lintText('app.conf', site('        proxy_set_header Host $http_host;\n        proxy_set_header X-Forwarded-For $remote_addr;\n        proxy_set_header X-Forwarded-Proto https;\n'), RULE), []);
    assert.deepEqual(lintText('app.conf', site(''), RULE), []);
    assert.deepEqual(lintText('app.conf', site(UPGRADE, ''), RULE), [], 'nothing inherited');
  });

  it('is info when only other headers are lost; a blanked header lost is a warning', () => {
    const trace = site(UPGRADE, '    proxy_set_header X-Trace $request_id;\n');
    assert.equal(lintText('app.conf', trace, RULE)[0].severity, 'info');
    const blank = site(UPGRADE, '    proxy_set_header X-Internal-Auth "";\n');
    const found = lintText('app.conf', blank, RULE);
    assert.equal(found[0].severity, 'warning');
    assert.match(found[0].message, /the blanked X-Internal-Auth can be sent by the client again/);
  });

  it('reports a server dropping the http list; not a block that never proxies; not behind an unreadable proxy include', () => {
    const text = `http {\n    proxy_set_header X-Forwarded-Proto $scheme;\n    server {\n        listen 80;\n        proxy_set_header Host $host;\n        location / {\n            proxy_pass http://app:3000;\n        }\n    }\n}\n`;
    assertRanges(lintText('nginx.conf', text, RULE), RULE, [spanOf(text, 'proxy_set_header Host $host;')]);
    assert.deepEqual(lintText('app.conf', site(UPGRADE).replace('        proxy_pass http://app:3000;\n', '        return 204;\n'), RULE), []);
    assert.deepEqual(lintText('app.conf', site(`        include /etc/nginx/proxy_params;\n${UPGRADE}`), RULE), []);
  });

  it('reads headers set in an included file of the server', () => {
    const files = { 'nginx/app.conf': site(UPGRADE, '    include snippets/proxy.conf;\n'), 'nginx/snippets/proxy.conf': 'proxy_set_header X-Real-IP $remote_addr;\n' };
    assert.match(lint(files, 'nginx/app.conf', RULE)[0].message, /no longer sends X-Real-IP/);
  });

  it('fixes: repeats the dropped lines in the block (not applied by Fix all)', () => {
    const fixed = checkFix({ 'app.conf': site(UPGRADE) }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], site(`${UPGRADE}${SERVER.replace(/^ {4}/gm, '        ')}`));
    assert.equal(lintText('app.conf', site(UPGRADE), RULE)[0].fixes[0].safe, false);
  });

  it('fixes: copies a line from an included file verbatim', () => {
    const files = { 'nginx/app.conf': site(UPGRADE, '    include snippets/proxy.conf;\n'), 'nginx/snippets/proxy.conf': 'proxy_set_header X-Real-IP $remote_addr;\n' };
    const fixed = checkFix(files, 'nginx/app.conf', RULE, { reparse });
    assert.equal(fixed['nginx/app.conf'], site(`${UPGRADE}        proxy_set_header X-Real-IP $remote_addr;\n`, '    include snippets/proxy.conf;\n'));
  });
});
