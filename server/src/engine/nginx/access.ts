import { effectiveDirective, flagOf } from './inherit';
import { listensOf } from './servers';
import { ancestor, type ConfNode } from './tree';

/**
 * What ngx_http_access_module and the auth modules decide for a block, as the access rules
 * (allow-without-deny, status-page-exposed, return-bypasses-access) need it.
 *
 * nginx keeps one list of `allow`/`deny` rules per level and inherits the enclosing level's list
 * only when a level has none of its own (all or nothing, like `add_header`). The list is read in
 * order and the first rule that matches the client decides; a client that no rule matches is let in.
 * IPv4, IPv6 and unix-socket clients are checked against separate lists: `0.0.0.0/0` only
 * covers IPv4 clients, `::/0` only IPv6 ones, `all` every family.
 */

export type Family = 'v4' | 'v6';

/** The `allow`/`deny` nodes a level sets itself, in order (includes expanded). */
export function ownAccessRules(level: ConfNode | undefined, top: readonly ConfNode[]): ConfNode[] {
  const out: ConfNode[] = [];
  for (const c of level ? level.children ?? [] : top) if (c.name === 'allow' || c.name === 'deny') out.push(c);
  return out;
}

/** The list in force for `block`: the nearest level (the block itself first) that sets any rule. */
export function effectiveAccess(block: ConfNode, top: readonly ConfNode[]): { level: ConfNode | undefined; rules: ConfNode[] } {
  for (let n: ConfNode | undefined = block; n; n = n.parent) {
    const own = ownAccessRules(n, top);
    if (own.length) return { level: n, rules: own };
  }
  return { level: undefined, rules: ownAccessRules(undefined, top) };
}

function covers(rule: ConfNode, family: Family): boolean {
  const v = rule.args[0]?.value.toLowerCase() ?? '';
  return v === 'all' || (family === 'v4' ? v === '0.0.0.0/0' : v === '::/0');
}

/**
 * What the list does with the clients of `family` that it does not name one by one: the first rule
 * covering the whole family decides; `none` when no rule covers it (nginx then lets them in).
 */
export function catchAll(rules: readonly ConfNode[], family: Family): 'allow' | 'deny' | 'none' {
  for (const r of rules) if (covers(r, family)) return r.name === 'deny' ? 'deny' : 'allow';
  return 'none';
}

/** Whether the list names some addresses to let in before its catch-all (an allowlist, not just `deny all`). */
export function hasNamedAllow(rules: readonly ConfNode[]): boolean {
  for (const r of rules) {
    if (covers(r, 'v4') || covers(r, 'v6')) return false;
    if (r.name === 'allow') return true;
  }
  return false;
}

/** The address families a server accepts TCP clients on (see Gixy-Next's status_page_exposed table). */
export function familiesOf(server: ConfNode | undefined): Family[] {
  if (!server || server.name !== 'server') return ['v4', 'v6'];
  const listens = listensOf(server);
  if (!listens.length) return ['v4'];
  const out = new Set<Family>();
  for (const l of listens) {
    if (l.unix) continue;
    const host = /^(\[[^\]]*\]|[^:]*)/.exec(l.address)?.[1] ?? '';
    if (host.startsWith('[')) {
      out.add('v6');
      if (l.node.args.some((a) => a.value === 'ipv6only=off')) out.add('v4');
    } else if (host === '' || host === '*' || /^[\d.]+$/.test(host)) out.add('v4');
    else { out.add('v4'); out.add('v6'); }
  }
  return [...out];
}

/** Who can reach a server: the network, only this host (loopback listens), or only local processes (unix sockets). */
export function reachOf(server: ConfNode | undefined): 'network' | 'loopback' | 'unix' {
  if (!server || server.name !== 'server') return 'network';
  const listens = listensOf(server);
  if (!listens.length || listens.some((l) => !l.unix && !l.loopback)) return 'network';
  return listens.some((l) => l.loopback) ? 'loopback' : 'unix';
}

const AUTH = ['auth_basic', 'auth_request', 'auth_jwt', 'auth_oidc'];

/** An authentication module in force for `block` (`auth_basic "..."`, `auth_request /x`...; `off` does not count). */
export function authInEffect(block: ConfNode, top: readonly ConfNode[]): ConfNode | undefined {
  for (const name of AUTH) {
    const d = effectiveDirective(block, name, top);
    if (d && flagOf(d) !== 'off') return d;
  }
  return undefined;
}

/** `satisfy any` in force: the client passes when the address rules OR the authentication let it in. */
export function satisfyAny(block: ConfNode, top: readonly ConfNode[]): boolean {
  return flagOf(effectiveDirective(block, 'satisfy', top)) === 'any';
}

/** The server block a node sits in (undefined at http level or in a fragment of bare directives). */
export function serverOf(n: ConfNode): ConfNode | undefined {
  return n.name === 'server' ? n : ancestor(n, 'server');
}

/** Directives that make a location answer with nginx's own status or metrics page (stub_status, the VTS module, NGINX Plus). */
export const STATUS_DIRECTIVES = new Set(['stub_status', 'vhost_traffic_status_display', 'stream_server_traffic_status_display', 'status', 'api', 'check_status']);

/** A level's children include a file we could not read (its rules may be there). Stock files (`proxy_params`...) set no access rules. */
export function hidesRules(level: ConfNode | undefined, top: readonly ConfNode[], unresolved: readonly ConfNode[]): boolean {
  if (!unresolved.length) return false;
  for (const c of level ? level.children ?? [] : top) if (c.name === 'include' && unresolved.includes(c)) return true;
  return false;
}
