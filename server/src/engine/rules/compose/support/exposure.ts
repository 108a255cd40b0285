import { withDefaults, type Lookup } from '../../../parse/interpolation';
import { portNumbers, resolvePort } from '../../../parse/compose-ports';
import { scalarText, type YDoc } from '../../../parse/compose-yaml';
import type { PortEntry, Service } from '../../../parse/compose';

/** Where a published port listens, judged from its host address. */
export type BindScope = 'all' | 'loopback' | 'private' | 'public' | 'unknown';

/** Host address as written (undefined = none, Docker binds every interface). Variables count by their default. */
export function bindScope(hostIp: string | undefined): BindScope {
  if (hostIp === undefined) return 'all';
  let ip = hostIp.trim();
  if (ip.includes('$')) {
    const d = withDefaults(ip);
    if (d === undefined) return 'unknown';
    ip = d.trim();
  }
  ip = ip.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (ip === '' || ip === '0.0.0.0' || ip === '::' || ip === '0:0:0:0:0:0:0:0') return 'all';
  if (/^127\./.test(ip) || ip === '::1' || ip === 'localhost' || ip === '::ffff:127.0.0.1') return 'loopback';
  if (/^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.|169\.254\.)/.test(ip)) return 'private';
  if (/^(f[cd][0-9a-f]{2}|fe[89ab][0-9a-f]):/.test(ip)) return 'private';
  return 'public';
}

/**
 * Where a service can be reached from (ARCHITECTURE.md, Precision): `outside` when a port is published on a non-loopback
 * address or the service uses the host network; `ports` are the published ports that make it so.
 */
export interface Reach { outside: boolean; hostNetwork: boolean; ports: PortEntry[] }

export function reachOf(doc: YDoc | undefined, svc: Service, lookup: Lookup): Reach {
  const hostNetwork = !!doc && scalarText(doc, svc.fields.get('network_mode')?.value)?.trim().toLowerCase() === 'host';
  const ports = svc.ports.filter((p) => {
    const scope = bindScope(resolvePort(p, lookup).hostIp);
    return scope === 'all' || scope === 'public';
  });
  return { outside: hostNetwork || ports.length > 0, hostNetwork, ports };
}

/** The container ports a published entry maps to (variables read by their default). */
export function targetPorts(port: PortEntry): number[] {
  return portNumbers(withDefaults(port.target ?? '') ?? '');
}
