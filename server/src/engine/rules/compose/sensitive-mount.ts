import type { Rule } from '../../types';
import type { VolumeEntry } from '../../parse/compose';
import { YScalar } from '../../parse/compose-yaml';
import { addPair } from './support/yaml-edit';
import { scalarLike, styleOf } from './support/yaml-style';
import { reportOnce, servicesOf, type ComposeContext } from './support/report';
import { interpolate } from '../../parse/interpolation';
import { projectLookup } from '../../project/compose-project';
import type { FixSpec } from '../../types';
import type { SourceDocument } from '../../workspace-files';
import type { ComposeFile } from '../../parse/compose';

/** The directory itself is sensitive: a bind of a file below it (`/etc/localtime`) is normal. */
const EXACT = new Set(['/', '/etc', '/usr', '/lib', '/lib64', '/var/run', '/run', '/dev', '/var', '/home', '/bin', '/sbin']);
/** Everything below is sensitive: host kernel state, boot files, Docker's own data. */
const TREES = ['/proc', '/sys', '/boot', '/var/lib/docker'];
/**
 * Root's home is sensitive itself and through its hidden entries (`.ssh`, `.docker/config.json`,
 * `.aws`, `.bash_history`); a data folder someone keeps under it (`/root/app-data`) is just a folder.
 */
const ROOT_HOME = /^\/root(\/\.[^/]+(\/.*)?)?$/;
const SOCKET = /\.sock$/;

export function sensitiveHostPath(source: string): boolean {
  const p = (source.replace(/\/+$/, '') || '/').replace(/\/{2,}/g, '/');
  if (SOCKET.test(p)) return false;
  return EXACT.has(p) || ROOT_HOME.test(p) || TREES.some((t) => p === t || p.startsWith(`${t}/`));
}

export const sensitiveMount: Rule<ComposeContext> = {
  id: 'compose/sensitive-mount', language: 'compose', severity: 'error',
  title: 'Sensitive host path mounted',
  docs: {
    why: 'Binding `/`, `/etc`, `/root`, `/proc`, `/sys`, `/dev`, `/boot`, `/lib`, `/usr`, `/var/lib/docker` or `/var/run` into a container lets it read host secrets (shadow, SSH keys, other containers\' data) and, read-write, change the host. Read-write is an error; read-only (`:ro`) a warning. Mount only the file the service needs, read-only.',
    fixSafety: 'The fix makes the mount read-only. A service that writes there stops working, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
  },
  fixable: true,
  check(ctx) {
    const report = reportOnce(ctx);
    const lookup = projectLookup(ctx.workspace, ctx.file.path);
    for (const svc of servicesOf(ctx)) {
      for (const v of svc.volumes) {
        if (v.type !== 'bind' || !v.source) continue;
        // `${HOST_ROOT:-/}:/host` mounts what .env (or the default) says.
        const source = v.source.includes('$') ? interpolate(v.source, lookup)?.replace(/\/{2,}/g, '/') : v.source;
        if (!source || !sensitiveHostPath(source)) continue;
        const fix = v.readOnly ? undefined : readOnlyFix(ctx.file, ctx.doc, v);
        report({
          span: v.span,
          severity: v.readOnly ? 'warning' : undefined,
          message: v.readOnly
            ? `Service \`${svc.name}\` mounts the host's ${source} (read-only): it can read host secrets there.`
            : `Service \`${svc.name}\` mounts the host's ${source} read-write: it can read and change host files. Mount it read-only, or only the file it needs.`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};

function readOnlyFix(doc: SourceDocument, file: ComposeFile, v: VolumeEntry): FixSpec | undefined {
  const title = 'Mount read-only (:ro)';
  if (v.long) {
    const existing = v.entries?.get('read_only');
    if (existing) return { title, safe: false, edits: [{ ...existing.valueSpan, newText: 'true' }] };
    return v.map ? { title, safe: false, edits: [addPair(doc, v.map, 'read_only', 'true', styleOf(doc, file))] } : undefined;
  }
  if (!(v.node instanceof YScalar) || v.raw === undefined) return undefined;
  const parts = v.mode === undefined ? [] : v.mode.split(',').filter((m) => m && m !== 'rw');
  const value = `${v.source}:${v.target}:${['ro', ...parts].join(',')}`;
  return { title, safe: false, edits: [{ ...v.span, newText: scalarLike(value, v.node.type, !!v.seq.flow) }] };
}
