import { argValues, childrenNamed, type ConfNode } from './tree';

/**
 * What a `server` block is: TLS or plain, does it serve content or only redirect.
 * All functions take a `server` node of the expanded view (includes followed).
 */

export interface Listen { node: ConfNode; address: string; port: number | undefined; ssl: boolean; quic: boolean; loopback: boolean; unix: boolean }

/** A function of a server node, computed once per node: every server rule asks the same questions. */
function perNode<T>(fn: (server: ConfNode) => T): (server: ConfNode) => T {
  const cache = new WeakMap<ConfNode, T>();
  return (server) => {
    const hit = cache.get(server);
    if (hit !== undefined || cache.has(server)) return hit as T;
    const v = fn(server);
    cache.set(server, v);
    return v;
  };
}

/** The server's `listen` directives, read (shared: do not change the list). */
export const listensOf: (server: ConfNode) => readonly Listen[] = perNode((server) => {
  const out: Listen[] = [];
  for (const node of childrenNamed(server, 'listen')) {
    const args = node.args;
    const addr = args.length ? args[0].value : '';
    let ssl = false, quic = false;
    for (let i = 1; i < args.length; i++) {
      if (args[i].value === 'ssl') ssl = true;
      else if (args[i].value === 'quic') quic = true;
    }
    const unix = addr.startsWith('unix:');
    let host = '';
    let port: number | undefined;
    const m = /^(\[[^\]]*\]|[^:]*):(\d+)$/.exec(addr);
    if (m) { host = m[1]; port = Number(m[2]); } else if (/^\d+$/.test(addr)) port = Number(addr);
    else if (!unix) { host = addr; port = 80; }
    if (port === undefined && !unix) port = 80;
    const loopback = /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/i.test(host);
    out.push({ node, address: addr, port, ssl, quic, loopback, unix });
  }
  return out;
});

export function serverNames(server: ConfNode): string[] {
  return childrenNamed(server, 'server_name').flatMap(argValues);
}

function hasCertificate(server: ConfNode): boolean {
  return childrenNamed(server, 'ssl_certificate').length > 0;
}

/** `ssl on;` in the server (the pre-1.15 switch). */
function sslOn(server: ConfNode): boolean {
  return childrenNamed(server, 'ssl').some((n) => n.args[0]?.value === 'on');
}

/** A server that speaks TLS: `listen ... ssl`, `listen ... quic`, `listen 443` with a certificate, or `ssl on;`. */
export const isTlsServer = perNode((server: ConfNode): boolean => {
  const listens = listensOf(server);
  if (listens.some((l) => l.ssl || l.quic)) return true;
  if (sslOn(server)) return true;
  return hasCertificate(server) && listens.some((l) => l.port === 443);
});

/**
 * Listens that serve plain HTTP to the network: not ssl/quic, not loopback or a unix socket.
 * A server without `listen` listens on *:80. Under `ssl on;` every listen is TLS.
 */
export const plainListens: (server: ConfNode) => readonly Listen[] | 'default' = perNode((server) => {
  const listens = listensOf(server);
  if (!listens.length) return sslOn(server) ? [] : 'default';
  if (sslOn(server)) return [];
  return listens.filter((l) => !l.ssl && !l.quic && !l.loopback && !l.unix && !(l.port === 443 && hasCertificate(server)));
});

const REDIRECT_CODES = new Set(['301', '302', '303', '307', '308']);

/** `return 301 https://...` / `rewrite ^ https://... permanent` (unconditional). */
function isHttpsRedirect(n: ConfNode): boolean {
  // Asked of every directive of a server: the name decides before any argument is read.
  if (n.name === 'return') {
    const code = n.args[0]?.value;
    return code !== undefined && REDIRECT_CODES.has(code) && /^https:\/\//i.test(n.args[1]?.value ?? '');
  }
  if (n.name === 'rewrite') {
    const flag = n.args[2]?.value;
    return /^https:\/\//i.test(n.args[1]?.value ?? '') && (flag === 'permanent' || flag === 'redirect');
  }
  return false;
}

