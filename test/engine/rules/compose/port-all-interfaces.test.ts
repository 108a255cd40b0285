import * as assert from 'node:assert/strict';
import { assertRanges } from '../../../support/lint';
import { fixed, run } from './helpers';

const RULE = 'compose/port-all-interfaces';

describe(RULE, () => {
  it('reports an app port without a host address, not 80/443 or datastores (their own rule)', () => {
    const text = [
      'services:',
      '  app:',
      '    image: ghcr.io/acme/app:1.2',
      '    ports:',
      '      - "3000:3000"',
      '      - "80:80"',
      '      - "443:443"',
      '      - "127.0.0.1:9000:9000"',
      '      - "${APP_PORT:-8080}:8080"',
      '  db:',
      '    image: postgres:16',
      '    ports: ["5432:5432"]',
      '',
    ].join('\n');
    const found = run(text, RULE);
    assertRanges(found, RULE, ['5:9-5:20', '9:9-9:33']);
    assert.equal(found[0].severity, 'warning');
  });

  it('does not report ports public by design: game servers, WebRTC media, DNS/DHCP on pihole, VPN endpoints, log inputs', () => {
    const text = [
      'services:',
      '  mc:',
      '    image: itzg/minecraft-server:2024.6.1',
      '    ports: ["25565:25565"]',
      '  jvb:',
      '    image: jitsi/jvb:stable-9646',
      '    ports: ["${JVB_PORT:-10000}:${JVB_PORT:-10000}/udp", "4443:4443"]',
      '  mattermost:',
      '    ports: ["${CALLS_PORT}:${CALLS_PORT}/udp", "${CALLS_PORT}:${CALLS_PORT}/tcp"]',
      '  turn:',
      '    image: coturn/coturn:4.6',
      '    ports: ["3479:3479", "49160-49200:49160-49200/udp"]',
      '  pihole:',
      '    image: pihole/pihole:2024.07.0',
      '    ports: ["53:53/udp", "67:67/udp", "8080:80"]',
      '  vpn:',
      '    image: linuxserver/wireguard:1.0',
      '    ports: ["51821:51821/udp", "51822:51822"]',
      '  logstash:',
      '    image: logstash:8.14.0',
      '    ports: ["5044:5044", "5000:5000/udp", "9600:9600"]',
      '  proxy:',
      '    image: traefik:v3.1',
      '',
    ].join('\n');
    // The pihole web UI, a TCP port of the VPN image and logstash's monitoring API are not public by design.
    assertRanges(run(text, RULE), RULE, ['15:39-15:48', '18:32-18:45', '21:43-21:54']);
  });

  it('the only published port of a stack without a reverse proxy is its entry point: info, with the TLS advice', () => {
    const single = 'services:\n  app:\n    image: gitea/gitea:1.22\n    ports: ["3000:3000", "2222:22"]\n  db:\n    image: postgres:16\n';
    const [f] = run(single, RULE);
    assertRanges([f], RULE, ['4:13-4:24']);
    assert.equal(f.severity, 'info');
    assert.match(f.message, /the only way into this stack .*put a TLS proxy in front/);
    const proxied = single + '  proxy:\n    image: caddy:2.8\n    ports: ["443:443"]\n';
    assert.equal(run(proxied, RULE)[0].severity, 'warning');
    const built = single + '  proxy:\n    build: ./proxy\n';
    assert.equal(run(built, RULE)[0].severity, 'warning');
    const web = single + '  site:\n    image: ghost:5\n    ports: ["80:2368"]\n';
    assert.equal(run(web, RULE)[0].severity, 'warning');
    const two = single.replace('"2222:22"', '"3001:3001"');
    assert.deepEqual(run(two, RULE).map((x) => x.severity), ['warning', 'warning']);
  });

  it('judges a host port whose variable has no value (compose reads it as empty) by its container port', () => {
    const text = 'services:\n  web:\n    image: jitsi/web:stable\n    ports:\n      - "${HTTP_PORT}:80"\n      - "${ADMIN_PORT}:8080"\n  proxy:\n    image: nginx:1.27\n';
    assertRanges(run(text, RULE), RULE, ['6:9-6:29']);
  });

  it('does not report explicit addresses or a variable port onto container port 443', () => {
    const text = 'services:\n  proxy:\n    image: nginx:1.27\n    ports:\n      - "${HTTPS_PORT}:443"\n      - "10.0.0.5:8080:8080"\n';
    assert.deepEqual(run(text, RULE), []);
  });

  it('fix: binds to 127.0.0.1 keeping the variable and plain style', () => {
    const out = fixed('services:\n  app:\n    image: app:1\n    ports:\n      - ${APP_PORT:-8080}:8080\n', RULE);
    assert.equal(out.text, 'services:\n  app:\n    image: app:1\n    ports:\n      - 127.0.0.1:${APP_PORT:-8080}:8080\n');
  });

  it('fix: long syntax in a flow mapping becomes short, or gets host_ip when it has other keys', () => {
    const out = fixed('services:\n  app:\n    image: app:1\n    ports:\n      - { target: 3000, published: 3000 }\n', RULE);
    assert.equal(out.text, 'services:\n  app:\n    image: app:1\n    ports:\n      - "127.0.0.1:3000:3000"\n');
    const named = 'services:\n  app:\n    image: app:1\n    ports:\n      - { name: web, target: 3000 }\n';
    assert.equal(fixed(named, RULE).text, 'services:\n  app:\n    image: app:1\n    ports:\n      - { name: web, target: 3000, host_ip: 127.0.0.1 }\n');
    assert.equal(run('services:\n  app:\n    image: app:1\n    ports:\n      - { target: 3000, published: 3000 }\n', RULE)[0].fixes[0].safe, false);
  });

  it('does not report SSH (container port 22, a Git server\'s 2222:22), but does report its UDP or other ports', () => {
    const text = 'services:\n  git:\n    image: gitea/gitea:1.23\n    ports:\n      - "2222:22"\n      - "22:22"\n      - "${SSH_PORT:-222}:22"\n      - "3000:3000"\n      - "2223:22/udp"\n';
    assertRanges(run(text, RULE), RULE, ['8:9-8:20', '9:9-9:22']);
  });

  it('reads host addresses and ports in variables from .env', () => {
    const text = 'services:\n  app:\n    image: app:1\n    ports:\n      - "${LISTEN}:8080"\n      - "${HTTP_PORT}:8080"\n      - ${UI_PORTS-:9000:9000}\n';
    assertRanges(run(text, RULE), RULE, ['5:9-5:25', '6:9-6:28', '7:9-7:31']);
    const env = { '.env': 'LISTEN=127.0.0.1:8080\nHTTP_PORT=443\nUI_PORTS=[::1]:9000:9000\n' };
    assert.deepEqual(run(text, RULE, env), []);
    const [f] = run('services:\n  app:\n    image: app:1\n    ports:\n      - ${UI_PORTS-:9000:9000}\n', RULE);
    assert.match(f.message, /publishes port 9000 on all interfaces/);
    assert.deepEqual(f.fixes, []);
  });

  it('an app that serves plain HTTP on port 80 itself, with no TLS proxy in the stack: info; a proxy or an app with 443 is not reported', () => {
    const app = 'services:\n  nc:\n    image: nextcloud:29-apache\n    ports: ["80:80"]\n  db:\n    image: mariadb:11\n';
    const [f] = run(app, RULE);
    assertRanges([f], RULE, ['4:13-4:20']);
    assert.equal(f.severity, 'info');
    assert.match(f.message, /serves plain HTTP on port 80 .*nothing in this stack terminates TLS/);
    assert.deepEqual(run(app.replace('["80:80"]', '["80:80", "443:443"]'), RULE), []);
    assert.deepEqual(run(app + '  proxy:\n    image: caddy:2.8\n    ports: ["443:443"]\n', RULE), []);
    assert.deepEqual(run('services:\n  web:\n    image: nginx:1.27\n    ports: ["80:80"]\n', RULE), []);
  });

  it('a port is not the stack\'s only way in when another service is published: Logstash\'s monitoring API beside Kibana is a warning', () => {
    const text = [
      'services:',
      '  logstash:',
      '    image: logstash:7.16.1',
      '    ports:',
      '      - "5044:5044"',
      '      - "9600:9600"',
      '  kibana:',
      '    image: kibana:7.16.1',
      '    ports: ["127.0.0.1:5601:5601"]',
      '  web:',
      '    image: ghcr.io/acme/web:1.0',
      '    ports: ["8081:8080"]',
      '',
    ].join('\n');
    const found = run(text, RULE);
    assertRanges(found, RULE, ['6:9-6:20', '12:13-12:24']);
    assert.deepEqual(found.map((f) => f.severity), ['warning', 'warning']);
    // Alone (Kibana on loopback only), 9600 is still the single port of the stack: info.
    const alone = run(text.split('  web:')[0], RULE);
    assertRanges(alone, RULE, ['6:9-6:20']);
    assert.equal(alone[0].severity, 'info');
  });
});
