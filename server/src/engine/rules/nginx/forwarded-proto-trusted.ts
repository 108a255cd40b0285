import type { Rule, EditSpec } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxArg, NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { nodesNamed } from '../../nginx/view';
import { listensOf } from '../../nginx/servers';
import { ancestor, type ConfNode } from '../../nginx/tree';
import { definitionOf, varRefs } from '../../nginx/variables';

/** Request headers a proxy in front is supposed to set: from anyone else they are the client's word. */
const FORWARDED = /^http_(x_forwarded_(proto|scheme|ssl|host|server|port)|forwarded|x_url_scheme|front_end_https)$/;
/** What nginx knows itself in place of each header. */
function ownValue(source: string): string | undefined {
  if (/proto|scheme/.test(source)) return '$scheme';
  if (/host|server/.test(source)) return '$host';
  if (/port/.test(source)) return '$server_port';
  if (/ssl|front_end_https/.test(source)) return '$https';
  return undefined;
}
/** Variables of the connection's peer: a map or geo keyed on them is a trusted-proxy check. */
const PEER = /^(remote_addr|binary_remote_addr|realip_remote_addr|proxy_protocol_addr)$/;

/** Directives whose value reaches the app (argument index of the value). */
const TO_APP: Record<string, number> = {
  proxy_set_header: 1, grpc_set_header: 1, fastcgi_param: 1, uwsgi_param: 1, scgi_param: 1,
};

const SINKS = [...Object.keys(TO_APP), 'return', 'rewrite'];

/** Builtin variables that hold no request header: neither `set` nor `map` may define them, so they need no lookup. */
const PLAIN_BUILTIN = new Set(['host', 'scheme', 'remote_addr', 'binary_remote_addr', 'proxy_add_x_forwarded_for', 'request_uri',
  'uri', 'args', 'server_port', 'server_name', 'request_method', 'https', 'http_upgrade', 'realpath_root',
  'document_root', 'fastcgi_script_name', 'fastcgi_path_info', 'query_string', 'content_type', 'content_length', 'server_addr',
  'server_protocol', 'remote_port', 'remote_user', 'request_body', 'ssl_early_data', 'http_host', 'http_user_agent', 'http_referer']);

interface Hit { start: number; end: number; name: string; source: string }

