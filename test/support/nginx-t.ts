import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseNginx, type NginxDirective } from '../../server/src/engine/parse/nginx';
import { applySplices, type Splice } from '../../server/src/engine/fix';

/**
 * Runs the real `nginx -t` on a config text, in a throw-away prefix: a self-signed certificate
 * stands in for every ssl_certificate path, log/pid/temp paths point into the temp dir, upstream
 * host names become 127.0.0.1 (nginx resolves them at load time), and fragments are wrapped in
 * `http { }` (a bare `server {}` list) or `http { server { } }` (bare server directives).
 */
export const NGINX = process.env.NGINX_BIN ?? '/usr/sbin/nginx';

export function nginxAvailable(): boolean {
  return fs.existsSync(NGINX) && spawnSync('openssl', ['version']).status === 0;
}

export interface NginxTResult { ok: boolean; output: string; config: string }

let shared: { dir: string; cert: string; key: string; dhparam?: string } | undefined;

function material(): NonNullable<typeof shared> {
  if (shared) return shared;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploylint-nginx-t-'));
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost'], { stdio: 'ignore' });
  shared = { dir, cert, key };
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return shared;
}

function dhparam(): string {
  const m = material();
  if (!m.dhparam) {
    m.dhparam = path.join(m.dir, 'dhparam.pem');
    execFileSync('openssl', ['dhparam', '-dsaparam', '-out', m.dhparam, '1024'], { stdio: 'ignore' });
  }
  return m.dhparam;
}

type Context = 'main' | 'http' | 'server';

function contextOf(top: NginxDirective[]): Context {
  const names = new Set(top.map((d) => d.name));
  if (names.has('http') || names.has('events')) return 'main';
  if (names.has('server') || names.has('upstream') || names.has('map')) return 'http';
  return 'server';
}

const TEMP_DIRS = ['client_body_temp_path', 'proxy_temp_path', 'fastcgi_temp_path', 'uwsgi_temp_path', 'scgi_temp_path'];
const PASS = new Set(['proxy_pass', 'fastcgi_pass', 'uwsgi_pass', 'scgi_pass', 'grpc_pass']);

/** Splices that make a config loadable in the sandbox without changing what is being checked. */
function sandboxSplices(text: string, top: NginxDirective[], dir: string): Splice[] {
  const m = material();
  const out: Splice[] = [];
  const q = (p: string) => JSON.stringify(p);
  const visit = (list: NginxDirective[], parent: NginxDirective | undefined) => {
    for (const d of list) {
      const a0 = d.args[0];
      if ((d.name === 'user' || d.name === 'pid' || d.name === 'daemon') && !parent) out.push({ start: d.span.start, end: d.span.end, newText: '' });
      else if ((d.name === 'access_log' || d.name === 'error_log') && a0 && a0.value !== 'off' && !a0.value.startsWith('syslog:')) {
        out.push({ start: a0.span.start, end: a0.span.end, newText: q(path.join(dir, d.name === 'error_log' ? 'error.log' : 'access.log')) });
      } else if ((d.name === 'ssl_certificate' || d.name === 'ssl_trusted_certificate' || d.name === 'ssl_client_certificate') && a0) {
        out.push({ start: a0.span.start, end: a0.span.end, newText: q(m.cert) });
      } else if (d.name === 'ssl_certificate_key' && a0) {
        out.push({ start: a0.span.start, end: a0.span.end, newText: q(m.key) });
      } else if (d.name === 'ssl_dhparam' && a0) {
        out.push({ start: a0.span.start, end: a0.span.end, newText: q(dhparam()) });
      } else if ((PASS.has(d.name) || (d.name === 'server' && parent?.name === 'upstream')) && a0 && !a0.value.includes('$')) {
        const host = /^((?:[a-z]+:\/\/)?)([^/:\s]+)/i.exec(a0.raw);
        if (host && !/^(\d+\.\d+\.\d+\.\d+|localhost|unix)$/i.test(host[2]) && !upstreamNames(top).has(host[2])) {
          const s = a0.span.start + host[1].length;
          out.push({ start: s, end: s + host[2].length, newText: '127.0.0.1' });
        }
      } else if (d.name === 'http' && d.open) {
        out.push({ start: d.open.end, end: d.open.end, newText: tempPaths(dir) });
      }
      if (d.block) visit(d.block, d);
    }
  };
  visit(top, undefined);
  void text;
  return out;
}

function upstreamNames(top: NginxDirective[]): Set<string> {
  const names = new Set<string>();
  const visit = (list: NginxDirective[]) => {
    for (const d of list) {
      if (d.name === 'upstream' && d.args[0]) names.add(d.args[0].value);
      if (d.block) visit(d.block);
    }
  };
  visit(top);
  return names;
}

function tempPaths(dir: string): string {
  return '\n' + TEMP_DIRS.map((t) => `${t} ${JSON.stringify(path.join(dir, t))};`).join('\n') + '\n';
}

/**
 * `nginx -t` on `text`. `files` are extra files (relative paths) written next to the config so that
 * relative `include`s resolve; their certificate and upstream paths are sandboxed the same way.
 */
export function nginxTest(text: string, files: Record<string, string> = {}): NginxTResult {
  const m = material();
  const dir = fs.mkdtempSync(path.join(m.dir, 'run-'));
  try {
    // Files that nginx packages install next to nginx.conf (`include mime.types;`).
    for (const stock of ['mime.types', 'fastcgi_params', 'fastcgi.conf', 'proxy_params', 'scgi_params', 'uwsgi_params']) {
      const src = path.join('/etc/nginx', stock);
      if (fs.existsSync(src) && !(stock in files)) fs.copyFileSync(src, path.join(dir, stock));
    }
    for (const [rel, body] of Object.entries(files)) {
      const p = path.join(dir, rel);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      const tree = parseNginx(body);
      fs.writeFileSync(p, applySplices(body, sandboxSplices(body, tree.directives, dir)));
    }
    const tree = parseNginx(text);
    const body = applySplices(text, sandboxSplices(text, tree.directives, dir));
    const ctx = contextOf(tree.directives);
    const head = `pid ${JSON.stringify(path.join(dir, 'nginx.pid'))};\nerror_log ${JSON.stringify(path.join(dir, 'error.log'))};\n`;
    let config: string;
    if (ctx === 'main') config = head + body;
    else if (ctx === 'http') config = `${head}events {}\nhttp {${tempPaths(dir)}${body}\n}\n`;
    else config = `${head}events {}\nhttp {${tempPaths(dir)}server {\nlisten 8080;\n${body}\n}\n}\n`;
    const conf = path.join(dir, 'nginx.conf');
    fs.writeFileSync(conf, config);
    const r = spawnSync(NGINX, ['-t', '-q', '-p', dir + '/', '-c', conf, '-e', path.join(dir, 'error.log')], { encoding: 'utf8' });
    return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim(), config };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
