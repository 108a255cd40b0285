import * as assert from 'node:assert/strict';
import { parseCompose } from '../../../server/src/engine/parse/compose';
import { parsePortSpec } from '../../../server/src/engine/parse/compose-ports';
import { parseImage } from '../../../server/src/engine/parse/compose-image';

const at = (text: string, s: { start: number; end: number } | undefined) => (s ? text.slice(s.start, s.end) : undefined);

describe('engine/parse/compose', () => {
  it('reads services with merges from x- blocks, keeping spans at the source nodes', () => {
    const text = 'x-base: &base\n  restart: always\n  environment: &env\n    - TZ=UTC\nservices:\n  app:\n    <<: *base\n    image: "registry:5000/redis:7"\n';
    const f = parseCompose(text);
    assert.deepEqual(f.errors, []);
    const [app] = f.services;
    assert.equal(app.name, 'app');
    assert.equal(at(text, app.keySpan), 'app');
    assert.deepEqual([...app.fields.keys()].sort(), ['environment', 'image', 'restart']);
    assert.equal(app.fields.get('restart')!.inherited, true);
    assert.equal(at(text, app.fields.get('restart')!.pairSpan), 'restart: always');
    assert.equal(at(text, app.environment[0].valueSpan), 'UTC');
    assert.deepEqual({ ...app.image, raw: undefined }, { raw: undefined, registry: 'registry:5000', path: 'redis', name: 'redis', tag: '7', digest: undefined, interpolated: false });
  });

  it('reads environment as a map and as a list, with value spans and interpolation', () => {
    const text = 'services:\n  a:\n    environment:\n      A: "x y"\n      B: ${B:-1}\n      C:\n  b:\n    environment:\n      - D=1\n      - "E=${E}"\n      - F\n';
    const [a, b] = parseCompose(text).services;
    assert.deepEqual(a.environment.map((e) => [e.key, e.value, e.interpolated, at(text, e.valueSpan)]), [['A', 'x y', false, 'x y'], ['B', '${B:-1}', true, '${B:-1}'], ['C', undefined, false, '']]);
    assert.deepEqual(b.environment.map((e) => [e.key, e.value, e.interpolated, e.form]), [['D', '1', false, 'list'], ['E', '${E}', true, 'list'], ['F', undefined, false, 'list']]);
    assert.equal(at(text, b.environment[1].valueSpan), '${E}');
  });

  it('parses short port syntax: IPv4, IPv6, ranges, protocols, bare numbers, variables', () => {
    assert.deepEqual(parsePortSpec('5432:5432'), { published: '5432', target: '5432', protocol: undefined });
    assert.deepEqual(parsePortSpec('127.0.0.1:5432:5432/udp'), { hostIp: '127.0.0.1', hostIpAt: [0, 9], published: '5432', target: '5432', protocol: 'udp' });
    assert.equal(parsePortSpec('[::1]:5432:5432').hostIp, '::1');
    assert.equal(parsePortSpec('::1:5432:5432').hostIp, '::1');
    assert.deepEqual(parsePortSpec('5432-5433:5432-5433'), { published: '5432-5433', target: '5432-5433', protocol: undefined });
    assert.deepEqual(parsePortSpec('5432'), { target: '5432', protocol: undefined });
    assert.equal(parsePortSpec('${IP:-0.0.0.0}:80:80').hostIp, '${IP:-0.0.0.0}');
  });

  it('reads a port mapping held whole by one variable by its default, and marks it', () => {
    const text = 'services:\n  a:\n    ports:\n      - ${EXPOSE-:8080:80}\n      - ${WEB-127.0.0.1:9000:9000/udp}\n      - ${ONLY_PORT:-3000}\n';
    const [a] = parseCompose(text).services;
    assert.deepEqual(a.ports.map((p) => [p.hostIp, p.published, p.publishedValue, p.target, p.protocol, !!p.specInVariable]), [
      [undefined, '8080', '8080', '80', undefined, true],
      ['127.0.0.1', '9000', '9000', '9000', 'udp', true],
      [undefined, undefined, undefined, '${ONLY_PORT:-3000}', undefined, false],
    ]);
    assert.equal(a.ports[1].hostIpInVariable, true);
  });

  it('reads long port syntax and volumes in both syntaxes', () => {
    const text = 'services:\n  a:\n    ports:\n      - target: 5432\n        published: "5433"\n        host_ip: "[::1]"\n      - 80\n    volumes:\n      - ./a:/b:ro\n      - data:/var/lib/x\n      - type: bind\n        source: /etc\n        target: /e\n        read_only: true\n      - /anon\n';
    const [a] = parseCompose(text).services;
    assert.deepEqual(a.ports.map((p) => [p.long, p.hostIp, p.published, p.target]), [[true, '::1', '5433', '5432'], [false, undefined, undefined, '80']]);
    assert.deepEqual(a.volumes.map((v) => [v.type, v.source, v.target, v.readOnly]), [['bind', './a', '/b', true], ['volume', 'data', '/var/lib/x', false], ['bind', '/etc', '/e', true], ['volume', undefined, '/anon', false]]);
    assert.equal(at(text, a.volumes[0].sourceSpan), './a');
  });

  it('keeps ${VAR:-default} whole in a short volume, colons and all', () => {
    const text = 'services:\n  a:\n    volumes:\n      - ${DATA:-./data}:/data:ro\n      - ${SRC:-/a:b}:${DST:-/x}\n      - $${LITERAL}:/y\n';
    const [a] = parseCompose(text).services;
    assert.deepEqual(a.volumes.map((v) => [v.type, v.source, v.target, v.mode]), [
      ['bind', '${DATA:-./data}', '/data', 'ro'],
      ['bind', '${SRC:-/a:b}', '${DST:-/x}', undefined],
      ['bind', '$${LITERAL}', '/y', undefined],
    ]);
    assert.equal(at(text, a.volumes[0].sourceSpan), '${DATA:-./data}');
  });

  it('parses image references', () => {
    assert.deepEqual(parseImage('postgres'), { raw: 'postgres', registry: undefined, path: 'postgres', name: 'postgres', tag: undefined, digest: undefined, interpolated: false });
    const d = parseImage('ghcr.io/org/app:1.2@sha256:abc');
    assert.deepEqual([d.registry, d.path, d.name, d.tag, d.digest], ['ghcr.io', 'org/app', 'app', '1.2', 'sha256:abc']);
    assert.equal(parseImage('localhost:5000/x').registry, 'localhost:5000');
    assert.equal(parseImage('${REG:-docker.io}/library/redis:${V:-7}').tag, '7');
  });

  it('reads networks, commands, lists and top-level networks', () => {
    const text = 'services:\n  a:\n    networks: [front, back]\n    command: ["redis-server", "--save", ""]\n    cap_add: [NET_ADMIN]\n  b:\n    networks:\n      back:\n        aliases: [db]\n    entrypoint: /bin/sh -c x\nnetworks:\n  back:\n    internal: true\n  front: {}\n';
    const f = parseCompose(text);
    const [a, b] = f.services;
    assert.deepEqual(a.networks.map((n) => n.name), ['front', 'back']);
    assert.deepEqual([a.command?.form, a.command?.items.length, b.entrypoint?.form, b.entrypoint?.text], ['list', 3, 'string', '/bin/sh -c x']);
    assert.deepEqual(a.capAdd.map((c) => c.text), ['NET_ADMIN']);
    assert.deepEqual(b.networks.map((n) => n.name), ['back']);
    assert.deepEqual(f.networks.map((n) => [n.name, n.internal]), [['back', true], ['front', false]]);
  });

  it('turns YAML errors and a non-mapping `services` into positioned errors, never throws', () => {
    assert.equal(parseCompose('services: [a]\n').errors[0].message, '`services` must be a mapping of service names to their definitions');
    assert.ok(parseCompose('a: b: c\n').errors.length > 0);
    assert.ok(parseCompose('- just a list\n').errors.length > 0);
    for (const t of ['', '~', '{', '*x', 'services:\n  a: &a\n    <<: *a\n', 'services:\n  a:\n    <<: [1, 2]\n', '\uFEFFservices: {}\r\n']) parseCompose(t);
  });
});
