import * as assert from 'node:assert/strict';
import { assertRanges } from '../../../support/lint';
import { run } from './helpers';

const RULE = 'compose/traefik-unused-middleware';

const service = (router: string) => [
  'services:',
  '  app:',
  '    image: ghcr.io/acme/app:1',
  '    labels:',
  '      - traefik.enable=true',
  `      - traefik.http.routers.app.middlewares=${router}`,
  '      - traefik.http.middlewares.app-strip.stripprefix.prefixes=/app',
  '      - traefik.http.middlewares.app.headers.STSSeconds=315360000',
  '      - traefik.http.middlewares.app.headers.contentTypeNosniff=true',
  '',
].join('\n');

describe(RULE, () => {
  it('reports a headers middleware no router uses, at its first label, as info', () => {
    const found = run(service('app-strip'), RULE);
    assertRanges(found, RULE, ['8:9-8:66']);
    assert.equal(found[0].severity, 'info');
    assert.match(found[0].message, /`app`/);
  });

  it('reads map-form labels', () => {
    const text = 'services:\n  app:\n    image: app:1\n    labels:\n      traefik.http.middlewares.sec.headers.frameDeny: "true"\n';
    assertRanges(run(text, RULE), RULE, ['5:7-5:61']);
  });

  it('does not report a middleware used by a router (with @provider), a chain, an entrypoint flag or another compose file of the project', () => {
    assert.deepEqual(run(service('app-strip,app@docker'), RULE), []);
    const chain = service('chain').replace('      - traefik.enable=true\n', '      - traefik.enable=true\n      - traefik.http.middlewares.chain.chain.middlewares=app-strip,app\n');
    assert.deepEqual(run(chain, RULE), []);
    const entry = service('app-strip') + '  traefik:\n    image: traefik:v3.1\n    command:\n      - --entrypoints.websecure.http.middlewares=app@docker\n';
    assert.deepEqual(run(entry, RULE), []);
    const override = 'services:\n  app:\n    labels:\n      - traefik.http.routers.app.middlewares=app-strip,app\n';
    assert.deepEqual(run(service('app-strip'), RULE, { 'docker-compose.override.yml': override }), []);
  });
});
