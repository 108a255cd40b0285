/**
 * Whether an Elasticsearch/OpenSearch service asks for credentials. Elasticsearch before 8.0 starts with
 * security off unless `xpack.security.enabled=true` is set (7.x docs, "Set up minimal security");
 * 8.0 and later, and OpenSearch, start with it on unless it is turned off.
 */
import type { EnvEntry, Service } from '../../../parse/compose';
import { isTruthy } from '../../../parse/compose-yaml';
import { interpolate, type Lookup } from '../../../parse/interpolation';
import { parseImage } from '../../../parse/compose-image';

export type ClusterAuth =
  | { state: 'off'; by: EnvEntry }
  | { state: 'off-by-default'; major: number }
  | { state: 'on' | 'unknown' };

export function clusterAuth(svc: Service, product: string, lookup: Lookup): ClusterAuth {
  const flags = `${svc.command?.text ?? ''} ${svc.entrypoint?.text ?? ''}`;
  for (const e of svc.environment) {
    const v = e.value?.trim() ?? '';
    if (/^xpack\.security\.enabled$/.test(e.key) && /^false$/i.test(v)) return { state: 'off', by: e };
    if (/^(plugins\.security\.disabled|DISABLE_SECURITY_PLUGIN)$/.test(e.key) && isTruthy(e.value)) return { state: 'off', by: e };
  }
  if (svc.environment.some((e) => /^xpack\.security\.enabled$/.test(e.key) && /^true$/i.test(e.value?.trim() ?? ''))) return { state: 'on' };
  if (/xpack\.security\.enabled=true/.test(flags)) return { state: 'on' };
  // A mounted elasticsearch.yml, an env_file or a custom entrypoint may turn it on: not judged from here.
  if (svc.envFile.length || svc.entrypoint || svc.volumes.some((v) => /elasticsearch\.yml|\/usr\/share\/elasticsearch\/config/.test(v.target ?? ''))) return { state: 'unknown' };
  if (product !== 'elasticsearch') return { state: 'on' };
  const raw = svc.image?.raw ?? '';
  const resolved = raw.includes('$') ? interpolate(raw, lookup) : raw;
  if (resolved === undefined) return { state: 'unknown' };
  const major = Number(/^v?(\d+)(?:[.-]|$)/.exec(parseImage(resolved).tag ?? '')?.[1]);
  if (!Number.isFinite(major) || Number.isNaN(major)) return { state: 'on' };
  return major < 8 ? { state: 'off-by-default', major } : { state: 'on' };
}
