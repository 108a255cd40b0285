import * as assert from 'node:assert/strict';
import { assertRanges, lintText } from '../../../support/lint';
import { spanOf } from './support';
import { isFilesystemRoot } from '../../../../server/src/engine/rules/nginx/filesystem-root';

const RULE = 'nginx/filesystem-root';
const site = (body: string, listen = 'listen 80;') => `server {\n    ${listen}\n${body}}\n`;

describe('nginx/filesystem-root', () => {
  it('reads /, //, /./ and /usr/.. as the root; variables and real folders are not', () => {
    for (const p of ['/', '//', '/./', '/usr/..', '/srv/../', '/a/b/../..']) assert.equal(isFilesystemRoot(p), true, p);
    for (const p of ['/srv', '/var/www/', '/..x', '$root', 'html', '/srv/$host/..']) assert.equal(isFilesystemRoot(p), false, p);
  });

  it('reports root / at the value when files are served from it (Gixy-Next filesystem_root_exposure)', () => {
    const text = site('    root /;\n    location / {\n        try_files $uri =404;\n    }\n');
    const found = lintText('app.conf', text, RULE);
    assertRanges(found, RULE, ['3:10-3:11']);
    assert.equal(found[0].severity, 'error');
  });

  it('reports alias / in a prefix location; not in a regex or exact one, nor /. under a slashed location', () => {
    const text = site('    location /files {\n        alias /usr/..;\n    }\n');
    assertRanges(lintText('app.conf', text, RULE), RULE, [spanOf(text, '/usr/..')]);
    assert.deepEqual(lintText('app.conf', site('    location ~ ^/f/(.*)$ {\n        alias /;\n    }\n'), RULE), []);
    assert.deepEqual(lintText('app.conf', site('    location = /x {\n        alias /;\n    }\n'), RULE), []);
    assert.deepEqual(lintText('app.conf', site('    location /files/ {\n        alias /.;\n    }\n'), RULE), []);
  });

  it('accepts a real document root', () => {
    assert.deepEqual(lintText('app.conf', site('    root /var/www/html;\n    location / { }\n'), RULE), []);
  });

  it('is info when every request under it is proxied or answered, warning on a loopback-only server', () => {
    const proxied = site('    root /;\n    location / {\n        proxy_pass http://app:3000;\n    }\n');
    assert.equal(lintText('app.conf', proxied, RULE)[0].severity, 'info');
    const php = site('    root /;\n    location ~ \\.php$ {\n        fastcgi_pass php:9000;\n    }\n    location / {\n        proxy_pass http://app:3000;\n    }\n');
    assert.equal(lintText('app.conf', php, RULE)[0].severity, 'error', 'fastcgi reads the script below root');
    assert.equal(lintText('app.conf', site('    root /;\n', 'listen 127.0.0.1:8080;'), RULE)[0].severity, 'warning');
  });
});
