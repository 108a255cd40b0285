import { httpServers, listensOf } from './servers';
import { ancestor, childrenNamed, type ConfNode } from './tree';
import type { NginxConfig } from './view';

/**
 * Whether requests for any host name reach `server`: it is the default server of one of its
 * addresses (`default_server`, or the first server listening there when none is marked), or it has
 * no name that restricts it (`server_name _`, none at all, a match-all regex). There `$host` is the
 * client's choice as much as `$http_host`.
 */
export function answersAnyHost(cfg: NginxConfig, server: ConfNode): boolean {
  if (!restrictsNames(server.children ?? [])) return true;
  const all = serversOf(cfg);
  for (const key of addressKeys(server)) {
    const same = all.filter((s) => addressKeys(s).includes(key));
    const marked = same.find((s) => listensOf(s).some((l) => addressKey(l.address, l.port) === key && isDefaultListen(l.node)));
    if ((marked ?? same[0]) === server) return true;
  }
  return false;
}

const MATCH_ALL = /^(_|""|~\^?\.\*\$?|\*)$/;

/** Some `server_name` among `directives` (a server's) names a host: not none, `_`, `""` or a match-all regex. */
export function restrictsNames(directives: readonly ConfNode[]): boolean {
  const names = childrenNamed(undefined, 'server_name', directives).flatMap((n) => n.args.map((a) => a.value));
  return names.some((n) => n !== '' && !MATCH_ALL.test(n));
}

function isDefaultListen(listen: ConfNode): boolean {
  return listen.args.some((a) => a.value === 'default_server' || a.value === 'default');
}

function addressKey(address: string, port: number | undefined): string {
  const m = /^(\[[^\]]*\]|[^:]*):\d+$/.exec(address);
  const host = /^\d+$/.test(address) ? '*' : m ? m[1] : address;
  return `${host === '0.0.0.0' || host === '' ? '*' : host}:${port ?? 80}`;
}

function addressKeys(server: ConfNode): string[] {
  const listens = listensOf(server);
  return listens.length ? listens.filter((l) => !l.unix).map((l) => addressKey(l.address, l.port)) : ['*:80'];
}

const byConfig = new WeakMap<NginxConfig, ConfNode[]>();

function serversOf(cfg: NginxConfig): ConfNode[] {
  let list = byConfig.get(cfg);
  if (!list) byConfig.set(cfg, list = httpServers(cfg.nodes));
  return list;
}

/**
 * Whether the server a node sits in routes on a name of its own (`named`), answers any host (`any`), or
 * cannot be told: a fragment included into a server we do not see, unless its own `server_name` is `_`.
 */
export function hostScope(cfg: NginxConfig, n: ConfNode): 'named' | 'any' | 'unknown' {
  const server = ancestor(n, 'server');
  if (server) return answersAnyHost(cfg, server) ? 'any' : 'named';
  if (cfg.context !== 'server') return 'unknown';
  return childrenNamed(undefined, 'server_name', cfg.nodes).length && !restrictsNames(cfg.nodes) ? 'any' : 'unknown';
}
