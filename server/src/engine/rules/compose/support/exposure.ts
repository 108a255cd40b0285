import { withDefaults } from '../../../parse/interpolation';

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
