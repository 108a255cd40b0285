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
});
