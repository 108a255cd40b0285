import * as assert from 'node:assert/strict';
import { assertRanges, lint, textOf } from '../../../support/lint';
import { FILE, fixed, run } from './helpers';

const RULE = 'compose/exposed-admin-ui';

describe(RULE, () => {
  it('reports a published management UI at its port, as an error', () => {
    const text = 'services:\n  pgadmin:\n    image: dpage/pgadmin4:8\n    ports:\n      - "5050:80"\n  portainer:\n    image: portainer/portainer-ce:2.21.0\n    ports: ["0.0.0.0:9000:9000"]\n';
    const found = run(text, RULE);
    assertRanges(found, RULE, ['5:9-5:18', '8:13-8:32']);
    assert.equal(found[0].severity, 'error');
    assert.equal(textOf({ [FILE]: text }, found[0]), '"5050:80"');
    assert.match(found[0].message, /pgAdmin \(service `pgadmin`\)/);
  });

  it('does not report UIs bound to loopback, unpublished UIs with a login, or other services', () => {
    const text = [
      'services:',
      '  adminer:',
      '    image: adminer:4',
      '    ports: ["127.0.0.1:8080:8080"]',
      '  pma:',
      '    image: phpmyadmin:5',
      '  app:',
      '    image: ghcr.io/acme/app:1',
      '    ports: ["8080:8080"]',
      '',
    ].join('\n');
    assert.deepEqual(run(text, RULE), []);
  });

  it('reports Traefik only with --api.insecure=true: at the flag (info) when unpublished, at the port when published', () => {
    const unpublished = "services:\n  traefik:\n    image: 'traefik'\n    command:\n      - '--api.insecure=true'\n      - '--providers.docker=true'\n    ports:\n      - '443:443'\n";
    const found = run(unpublished, RULE);
    assertRanges(found, RULE, ['5:9-5:30']);
    assert.equal(found[0].severity, 'info');
    const published = 'services:\n  traefik:\n    image: traefik:v3.1\n    command: --api.insecure=true --providers.docker\n    ports: ["80:80", "8080:8080"]\n';
    const f2 = run(published, RULE);
    assertRanges(f2, RULE, ['5:22-5:33']);
    assert.equal(f2[0].severity, 'error');
    const safe = 'services:\n  traefik:\n    image: traefik:v3.1\n    command: --api.dashboard=true --providers.docker\n    ports: ["80:80", "8080:8080"]\n';
    assert.deepEqual(run(safe, RULE), []);
  });

  it('reports pgAdmin in desktop mode (no login) even when unpublished, at info', () => {
    const text = 'services:\n  pgadmin:\n    image: dpage/pgadmin4\n    environment:\n      PGADMIN_CONFIG_SERVER_MODE: "False"\n';
    const found = run(text, RULE);
    assertRanges(found, RULE, ['5:7-5:42']);
    assert.equal(found[0].severity, 'info');
  });

  it('reports Kibana only in front of a cluster without auth (Elasticsearch 7 without xpack security)', () => {
    const open = 'services:\n  es:\n    image: elasticsearch:7.16.1\n  kibana:\n    image: kibana:7.16.1\n    ports:\n      - "5601:5601"\n';
    const found = run(open, RULE);
    assertRanges(found, RULE, ['7:9-7:20']);
    assert.match(found[0].message, /in front of `es`/);
    const secured = 'services:\n  es:\n    image: elasticsearch:7.16.1\n    environment:\n      - xpack.security.enabled=true\n  kibana:\n    image: kibana:7.16.1\n    ports:\n      - "5601:5601"\n';
    assert.deepEqual(run(secured, RULE), []);
    assert.deepEqual(run('services:\n  es:\n    image: elasticsearch:8.13.0\n  kibana:\n    image: kibana:8.13.0\n    ports: ["5601:5601"]\n', RULE), []);
  });

  it('leaves the port to exposed-admin-ui: port-all-interfaces does not report it again', () => {
    const text = 'services:\n  pgadmin:\n    image: dpage/pgadmin4:8\n    ports:\n      - "5050:80"\n';
    assert.deepEqual(run(text, 'compose/port-all-interfaces'), []);
    // With the specific rule off, the generic one still sees the port.
    assertRanges(lint({ [FILE]: text }, FILE, 'compose/port-all-interfaces', { rules: { [RULE]: 'off' } }), 'compose/port-all-interfaces', ['5:9-5:18']);
  });

  it('reports a UI on the host network at network_mode, as an error', () => {
    const text = 'services:\n  adminer:\n    image: adminer:4\n    network_mode: host\n';
    const found = run(text, RULE);
    assertRanges(found, RULE, ['4:5-4:23']);
    assert.equal(found[0].severity, 'error');
  });

  it('fix (unsafe): binds the port to 127.0.0.1', () => {
    const text = 'services:\n  pgadmin:\n    image: dpage/pgadmin4:8\n    ports:\n      - "5050:80"\n';
    assert.equal(fixed(text, RULE).text, 'services:\n  pgadmin:\n    image: dpage/pgadmin4:8\n    ports:\n      - "127.0.0.1:5050:80"\n');
  });
});
