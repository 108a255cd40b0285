import type { RuleContext } from '../context';
import type { NginxFile } from '../parse/nginx';
import { dirname, resolve } from '../paths';
import { hostPathFor } from '../project/nginx-links';

/**
 * The workspace file an `ssl_certificate_key` value names, with its mode: a relative path is
 * resolved against the config file's folder, an absolute one is taken as is. Variables,
 * `data:` keys and engine keys (`engine:...`) name no file. The one place to extend with
 * container paths mapped back through compose mounts (SPEC §5).
 */
export function resolveKeyPath(ctx: RuleContext<NginxFile>, value: string): { path: string; mode: number } | undefined {
  // Every TLS server of a big config names the same key or two; the compose mounts are read once per run.
  let byValue = resolved.get(ctx);
  if (!byValue) resolved.set(ctx, byValue = new Map());
  if (!byValue.has(value)) byValue.set(value, resolveUncached(ctx, value));
  return byValue.get(value);
}

const resolved = new WeakMap<RuleContext<NginxFile>, Map<string, { path: string; mode: number } | undefined>>();

function resolveUncached(ctx: RuleContext<NginxFile>, value: string): { path: string; mode: number } | undefined {
  if (!value || value.includes('$') || /^(data|engine|store):/.test(value)) return undefined;
  const candidates = [resolve(dirname(ctx.file.path), value)];
  if (value.startsWith('/')) {
    const mapped = hostPathFor(ctx.workspace, ctx.file.path, value);
    if (mapped) candidates.unshift(mapped);
  }
  for (const path of candidates) {
    const st = ctx.workspace.stat(path);
    if (st?.isFile) return { path, mode: st.mode };
  }
  return undefined;
}
