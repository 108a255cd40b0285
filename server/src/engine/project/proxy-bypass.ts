import type { WorkspaceFiles as Workspace } from '../workspace-files';
import type { PortEntry, Service } from '../parse/compose';
import { portNumbers, resolvePort } from '../parse/compose-ports';
import { withDefaults, type Lookup } from '../parse/interpolation';
import { composeOf, projectLookup } from './compose-project';
import { LOCAL_HOSTS, projectNginxFiles, proxyTargets, type ProxyTarget } from './nginx-links';

/** A published port that lets clients reach a proxied service without going through nginx. */
export interface Bypass { service: Service; port: PortEntry; targets: ProxyTarget[]; viaServiceName: boolean }

/** The host address and port once `${VAR}`s are read from the project's `.env`, as compose publishes it. */
function published(p: PortEntry, lookup: Lookup): { all: boolean; hostPorts: number[] } {
  const r = resolvePort(p, lookup);
  const ip = r.hostIp === undefined ? '' : (withDefaults(r.hostIp) ?? '').replace(/^\[(.*)\]$/, '$1').trim();
  return { all: ip === '' || ip === '0.0.0.0' || ip === '::', hostPorts: portNumbers(withDefaults(r.published ?? '') ?? '') };
}

/**
 * The ports of a compose project that nginx proxies to and that are also published on every
 * interface (ARCHITECTURE.md, Cross-file model): `proxy_pass http://app:3000` names service `app` and its container port
 * 3000; `proxy_pass http://127.0.0.1:3010` names the service that publishes 3010 on the host.
 */
export function proxyBypasses(ws: Workspace, composePath: string): Bypass[] {
  const compose = composeOf(ws, composePath);
  if (!compose?.services.length) return [];
  const nginxFiles = projectNginxFiles(ws, composePath);
  if (!nginxFiles.length) return [];
  const targets = proxyTargets(ws, nginxFiles);
  if (!targets.length) return [];
  const lookup = projectLookup(ws, composePath);
  const out: Bypass[] = [];
  for (const service of compose.services) {
    const names = new Set([service.name.toLowerCase(), ...containerNames(service)]);
    for (const port of service.ports) {
      const { all, hostPorts } = published(port, lookup);
      if (!all) continue;
      const containerPorts = portNumbers(withDefaults(port.target ?? '') ?? '');
      const byName = targets.filter((t) => names.has(t.host) && containerPorts.includes(t.port));
      const byHost = targets.filter((t) => LOCAL_HOSTS.has(t.host) && hostPorts.includes(t.port));
      if (byName.length || byHost.length) out.push({ service, port, targets: [...byName, ...byHost], viaServiceName: byName.length > 0 });
    }
  }
  return out;
}

function containerNames(s: Service): string[] {
  const n = s.fields.get('container_name')?.value;
  const v = n && 'value' in n ? String((n as { value: unknown }).value ?? '') : '';
  return v ? [v.toLowerCase()] : [];
}
