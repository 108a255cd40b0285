import { isScalar } from '../parse/compose-yaml';
import type { WorkspaceFiles as Workspace } from '../workspace-files';
import type { Span } from '../types';
import type { NginxDirective, NginxFile } from '../parse/nginx';
import type { ComposeFile, Service } from '../parse/compose';
import { parsed } from '../languages';
import { mightBeNginx } from '../../../../common/file-kinds';
import { basename, dirname, resolve } from '../paths';
import { composeFilesIn, composeOf } from './compose-project';

const SKIP_DIRS = new Set(['node_modules', '.git', 'vendor', 'dist', 'build']);
const TREE_DEPTH = 3;
const NO_PROXY_VARIANT = /(^|[._-])(without|no)[._-]?(nginx|proxy)([._-]|$)/i;

/** A bind mount of a compose service: host path (absolute, in the workspace) -> container path. */
export interface Mount { service: Service; source: string; target: string; composePath: string }

export function bindMounts(ws: Workspace, composePath: string): Mount[] {
  const compose = composeOf(ws, composePath);
  if (!compose) return [];
  // Asked by several rules and by every nginx file of the project: read once per parse. Shared: callers read it.
  let known = mountsByFile.get(compose);
  if (known?.composePath !== composePath) mountsByFile.set(compose, known = { composePath, mounts: readMounts(compose, composePath) });
  return known.mounts;
}

const mountsByFile = new WeakMap<ComposeFile, { composePath: string; mounts: Mount[] }>();

function readMounts(compose: ComposeFile, composePath: string): Mount[] {
  const dir = dirname(composePath);
  const out: Mount[] = [];
  for (const s of compose.services) {
    for (const v of s.volumes) {
      if (v.type !== 'bind' || !v.source || !v.target) continue;
      if (v.source.includes('$')) continue;
      const source = resolve(dir, v.source.replace(/^~(?=\/)/, '/root'));
      out.push({ service: s, source, target: v.target.replace(/\/+$/, '') || '/', composePath });
    }
  }
  return out;
}

/**
 * The nginx configs of a compose project (ARCHITECTURE.md, Cross-file model): the ones a service mounts, or, when none is
 * mounted, every nginx file in the project's folder tree.
 */
export function projectNginxFiles(ws: Workspace, composePath: string): string[] {
  const mounted = new Set<string>();
  for (const m of bindMounts(ws, composePath)) {
    const st = ws.stat(m.source);
    if (st?.isDirectory) {
      for (const n of ws.readDir(m.source) ?? []) {
        const p = resolve(m.source, n);
        if (isNginx(ws, p)) mounted.add(p);
      }
    } else if (isNginx(ws, m.source)) {
      mounted.add(m.source);
    }
  }
  if (mounted.size) return [...mounted].sort();
  // `docker-compose.without-nginx.yml`, `compose.noproxy.yaml`: the variant that runs with no proxy of the folder's.
  if (NO_PROXY_VARIANT.test(basename(composePath))) return [];
  const found: string[] = [];
  const visit = (dir: string, depth: number) => {
    for (const n of ws.readDir(dir) ?? []) {
      const p = resolve(dir, n);
      if (ws.stat(p)?.isDirectory) {
        if (depth < TREE_DEPTH && !SKIP_DIRS.has(n) && !n.startsWith('.')) visit(p, depth + 1);
      } else if (isNginx(ws, p)) {
        found.push(p);
      }
    }
  };
  visit(dirname(composePath), 0);
  return found.sort();
}

function isNginx(ws: Workspace, p: string): boolean {
  if (!mightBeNginx(p)) return false;
  const doc = ws.document(p);
  return doc?.language === 'nginx';
}

/** A `proxy_pass` (or an upstream `server` it goes through) and the host:port it reaches. */
export interface ProxyTarget { file: string; span: Span; host: string; port: number }

