import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lint, lintText } from '../../../support/lint';
import { reparse } from './support';

const RULE = 'nginx/server-tokens';

describe('nginx/server-tokens', () => {
  it('reports an explicit on/build value at the value (gixy version_disclosure: server_tokens on / build)', () => {
    const text = 'server {\n    listen 80;\n    server_tokens on;\n    location / { server_tokens build; }\n}\n';
    assertRanges(lintText('site.conf', text, RULE), RULE, ['3:19-3:21', '4:32-4:37']);
  });

  it('reports a full config whose http level leaves the default on, once, at the http block', () => {
    const text = 'events {}\nhttp {\n    server { listen 80; }\n    server { listen 81; }\n}\n';
    const found = lintText('nginx.conf', text, RULE);
    assertRanges(found, RULE, ['2:1-2:5']);
    // A version banner speeds up fingerprinting and no more (ARCHITECTURE.md, Precision: the severity an attacker's reach deserves).
    assert.equal(found[0].severity, 'info');
  });

  it('reports a fragment once, at its first server lacking the setting', () => {
    const text = 'server {\n    listen 80;\n}\nserver {\n    listen 81;\n}\n';
    const found = lintText('conf.d/app.conf', text, RULE);
    assertRanges(found, RULE, ['1:1-1:7']);
    assert.match(found[0].message, /2 servers/);
  });

  it('accepts off at the http level, in every server, or at the top of a fragment (gixy: server_tokens off)', () => {
    assert.deepEqual(lintText('nginx.conf', 'events {}\nhttp {\n    server_tokens off;\n    server { listen 80; }\n}\n', RULE), []);
    assert.deepEqual(lintText('nginx.conf', 'events {}\nhttp {\n    server { listen 80; server_tokens off; }\n}\n', RULE), []);
    assert.deepEqual(lintText('app.conf', 'server_tokens off;\nserver { listen 80; }\n', RULE), []);
    assert.deepEqual(lintText('app.conf', 'server {\n    listen 80;\n    server_tokens off;\n}\n', RULE), []);
  });

  it('reports a fragment in the http level of the nginx.conf that includes it, not in the fragment', () => {
    const files = { 'nginx/nginx.conf': 'events {}\nhttp {\n    include conf.d/*.conf;\n}\n', 'nginx/conf.d/app.conf': 'server { listen 80; }\n' };
    assert.deepEqual(lint(files, 'nginx/conf.d/app.conf', RULE), []);
    assertRanges(lint(files, 'nginx/nginx.conf', RULE), RULE, ['2:1-2:5']);
  });

  describe('a fragment enabled by copying or renaming it into the folder the http level includes', () => {
    const main = (tokens: string) => `events {}\nhttp {\n${tokens}    include /etc/nginx/conf.d/*.conf;\n}\n`;
    const site = 'server {\n    listen 80;\n    root /srv;\n}\n';
    const cases: [string, string][] = [
      ['a dot-file the glob skips', 'nginx/conf.d/.default.conf'],
      ['a template below the included folder', 'nginx/conf.d/templates/example.conf'],
      ['a *.conf.template an entrypoint renders to *.conf', 'nginx/conf.d/production.conf.template'],
    ];
    for (const [what, file] of cases) {
      it(`${what}: server_tokens off in that http level counts; unset there, the fragment is reported`, () => {
        assert.deepEqual(lint({ 'nginx/nginx.conf': main('    server_tokens off;\n'), [file]: site }, file, RULE), []);
        const found = lint({ 'nginx/nginx.conf': main(''), [file]: site }, file, RULE);
        assertRanges(found, RULE, ['1:1-1:7']);
      });
    }

    it('sites-available counts for a main config that includes sites-enabled/*', () => {
      const files = {
        'nginx/nginx.conf': 'events {}\nhttp {\n    server_tokens off;\n    include sites-enabled/*;\n}\n',
        'nginx/sites-enabled/other': site, 'nginx/sites-available/app.conf': site,
      };
      assert.deepEqual(lint(files, 'nginx/sites-available/app.conf', RULE), []);
    });

    it('a main config elsewhere, or one including another folder, does not count', () => {
      const other = { 'nginx/nginx.conf': 'events {}\nhttp {\n    server_tokens off;\n    include other.d/*.conf;\n}\n', 'nginx/other.d/x.conf': site, 'nginx/conf.d/app.conf': site };
      assertRanges(lint(other, 'nginx/conf.d/app.conf', RULE), RULE, ['1:1-1:7']);
    });
  });

  it('fixes: on -> off', () => {
    const fixed = checkFix({ 'site.conf': 'server {\n    server_tokens on;\n}\n' }, 'site.conf', RULE, { reparse });
    assert.equal(fixed['site.conf'], 'server {\n    server_tokens off;\n}\n');
  });

  it('fixes: adds server_tokens off; to the http block with its indentation', () => {
    const text = 'events {}\nhttp {\n    sendfile on;\n\n    server { listen 80; }\n}\n';
    const fixed = checkFix({ 'nginx.conf': text }, 'nginx.conf', RULE, { reparse });
    assert.equal(fixed['nginx.conf'], 'events {}\nhttp {\n    sendfile on;\n    server_tokens off;\n\n    server { listen 80; }\n}\n');
  });

  it('fixes: adds it to each server of a fragment (a top-level one could clash with the includer)', () => {
    const text = 'server {\n  listen 80;\n  server_name a.example;\n}\nserver {\n  listen 81;\n}\n';
    const fixed = checkFix({ 'app.conf': text }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], 'server {\n  listen 80;\n  server_name a.example;\n  server_tokens off;\n}\nserver {\n  listen 81;\n  server_tokens off;\n}\n');
  });
});
