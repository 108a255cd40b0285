import * as assert from 'node:assert/strict';
import { assertRanges, checkFix, lint, lintText } from '../../../support/lint';
import { reparse } from './support';

const RULE = 'nginx/unlimited-body-size';

describe('nginx/unlimited-body-size', () => {
  it('reports client_max_body_size 0 at the value (0, 0m, 0k)', () => {
    assertRanges(lintText('app.conf', 'server {\n  client_max_body_size 0;\n  location /up { client_max_body_size 0M; }\n}\n', RULE), RULE, ['2:24-2:25', '3:39-3:41']);
  });

  it('accepts a real limit', () => {
    assert.deepEqual(lintText('app.conf', 'server {\n  client_max_body_size 100M;\n  client_max_body_size 10m;\n}\n', RULE), []);
  });

  it('one problem, one finding: an http-level 0 that no server uses is not reported', () => {
    const main = 'events {}\nhttp {\n  client_max_body_size 0;\n  include /run/site-confs/*;\n}\n';
    const site = 'client_max_body_size 0;\nlocation / { proxy_pass http://app; }\n';
    // The sites come from a fragment that sets 0 itself (jitsi's meet.conf): that one is reported.
    assert.deepEqual(lint({ 'web/nginx.conf': main, 'web/meet.conf': site }, 'web/nginx.conf', RULE), []);
    assertRanges(lint({ 'web/nginx.conf': main, 'web/meet.conf': site }, 'web/meet.conf', RULE), RULE, ['1:22-1:23']);
    // Alone, nothing else says the servers set a limit: reported.
    assertRanges(lint({ 'web/nginx.conf': main }, 'web/nginx.conf', RULE), RULE, ['3:24-3:25']);
    // Every server of the view sets its own limit: the http-level 0 is dead.
    const own = 'events {}\nhttp {\n  client_max_body_size 0;\n  server { listen 80; client_max_body_size 10m; }\n}\n';
    assert.deepEqual(lintText('nginx.conf', own, RULE), []);
    assertRanges(lintText('nginx.conf', own.replace(' client_max_body_size 10m;', ''), RULE), RULE, ['3:24-3:25']);
  });

  it('fixes: sets 100M (the AFFiNE guide value)', () => {
    const fixed = checkFix({ 'app.conf': 'http {\n  client_max_body_size 0;\n}\n' }, 'app.conf', RULE, { reparse });
    assert.equal(fixed['app.conf'], 'http {\n  client_max_body_size 100M;\n}\n');
  });
});
