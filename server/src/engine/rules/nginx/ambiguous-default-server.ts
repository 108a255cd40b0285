import type { Rule, FixSpec } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { compareVersions } from '../../config';
import { nginxView, type NginxView } from '../../nginx/rule-context';
import { configOf, viewNodesNamed } from '../../nginx/view';
import { languageOf } from '../../files';
import { dirname } from '../../paths';
import { httpServers, listensOf, serverLabel, serverNames, type Listen } from '../../nginx/servers';
import { childrenNamed, type ConfNode } from '../../nginx/tree';
import { indentUnit } from '../../nginx/edit';
import { eolOf } from '../../text';
import { argsTemplated } from '../../nginx/templated';

/** `ssl_reject_handshake` lets a TLS catch-all answer without a certificate of its own. */
const REJECT_HANDSHAKE = '1.19.4';

/** Template markup (Jinja, Go templates, envsubst, autoconf `@VAR@`) in a listen. */
const MARKUP = /\{\{|\{%|\$\{|\$[A-Z_]|@[A-Z_]+@/;

interface Socket { key: string; servers: ConfNode[]; listens: Listen[]; hasDefault: boolean }

/**
 * The socket a listen names, as nginx compares them: `80`, `*:80`, `0.0.0.0:80` and `0.0.0.0` are one;
 * `[::]:80` is another; QUIC listens are UDP sockets of their own.
 */
function socketKey(l: Listen): string | undefined {
  if (l.unix) return undefined;
  // The common spellings first, without a regex.
  if (l.address === '80' || l.address === '443') return l.quic ? `*:${l.address}/udp` : `*:${l.address}`;
  let host = /^(\[[^\]]*\]|[^:]*):\d+$/.exec(l.address)?.[1] ?? (/^\d+$/.test(l.address) ? '*' : l.address);
  if (host === '' || host === '*' || host === '0.0.0.0') host = '*';
  else if (/^\[(::0*|0*:0*:0*:0*:0*:0*:0*:0*)\]$/.test(host) || host === '[::]') host = '[::]';
  return `${host.toLowerCase()}:${l.port ?? 80}${l.quic ? '/udp' : ''}`;
}

/** A server without `listen` listens on *:80 (as root; nginx says *:8000 otherwise, which a config cannot tell). */
function implicitListen(server: ConfNode): Listen {
  return { node: server, address: '*:80', port: 80, ssl: false, quic: false, loopback: false, unix: false };
}

function isDefault(l: Listen): boolean {
  return l.node.args.some((a, i) => i > 0 && (a.value === 'default_server' || a.value === 'default'));
}

/** A server meant to catch unknown names: no real name, answering with a fixed status or refusing the handshake. */
function isCatchAll(server: ConfNode): boolean {
  const names = serverNames(server);
  if (names.some((n) => n !== '_' && n !== '' && n !== '""' && n !== 'default')) return false;
  return childrenNamed(server, 'return').length > 0 || childrenNamed(server, 'ssl_reject_handshake').some((n) => n.args[0]?.value === 'on');
}

export const ambiguousDefaultServer: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/ambiguous-default-server', language: 'nginx', severity: 'warning',
  title: 'Several servers share a listen socket and none is default_server',
  docs: {
    why: 'When a request\'s Host matches no `server_name` (a scan by IP address, a made-up name, a DNS rebinding '
      + 'attack, a client without SNI), nginx answers it with the default server of the address and port it '
      + 'arrived on: the one marked `default_server`, else the first server in load order. Without the flag that '
      + 'is whichever file `include conf.d/*.conf` happens to read first, so an internal admin app or a site with '
      + 'another certificate can end up answering every unknown name, and a rename of a file changes it.\n\nSockets '
      + 'are compared the way nginx does (same as Gixy-Next\'s `default_server_flag`): `80`, `*:80`, `0.0.0.0:80` '
      + 'are one; `[::]:80` is another; a QUIC listen is a UDP socket of its own; a server without `listen` '
      + 'listens on `*:80`; unix sockets are not checked; servers whose `listen` is template markup (`{{ '
      + 'HTTPS_PORT }}`, `${PORT}`) are left out, as their sockets are only known once rendered. Unlike '
      + 'Gixy-Next, a first server that is already a catch-all (no real `server_name`, answering with `return` or '
      + '`ssl_reject_handshake on`) is not reported: it is the default in effect, and the one intended. Servers '
      + 'are only compared within the config the file belongs to (its includes and the `nginx.conf` that includes '
      + 'it).',
    fixSafety: 'The fix adds a catch-all server before the first one: `listen ... default_server; server_name _; return 444;` (444 closes the connection without a response), with `ssl_reject_handshake on;` for TLS sockets (nginx >= 1.19.4), so no certificate is revealed to a scanner. Unknown names then get nothing instead of the first site, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['Gixy-Next default_server_flag', 'nginx: How nginx processes a request'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    const servers = httpServers(view.cfg.nodes);
    if (servers.length < 2) return;
    const sockets = new Map<string, Socket>();
    for (const server of servers) {
      const listens = listensOf(server);
      // A template's listens (`listen {{ HTTPS_PORT }} ssl;`) name sockets only known once rendered: such a
      // server cannot be compared, and its other sockets may be the ones it is meant to be the default of.
      if (listens.some((l) => l.node.args.some((a) => MARKUP.test(a.raw)) || argsTemplated(ctx.workspace, l.node))) continue;
      for (const l of listens.length ? listens : [implicitListen(server)]) {
        const key = socketKey(l);
        if (!key) continue;
        let s = sockets.get(key);
        if (!s) sockets.set(key, s = { key, servers: [], listens: [], hasDefault: false });
        if (l.node !== server && isDefault(l)) s.hasDefault = true;
        // A server listed twice on one socket (`listen 80; listen *:80;`) counts once.
        if (s.servers[s.servers.length - 1] === server) continue;
        s.servers.push(server);
        s.listens.push(l);
      }
    }
    // A fragment (conf.d/site.conf) is loaded with other files: one of them may hold the default.
    const fragment = view.cfg.context !== 'main';
    let elsewhere: Set<string> | undefined;
    for (const s of sockets.values()) {
      if (s.hasDefault || s.servers.length < 2) continue;
      const first = s.servers[0];
      if (first.file !== ctx.file.path || isCatchAll(first)) continue;
      if (fragment && (elsewhere ??= neighbourDefaults(ctx, view)).has(s.key)) continue;
      const l = s.listens[0];
      const span = l.node === first ? first.d.nameSpan : l.node.d.span;
      const fix = catchAllFix(ctx, view, first, l);
      ctx.report({
        span,
        ...(fragment ? { severity: 'info' as const } : {}),
        message: `${s.servers.length} servers listen on ${s.key.replace('/udp', ' (QUIC)')} and none is default_server: `
          + `a request for any other host name is answered by ${serverLabel(first)}, the first one read`
          + (fragment ? ' (unless a file loaded with this one, not in the workspace, has a default_server).' : '.'),
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
};

/** Sockets that nginx files next to this one (its folder and the one above) mark `default_server`. */
function neighbourDefaults(ctx: RuleContext<NginxFile>, view: NginxView): Set<string> {
  const out = new Set<string>();
  const here = dirname(ctx.file.path);
  for (const dir of [here, dirname(here)]) {
    for (const name of ctx.workspace.readDir(dir) ?? []) {
      const p = dir === '/' ? `/${name}` : `${dir}/${name}`;
      if (!/\.conf$|\.nginx$/.test(name) || view.cfg.files.includes(p)) continue;
      const doc = ctx.workspace.document(p);
      if (!doc || !doc.text.includes('default') || languageOf(p, doc.text) !== 'nginx') continue;
      for (const n of viewNodesNamed(configOf(ctx.workspace, p), 'listen')) {
        if (!n.parent || n.parent.name !== 'server') continue;
        for (const l of listensOf(n.parent)) {
          const key = l.node === n && isDefault(l) ? socketKey(l) : undefined;
          if (key) out.add(key);
        }
      }
    }
  }
  return out;
}

function catchAllFix(ctx: RuleContext<NginxFile>, view: NginxView, first: ConfNode, l: Listen): FixSpec | undefined {
  if (l.quic || (l.ssl && compareVersions(ctx.config.nginx.version, REJECT_HANDSHAKE) < 0)) return undefined;
  const doc = view.file;
  const eol = eolOf(doc.text);
  const line = doc.lines.position(first.d.span.start).line;
  const at = doc.lines.offset({ line, character: 0 });
  if (doc.text.slice(at, first.d.span.start).trim() !== '') return undefined;
  const indent = doc.lines.indentOf(line);
  const inner = indent + indentUnit(doc);
  const flags = l.node === first ? [] : l.node.args.slice(1).map((a) => a.value).filter((v) => v === 'ssl' || v === 'http2' || v === 'proxy_protocol');
  const body = [
    `listen ${[l.address, ...flags, 'default_server'].join(' ')};`,
    'server_name _;',
    ...(l.ssl ? ['ssl_reject_handshake on;'] : []),
    'return 444;',
  ];
  const text = `${indent}server {${eol}${body.map((b) => inner + b + eol).join('')}${indent}}${eol}${eol}`;
  return { title: 'Add a catch-all default_server that closes the connection', safe: false, edits: [ctx.insert(at, text)] };
}
