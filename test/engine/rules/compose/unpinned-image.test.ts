import * as assert from 'node:assert/strict';
import { assertRanges } from '../../../support/lint';
import { run } from './helpers';

const RULE = 'compose/unpinned-image';

describe(RULE, () => {
  it('reports no tag and :latest (also as a variable default) at the image value', () => {
    const text = 'services:\n  a:\n    image: redis\n  b:\n    image: "ghcr.io/acme/app:latest"\n  c:\n    image: app:${TAG:-latest}\n';
    assertRanges(run(text, RULE), RULE, ['3:12-3:17', '5:12-5:37', '7:12-7:30']);
  });

  it('does not report versions, digests, registry ports, variables without default or built images', () => {
    const text = 'services:\n  a:\n    image: registry:5000/redis:7\n  b:\n    image: redis@sha256:0123\n  c:\n    image: app:${TAG}\n  d:\n    image: local-app\n    build: .\n  e:\n    image: localhost:5000/app:2\n';
    assert.deepEqual(run(text, RULE), []);
  });

  it('reports floating tags without a version number (alpine, apache, nightly, stable)', () => {
    const text = 'services:\n  nc:\n    image: nextcloud:apache\n  cache:\n    image: redis:alpine\n  app:\n    image: ghcr.io/acme/app:nightly\n';
    const found = run(text, RULE);
    assertRanges(found, RULE, ['3:12-3:28', '5:12-5:24', '7:12-7:36']);
    assert.match(found[0].message, /floating tag `apache`/);
  });

  it('reads a tag set in .env, with the .env line as related information', () => {
    const text = 'services:\n  app:\n    image: app:${TAG}\n';
    const found = run(text, RULE, { '.env': 'TAG=nightly\n' });
    assertRanges(found, RULE, ['3:12-3:22']);
    assert.match(found[0].message, /comes from \.env/);
    assert.equal(found[0].related?.[0].file, '/ws/.env');
    assert.deepEqual(run(text, RULE, { '.env': 'TAG=1.4.2\n' }), []);
    // .env wins over the default, like compose.
    assert.deepEqual(run('services:\n  app:\n    image: app:${TAG:-latest}\n', RULE, { '.env': 'TAG=2.0\n' }), []);
  });

  it('does not report versioned variants, distribution code names or local build tags', () => {
    const text = 'services:\n  a:\n    image: postgres:16-alpine\n  b:\n    image: debian:bookworm-slim\n  c:\n    image: ${SUITE_IMAGE:-authelia:dist}\n  d:\n    image: ubuntu:jammy\n';
    assert.deepEqual(run(text, RULE), []);
  });
});
