import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lint, lintText } from '../../../support/lint';
import { reparse } from './support';

const RULE = 'nginx/dotfiles-exposed';
const site = (extra = '') => `server {\n    listen 80;\n    root /srv/www;\n${extra}    location / {\n        try_files $uri $uri/ =404;\n    }\n}\n`;
const DENY = '    location ~ /\\.(?!well-known) {\n        deny all;\n    }\n';

describe('nginx/dotfiles-exposed', () => {
  it('reports a server that serves files from root without a dotfile rule', () => {
    assertRanges(lintText('app.conf', site(), RULE), RULE, ['1:1-1:7']);
  });

  it('accepts a deny rule (ours, h5bp\'s, a return 404), a snippet holding it, and proxy-only servers', () => {
    assert.deepEqual(lintText('app.conf', site(DENY), RULE), []);
    assert.deepEqual(lintText('app.conf', site('    location ~* /\\.(?!well-known\\/) {\n        deny all;\n    }\n'), RULE), []);
    assert.deepEqual(lintText('app.conf', site('    location ~ /\\. {\n        return 404;\n    }\n'), RULE), []);
    const files = { 'nginx/app.conf': site('    include snippets/deny.conf;\n'), 'nginx/snippets/deny.conf': DENY };
    assert.deepEqual(lint(files, 'nginx/app.conf', RULE), []);
    assert.deepEqual(lintText('app.conf', 'server {\n    listen 80;\n    location / {\n        proxy_pass http://app:3000;\n    }\n}\n', RULE), []);
    // A rule for .git only still leaves .env readable.
    assert.equal(lintText('app.conf', site('    location ~ /\\.git {\n        deny all;\n    }\n'), RULE).length, 1);
  });

  it('fixes: adds the deny location before the other locations', () => {
    const fixed = checkFix({ 'app.conf': site() }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], site(DENY));
  });
});