/** An `if` on the scheme (or X-Forwarded-Proto) whose body redirects to https. */
function isSchemeRedirectIf(n: ConfNode): boolean {
  if (n.name !== 'if') return false;
  const cond = argValues(n).join(' ');
  if (!/\$scheme|\$http_x_forwarded_proto|\$https\b/.test(cond)) return false;
  return (n.children ?? []).some(isHttpsRedirect);
}

/** The server answers everything with `return` before any location is chosen (redirect, 444, 404...). */
export function returnsAtServerLevel(server: ConfNode): boolean {
  return (server.children ?? []).some((c) => c.name === 'return' || isHttpsRedirect(c));
}

/** Redirects plain-HTTP requests to https (server-level redirect, or an `if ($scheme = http)` redirect). */
export function redirectsToHttps(server: ConfNode): boolean {
  const kids = server.children ?? [];
  if (kids.some(isHttpsRedirect) || kids.some(isSchemeRedirectIf)) return true;
  const locs = kids.filter((c) => c.name === 'location' && !isAcmeLocation(c));
  return locs.length > 0 && locs.every((l) => (l.children ?? []).some(isHttpsRedirect));
}

export function isAcmeLocation(n: ConfNode): boolean {
  return n.name === 'location' && n.args.some((a) => a.value.includes('.well-known/acme-challenge'));
}

/**
 * Whether the server sends content of its own (files, a proxied app) rather than only redirects or
 * fixed statuses. ACME challenge locations do not count as content.
 */
export const servesContent = perNode((server: ConfNode): boolean => {
  const kids = server.children ?? [];
  if (returnsAtServerLevel(server)) return false;
  if (kids.some(isSchemeRedirectIf)) return false;
  const locs = kids.filter((c) => c.name === 'location' && !isAcmeLocation(c));
  if (locs.length && locs.every((l) => (l.children ?? []).some((c) => c.name === 'return'))) {
    return kids.some((c) => /_pass$/.test(c.name));
  }
  // A port-80 server kept only for certbot's webroot challenge: nothing else of its own to serve.
  if (!locs.length && kids.some(isAcmeLocation)) return kids.some((c) => /^(root|try_files|index)$|_pass$/.test(c.name));
  return true;
});

/** Every `server` block of an http context in the nodes (not `upstream { server ...; }`, not mail/stream servers). */
export function httpServers(nodes: readonly ConfNode[]): ConfNode[] {
  const out: ConfNode[] = [];
  const visit = (list: readonly ConfNode[], inside: string | undefined) => {
    for (const n of list) {
      if (n.name === 'server' && n.children && inside !== 'upstream' && inside !== 'stream' && inside !== 'mail') out.push(n);
      else if (n.children && n.name !== 'server') visit(n.children, n.name === 'http' ? 'http' : n.name);
    }
  };
  visit(nodes, undefined);
  return out;
}

/** `server "a.example"` (or `this server`) for messages. */
export function serverLabel(server: ConfNode): string {
  const name = serverNames(server).find((n) => n && n !== '_');
  return name ? `server "${name}"` : 'this server';
}

const LOCAL_NAME = /^(localhost|127\.0\.0\.1|\[::1\]|.*\.localhost|.*\.local|.*\.internal)$/i;

/**
 * A name that only a local client reaches. Every such name ends in `t`, `l`, `1` or `]` (a case-insensitive
 * regex without the u flag folds no other character to an ASCII letter): the names of public sites are
 * turned away on their last character, without the regex's backtracking over `.*`.
 */
export function isLocalName(name: string): boolean {
  const last = name.charCodeAt(name.length - 1);
  if (last !== 116 && last !== 84 && last !== 108 && last !== 76 && last !== 49 && last !== 93) return false;
  return LOCAL_NAME.test(name);
}

/** Names that only a local client reaches: a dev or internal server, not a public site. */
export function isLocalOnly(server: ConfNode): boolean {
  let any = false;
  for (const n of childrenNamed(server, 'server_name')) {
    for (const a of n.args) {
      if (!isLocalName(a.value)) return false;
      any = true;
    }
  }
  return any;
}