export const forwardedProtoTrusted: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/forwarded-proto-trusted', language: 'nginx', severity: 'warning',
  title: 'Scheme or host taken from a client-supplied X-Forwarded-Proto/Host',
  docs: {
    why: '`$http_x_forwarded_proto`, `$http_x_forwarded_host` (and `X-Forwarded-Scheme`, `X-Forwarded-Ssl`, '
      + '`Forwarded`) are request headers: a proxy in front may have set them, but any client that reaches this '
      + 'nginx directly sends whatever it likes. Passing them on (`proxy_set_header X-Forwarded-Proto '
      + '$http_x_forwarded_proto;`, or a `map` keyed on the header, as Nginx Proxy Manager, Discourse and frappe '
      + 'do) makes the app believe a plain HTTP request was HTTPS (Secure-cookie and HTTPS-only checks pass, '
      + 'redirect loops the other way) or build links, password-reset mails and cache keys from a host the client '
      + 'chose.\n\nThe value is followed through `set` and `map` (its key and its values). It counts as checked '
      + 'when a `map`/`geo` on the peer address (`$remote_addr`, `$realip_remote_addr`) decides whether the '
      + 'header is used, and a server that listens only on loopback or a unix socket is reached through a local '
      + 'proxy alone and is not reported. A redirect built from the header (`return 301 '
      + '$http_x_forwarded_proto://...`) only misleads the client that sent it and is `info`. `proxy_set_header '
      + 'Host ...` is `nginx/host-spoofing`\'s. An `if` on the header that only decides whether to redirect to '
      + 'HTTPS (Nginx Proxy Manager\'s `force-ssl.conf`) is not reported: skipping that redirect only affects the '
      + 'client that lied.\n\nBehind such a proxy, map the header only for the proxy\'s address instead.',
    fixSafety: 'The fix writes `$scheme` (or `$host`). Behind a TLS-terminating proxy that is the inner hop\'s scheme, so the app may then see `http`: lightbulb-only, "Fix all" and `--fix` do not apply it.',
    references: ['reviewers\' findings on Discourse and Nginx Proxy Manager', 'OWASP Web Security Testing Guide: Host header injection'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    // One variable passed on in several locations is one problem: reported once, at its first use.
    const groups = new Map<string, Use[]>();
    for (const name of SINKS) for (const n of nodesNamed(view.cfg, ctx.file.path, name)) {
      const target = sinkArg(n);
      if (!target || !target.value.includes('$')) continue;
      const hits = forwardedRefs(n, target.value, 0);
      if (!hits.length || onlyLocalPeers(n)) continue;
      const toApp = n.name in TO_APP;
      const key = `${toApp}:${hits.map((h) => h.name).join(',')}`;
      const group = groups.get(key);
      if (group) group.push({ n, target, hits, toApp }); else groups.set(key, [{ n, target, hits, toApp }]);
    }
    for (const uses of groups.values()) {
      uses.sort((a, b) => a.target.span.start - b.target.span.start);
      const { n, target, hits, toApp } = uses[0];
      const what = hits.map((h) => h.name === h.source ? `$${h.name}` : `$${h.name} (from $${h.source})`).join(', ');
      const sink = toApp ? `${n.name} ${n.args[0]?.value ?? ''}`.trim() : `the ${n.name === 'return' ? 'redirect' : 'rewrite'}`;
      const more = uses.length > 1 ? ` (and ${uses.length - 1} more directive${uses.length > 2 ? 's' : ''})` : '';
      const fix = replaceFix(ctx, uses);
      ctx.report({
        span: target.span,
        ...(toApp ? {} : { severity: 'info' as const }),
        message: `${sink}${more} is built from ${what}, a header any client can send: nothing checks that it came from a trusted proxy. `
          + (toApp ? 'The app is told a scheme or host the client chose.' : 'Only the client that sent it is misled, unless the response is cached.'),
        ...(uses.length > 1 ? { related: uses.slice(1).map((u) => ({ file: ctx.file.path, span: u.target.span, message: `${what} passed on here too` })) } : {}),
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
};

interface Use { n: ConfNode; target: NginxArg; hits: Hit[]; toApp: boolean }

/** The argument whose value reaches the app or the response. */
function sinkArg(n: ConfNode): NginxArg | undefined {
  if (n.name in TO_APP) {
    if (n.name === 'proxy_set_header' && (n.args[0]?.value ?? '').toLowerCase() === 'host') return undefined;
    return n.args[TO_APP[n.name]];
  }
  if (n.name === 'return') return n.args.length === 2 && /^30[1278]$/.test(n.args[0].value) ? n.args[1] : n.args.length === 1 ? n.args[0] : undefined;
  // A rewrite answers with a redirect when its replacement starts with a scheme or it has the redirect flags.
  if (n.name === 'rewrite') {
    const repl = n.args[1];
    const flag = n.args[2]?.value;
    return repl && (/^(https?:\/\/|\$)/.test(repl.value) || flag === 'redirect' || flag === 'permanent') ? repl : undefined;
  }
  return undefined;
}

/** The references of `script` whose value comes from a forwarded header without a peer check. */
function forwardedRefs(node: ConfNode, script: string, depth: number): Hit[] {
  const out: Hit[] = [];
  for (const ref of varRefs(script)) {
    const source = forwardedSource(node, ref.name, depth);
    if (source) out.push({ start: ref.start, end: ref.end, name: ref.name, source });
  }
  return out;
}

function forwardedSource(node: ConfNode, name: string, depth: number): string | undefined {
  if (FORWARDED.test(name)) return name;
  if (depth > 5 || PLAIN_BUILTIN.has(name) || /^\d$/.test(name)) return undefined;
  const def = definitionOf(node, name);
  if (!def) return undefined;
  if (def.name === 'set') return def.args[1] ? forwardedRefs(def, def.args[1].value, depth + 1)[0]?.source : undefined;
  if (def.name === 'geo') return undefined;
  // map KEY $result { ... }: the key picks the entry, the entries' values are the result.
  const key = def.args[0]?.value ?? '';
  if (varRefs(key).some((r) => PEER.test(r.name) || definitionOf(def, r.name)?.name === 'geo')) return undefined;
  const fromKey = forwardedRefs(def, key, depth + 1)[0]?.source;
  if (fromKey) return fromKey;
  for (const entry of def.children ?? []) {
    const value = entry.args[entry.args.length - 1]?.value;
    if (entry.args.length < 1 || value === undefined || entry.name === 'hostnames' || entry.name === 'volatile') continue;
    const fromValue = forwardedRefs(def, value, depth + 1)[0]?.source;
    if (fromValue) return fromValue;
  }
  return undefined;
}

/** A server that listens only on loopback addresses or unix sockets is reached through a local proxy. */
function onlyLocalPeers(n: ConfNode): boolean {
  const server = ancestor(n, 'server');
  if (!server) return false;
  const listens = listensOf(server);
  return listens.length > 0 && listens.every((l) => l.loopback || l.unix);
}

/** `$x` -> `$scheme` / `$host` at each reference of each use, when each argument's text maps one to one onto its value. */
function replaceFix(ctx: RuleContext<NginxFile>, uses: Use[]) {
  const edits: EditSpec[] = [];
  for (const { target: arg, hits } of uses) {
    const q = arg.quote ? 1 : 0;
    if (arg.raw.slice(q, arg.raw.length - q) !== arg.value) return undefined;
    for (const h of hits) {
      const own = ownValue(h.source);
      if (!own) return undefined;
      // `${x}rest`: keep the braces so the following text does not run into the name.
      const text = /\w/.test(arg.value[h.end] ?? '') ? `\${${own.slice(1)}}` : own;
      edits.push(ctx.replace({ start: arg.span.start + q + h.start, end: arg.span.start + q + h.end }, text));
    }
  }
  return { title: 'Use nginx\'s own $scheme / $host', safe: false, edits };
}
