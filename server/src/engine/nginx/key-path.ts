import type { RuleContext } from '../context';
import type { NginxFile } from '../parse/nginx';
import { dirname, resolve } from '../paths';
import { hostPathFor, mountingProjects, type MountingProjects } from '../project/nginx-links';

/**
 * The workspace file an `ssl_certificate_key` value names, with its mode: a relative path is
 * resolved against the config file's folder, an absolute one is taken as is. Variables,
 * `data:` keys and engine keys (`engine:...`) name no file. The one place to extend with
 * container paths mapped back through compose mounts (ARCHITECTURE.md, Cross-file model).
 */
export function resolveKeyPath(ctx: RuleContext<NginxFile>, value: string): { path: string; mode: number } | undefined {
  // Every TLS server of a big config names the same key or two; the compose mounts are read once per run.
  let run = resolved.get(ctx);
  if (!run) resolved.set(ctx, run = { byValue: new Map() });
  if (!run.byValue.has(value)) run.byValue.set(value, resolveUncached(ctx, run, value));
  return run.byValue.get(value);
}

interface Run {
  byValue: Map<string, { path: string; mode: number } | undefined>;
  /** Looked up once per lint: a config with a certificate per server would list its folders per server. */
  projects?: MountingProjects;
}

const resolved = new WeakMap<RuleContext<NginxFile>, Run>();

function resolveUncached(ctx: RuleContext<NginxFile>, run: Run, value: string): { path: string; mode: number } | undefined {
  if (!value || value.includes('$') || /^(data|engine|store):/.test(value)) return undefined;
  const candidates = [resolve(dirname(ctx.file.path), value)];
  if (value.startsWith('/')) {
    const mapped = hostPathFor(ctx.workspace, ctx.file.path, value, run.projects ??= mountingProjects(ctx.workspace, ctx.file.path));
    if (mapped) candidates.unshift(mapped);
  }
  for (const path of candidates) {
    const st = ctx.workspace.stat(path);
    if (st?.isFile) return { path, mode: st.mode };
  }
  return undefined;
}
