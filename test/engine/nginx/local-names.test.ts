import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isLocalName } from '../../../server/src/engine/nginx/servers';

const LOCAL = /^(localhost|127\.0\.0\.1|\[::1\]|.*\.localhost|.*\.local|.*\.internal)$/i;

describe('nginx servers: local-only names', () => {
  it('answers as the full regex does, its last-character shortcut included', () => {
    const parts = ['localhost', 'LocalHost', 'local', 'LOCAL', 'internal', 'Internal', '127.0.0.1', '[::1]', '.', 'a', 't', 'T', 'l', 'L', '1', ']',
      '\n', '\u2028', '\u212a', '\u0130', '\u017f', 'é', 'x.', 'site.example.com', ''];
    fc.assert(fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 6 }), (p) => {
      const name = p.join('');
      assert.equal(isLocalName(name), LOCAL.test(name), JSON.stringify(name));
    }), { numRuns: 3000 });
    for (const name of ['localhost', 'app.local', 'db.INTERNAL', '127.0.0.1', '[::1]', 'x.localhost', '', 'example.com', 'a\n.local', 'app.loca\u212a']) {
      assert.equal(isLocalName(name), LOCAL.test(name), JSON.stringify(name));
    }
  });
});
