import * as assert from 'node:assert/strict';
import { assertRanges } from '../../../support/lint';
import { run } from './helpers';

const RULE = 'compose/runs-as-root';

describe(RULE, () => {
  it('reports a missing user at the service key and root/0 at the pair', () => {
    const text = 'services:\n  a:\n    image: x:1\n  b:\n    image: x:1\n    user: root\n  c:\n    image: x:1\n    user: "0:0"\n';
    assertRanges(run(text, RULE), RULE, ['2:3-2:4', '6:5-6:15', '9:5-9:16']);
  });

  it('does not report non-root users or datastores', () => {
    assert.deepEqual(run('services:\n  a:\n    image: x:1\n    user: "1000:1000"\n  db:\n    image: postgres:16\n', RULE), []);
  });

  it('does not report images that run as their own non-root user, or PUID/PGID images', () => {
    const text = [
      'services:',
      '  n8n: { image: "docker.n8n.io/n8nio/n8n:1.100.0" }',
      '  grafana: { image: "grafana/grafana:11.2.0" }',
      '  kc: { image: "quay.io/keycloak/keycloak:25.0" }',
      '  proxy: { image: "nginxinc/nginx-unprivileged:1.27" }',
      '  gitea: { image: "gitea/gitea:1.23-rootless" }',
      '  bit: { image: "docker.io/bitnami/nginx:1.27" }',
      '  arr:',
      '    image: lscr.io/linuxserver/sonarr:4.0.9',
      '  other:',
      '    image: ghcr.io/acme/tool:2.0',
      '    environment: { PUID: "1000", PGID: "1000" }',
      '  root-gitea: { image: "gitea/gitea:1.23" }',
      '',
    ].join('\n');
    assertRanges(run(text, RULE), RULE, ['13:3-13:13']);
  });

  it('takes the user from the service named in extends, in this file or another', () => {
    const text = [
      'services:',
      '  base:',
      '    image: ghcr.io/acme/app:1.0',
      '    user: "1000:1000"',
      '  worker:',
      '    extends: base',
      '    command: worker',
      '  other:',
      '    extends: { file: ./common.yml, service: app }',
      '  rooted:',
      '    extends: { file: ./common.yml, service: root-app }',
      '  missing:',
      '    extends: { file: ./absent.yml, service: app }',
      '',
    ].join('\n');
    const common = 'services:\n  app:\n    image: ghcr.io/acme/app:1.0\n    user: "1001"\n  root-app:\n    image: ghcr.io/acme/app:1.0\n    user: root\n';
    const found = run(text, RULE, { 'common.yml': common });
    assertRanges(found, RULE, ['10:3-10:9']);
    assert.match(found[0].message, /runs as root \(`user` from service `root-app`/);
  });
});
