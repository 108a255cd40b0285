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
  if (!restrictsNames(server)) return true;
  const all = serversOf(cfg);
  for (const key of addressKeys(server)) {
    const same = all.filter((s) => addressKeys(s).includes(key));
    const marked = same.find((s) => listensOf(s).some((l) => addressKey(l.address, l.port) === key && isDefaultListen(l.node)));
    if ((marked ?? same[0]) === server) return true;
  }
  return false;
}

const MATCH_ALL = /^(_|""|~\^?\.\*\$?|\*)$/;

function restrictsNames(server: ConfNode): boolean {
  const names = childrenNamed(server, 'server_name').flatMap((n) => n.args.map((a) => a.value));
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

/** The `server` block a node sits in (undefined in a fragment meant for one). */
export function serverOf(n: ConfNode): ConfNode | undefined {
  return ancestor(n, 'server');
}
