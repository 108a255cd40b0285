import * as assert from 'node:assert/strict';
import { assertRanges } from '../../../support/lint';
import { run } from './helpers';

const RULE = 'compose/docker-socket';

describe(RULE, () => {
  it('reports docker, containerd and podman sockets in short and long syntax, read-only too', () => {
    const text = [
      'services:',
      '  a:',
      '    image: x:1',
      '    volumes:',
      '      - /var/run/docker.sock:/var/run/docker.sock:ro',
      '      - /run/containerd/containerd.sock:/c.sock',
      '      - type: bind',
      '        source: /run/user/1000/podman/podman.sock',
      '        target: /var/run/docker.sock',
      '',
    ].join('\n');
    const found = run(text, RULE);
    assertRanges(found, RULE, ['5:9-5:53', '6:9-6:48', '7:9-9:37']);
    assert.equal(found[0].fixes.length, 0);
  });

  it('does not report other mounts or a named volume called docker', () => {
    assert.deepEqual(run('services:\n  a:\n    image: x:1\n    volumes:\n      - docker:/var/lib/docker\n      - ./docker.sock.md:/doc.md\n', RULE), []);
  });

  it('reads a variable source from .env, or by the target when it cannot be known', () => {
    const text = [
      'services:',
      '  vector:',
      '    image: timberio/vector:0.40.0-alpine',
      '    volumes:',
      '      - ${DOCKER_SOCKET_LOCATION}:/var/run/docker.sock:ro,z',
      '      - ${SOCK:-/run/user/1000/podman/podman.sock}:/sock',
      '      - ${DATA_DIR}:/data',
      '      - ${APP_DIR}:/var/run/docker.sock',
      '',
    ].join('\n');
    // Without .env the first is judged by its target, the second by its default; the third is data.
    assertRanges(run(text, RULE), RULE, ['5:9-5:60', '6:9-6:57', '8:9-8:40']);
    // With .env the sources are known: APP_DIR is not a socket, whatever the target says.
    const env = { '.env': 'DOCKER_SOCKET_LOCATION=/var/run/docker.sock\nSOCK=./app.sock\nAPP_DIR=./app\nDATA_DIR=/run/containerd/containerd.sock\n' };
    assertRanges(run(text, RULE, env), RULE, ['5:9-5:60', '7:9-7:26']);
  });

  it('severity by what an attacker can do (ARCHITECTURE.md, Precision): a holder needs a bug or a foothold first (warning, published or not), an engine manager is info', () => {
    const text = [
      'services:',
      '  edge:',
      '    image: traefik:v3.1',
      '    ports: ["443:443"]',
      '    volumes: ["/var/run/docker.sock:/var/run/docker.sock:ro"]',
      '  cron:',
      '    image: mcuadros/ofelia:0.3.13',
      '    volumes: ["/var/run/docker.sock:/var/run/docker.sock:ro"]',
      '  ui:',
      '    image: portainer/portainer-ce:2.21.0',
      '    ports: ["9443:9443"]',
      '    volumes: ["/var/run/docker.sock:/var/run/docker.sock"]',
      '',
    ].join('\n');
    const found = run(text, RULE);
    assertRanges(found, RULE, ['5:15-5:61', '8:15-8:61', '12:15-12:58']);
    assert.deepEqual(found.map((f) => f.severity), ['warning', 'warning', 'info']);
    assert.match(found[0].message, /reachable from outside \(a published port\), so one bug in it is root on the host/);
    assert.match(found[1].message, /needs a foothold in the project first/);
    assert.match(found[2].message, /By design: managing the Docker engine is its job/);
  });

  it('is an error for a socket proxy published on a non-loopback address: the Docker API is on the network', () => {
    const text = [
      'services:',
      '  socket:',
      '    image: tecnativa/docker-socket-proxy:0.3.0',
      '    ports: ["2375:2375"]',
      '    volumes: ["/var/run/docker.sock:/var/run/docker.sock:ro"]',
      '  local:',
      '    image: lscr.io/linuxserver/socket-proxy:1.26.2',
      '    ports: ["127.0.0.1:2376:2375"]',
      '    volumes: ["/var/run/docker.sock:/var/run/docker.sock:ro"]',
      '',
    ].join('\n');
    const found = run(text, RULE);
    assertRanges(found, RULE, ['5:15-5:61', '9:15-9:61']);
    assert.deepEqual(found.map((f) => f.severity), ['error', 'warning']);
    assert.match(found[0].message, /serves the Docker API to the network/);
  });
});