/** Every host:port the nginx files proxy to, following `upstream` blocks in the same files. */
export function proxyTargets(ws: Workspace, nginxFiles: readonly string[]): ProxyTarget[] {
  const trees = nginxFiles.map((f) => ({ file: f, tree: treeOf(ws, f) })).filter((x) => x.tree);
  const upstreams = new Map<string, { host: string; port: number; span: Span; file: string }[]>();
  for (const { file, tree } of trees) {
    walk(tree!.directives, (d) => {
      if (d.name !== 'upstream' || !d.args[0] || !d.block) return;
      const servers = d.block.filter((c) => c.name === 'server' && c.args[0]).map((c) => {
        const hp = splitHostPort(c.args[0].value, 80);
        return hp ? { ...hp, span: c.span, file } : undefined;
      }).filter((x): x is NonNullable<typeof x> => !!x);
      upstreams.set(d.args[0].value, servers);
    });
  }
  const out: ProxyTarget[] = [];
  for (const { file, tree } of trees) {
    walk(tree!.directives, (d) => {
      if (d.name !== 'proxy_pass' || !d.args[0]) return;
      const m = /^(https?|grpcs?):\/\/([^/?#]+)/i.exec(d.args[0].value);
      if (!m || m[2].includes('$')) return;
      const defaultPort = /s$/i.test(m[1]) ? 443 : 80;
      const named = upstreams.get(m[2]);
      if (named) {
        for (const u of named) out.push({ file, span: d.span, host: u.host, port: u.port });
        return;
      }
      const hp = splitHostPort(m[2], defaultPort);
      if (hp) out.push({ file, span: d.span, ...hp });
    });
  }
  return out;
}

function treeOf(ws: Workspace, file: string): NginxFile | undefined {
  const doc = ws.document(file);
  return doc ? parsed<NginxFile>(doc, 'nginx') : undefined;
}

function walk(list: readonly NginxDirective[], fn: (d: NginxDirective) => void): void {
  for (const d of list) {
    fn(d);
    if (d.block) walk(d.block, fn);
  }
}

export function splitHostPort(s: string, defaultPort: number): { host: string; port: number } | undefined {
  const v = s.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
  if (v.startsWith('unix:')) return undefined;
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(v);
  if (!m) return undefined;
  return { host: m[1].replace(/^\[|\]$/g, '').toLowerCase(), port: m[2] ? parseInt(m[2], 10) : defaultPort };
}

export const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', 'host.docker.internal', '172.17.0.1']);

/**
 * Whether an nginx config only serves the containers' network: compose mounts it into services that
 * publish no port and do not use the host network (an internal nginx behind a TLS proxy such as
 * Traefik, Caddy or another nginx). Undefined mounts (a config baked into an image) are not internal.
 */
export function servesInternalOnly(ws: Workspace, nginxPath: string): boolean {
  const services = mountingProjects(ws, nginxPath).flatMap((p) => p.holding.map((m) => m.service));
  return services.length > 0 && services.every((s) => !s.ports.length && !usesHostNetwork(s));
}

/**
 * The compose projects at or above `path`'s folder (four levels up, nearest first) whose services
 * bind-mount `path` itself or a folder holding it: every mount of the project, and those that hold it.
 */
export type MountingProjects = { mounts: Mount[]; holding: Mount[] }[];

/** The compose projects at or above `path`'s folder whose bind mounts hold `path`. */
export function mountingProjects(ws: Workspace, path: string): MountingProjects {
  const out: { mounts: Mount[]; holding: Mount[] }[] = [];
  for (let dir = dirname(path), i = 0; i < 4; i++, dir = dirname(dir)) {
    for (const composePath of composeFilesIn(ws, dir)) {
      const mounts = bindMounts(ws, composePath);
      const holding = mounts.filter((m) => m.source === path || path.startsWith(m.source + '/'));
      if (holding.length) out.push({ mounts, holding });
    }
    if (dir === '/' || dir === '.') break;
  }
  return out;
}

function usesHostNetwork(s: Service): boolean {
  const node = s.fields.get('network_mode')?.value;
  return isScalar(node) && String(node.value).trim().toLowerCase() === 'host';
}

/**
 * Maps a path inside a container (as an nginx config mounted into one sees it, e.g.
 * `/etc/nginx/snippets/headers.conf`) back to the workspace file, through the bind mounts of the
 * compose projects at or above the config's folder that mount it. `projects`: those of `nginxPath`
 * found before, for a caller that maps many paths of one config.
 */
export function hostPathFor(ws: Workspace, nginxPath: string, containerPath: string, projects = mountingProjects(ws, nginxPath)): string | undefined {
  for (const { mounts, holding: [mine] } of projects) {
    const candidates = mounts.filter((m) => m.service === mine.service || m.service.name === mine.service.name)
      .filter((m) => containerPath === m.target || containerPath.startsWith(m.target + '/'))
      .sort((a, b) => b.target.length - a.target.length);
    if (candidates.length) return candidates[0].source + containerPath.slice(candidates[0].target.length);
  }
  return undefined;
}
