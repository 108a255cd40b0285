import { basename, dirname, join, normalize } from '../paths';
import type { WorkspaceFiles } from '../workspace-files';
import { hostPathFor } from '../project/nginx-links';
import { editDistance } from '../text';

/**
 * Where an `include` argument points to in the workspace. nginx resolves a relative path against
 * its prefix (the main config's folder in practice); the repo rarely sits at /etc/nginx, so we try
 * the including file's folder, the root config's folder and a few of its parents, and map absolute
 * paths (`/etc/nginx/snippets/x.conf`) onto the workspace by their trailing components.
 */
export interface IncludeTarget {
  files: string[];
  glob: boolean;
  /** Files that nginx installs itself (mime.types, fastcgi_params...): missing from a repo is normal. */
  stock: boolean;
}

const GLOB = /[*?[]/;

/** Files a distribution package or certbot puts there; a repo does not ship them. */
const STOCK = /^(mime\.types|fastcgi_params|fastcgi\.conf|scgi_params|uwsgi_params|proxy_params|koi-utf|koi-win|win-utf|options-ssl-nginx\.conf|fastcgi-php\.conf|snakeoil\.conf)$|^\/etc\/nginx\/modules(-enabled)?\//;

export function resolveInclude(ws: WorkspaceFiles, pattern: string, fromFile: string, rootFile: string): IncludeTarget {
  const glob = GLOB.test(pattern);
  const stock = STOCK.test(basename(pattern)) || STOCK.test(pattern);
  for (const candidate of candidates(ws, pattern, fromFile, rootFile)) {
    const files = glob ? expandGlob(ws, candidate) : (isFile(ws, candidate) ? [candidate] : []);
    if (files.length) return { files, glob, stock };
  }
  return { files: [], glob, stock };
}

/** The folder a glob's directory part names (`conf.d` of `conf.d/*.conf`), found the way `resolveInclude` finds files. */
export function resolveIncludeFolder(ws: WorkspaceFiles, folder: string, fromFile: string, rootFile: string): string | undefined {
  return candidates(ws, folder, fromFile, rootFile).find((p) => ws.stat(p)?.isDirectory);
}

/**
 * A file of the folder a missing relative include points to whose name is a keystroke or two away
 * (`secuirty.conf` for `security.conf`): then the include is most likely a typo, not a file the
 * server provides. Returns that file's path as the include would spell it.
 */
export function nearIncludeName(ws: WorkspaceFiles, pattern: string, fromFile: string, rootFile: string): string | undefined {
  if (pattern.startsWith('/') || GLOB.test(pattern)) return undefined;
  const want = basename(pattern);
  for (const candidate of candidates(ws, pattern, fromFile, rootFile)) {
    const names = ws.readDir(dirname(candidate));
    const near = names?.find((n) => n !== want && isNearName(want, n) && isFile(ws, join(dirname(candidate), n)));
    if (near) return join(dirname(pattern), near);
  }
  return undefined;
}

/** Within one edit (two for names of 12 characters or more), `-` and `_` alike, case ignored. */
function isNearName(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/-/g, '_');
  return editDistance(norm(a), norm(b)) <= (a.length >= 12 ? 2 : 1);
}

function candidates(ws: WorkspaceFiles, pattern: string, fromFile: string, rootFile: string): string[] {
  const out: string[] = [];
  const add = (p: string) => { const n = normalize(p); if (!out.includes(n)) out.push(n); };
  const bases: string[] = [];
  const addBase = (b: string) => { if (!bases.includes(b)) bases.push(b); };
  addBase(dirname(fromFile));
  let b = dirname(rootFile);
  for (let i = 0; i < 4 && b !== '/' && b !== '.'; i++) { addBase(b); b = dirname(b); }
  if (pattern.startsWith('/')) {
    // A config mounted into a container sees the paths of the container (ARCHITECTURE.md, Cross-file model).
    const mapped = hostPathFor(ws, fromFile, pattern) ?? (rootFile !== fromFile ? hostPathFor(ws, rootFile, pattern) : undefined);
    if (mapped) add(mapped);
    add(pattern);
    const parts = pattern.split('/').filter(Boolean);
    // Keep two components at least: `conf.d/*.conf` is a hint, a bare `*.conf` would match anything.
    for (let i = 1; i <= parts.length - 2; i++) for (const base of bases) add(join(base, ...parts.slice(i)));
  } else {
    for (const base of bases) add(join(base, pattern));
  }
  return out;
}

function isFile(ws: WorkspaceFiles, p: string): boolean {
  if (ws.isOpen(p)) return true;
  const st = ws.stat(p);
  return st ? st.isFile : false;
}

/** glob(3) over the workspace: `*`, `?` and `[...]` per path segment; `*` does not match a leading dot. */
export function expandGlob(ws: WorkspaceFiles, pattern: string): string[] {
  const parts = pattern.split('/').filter(Boolean);
  let current = ['/'];
  for (let i = 0; i < parts.length; i++) {
    const seg = parts[i];
    const last = i === parts.length - 1;
    const next: string[] = [];
    for (const dir of current) {
      if (!GLOB.test(seg)) {
        next.push(join(dir, seg));
        continue;
      }
      const re = segmentRegex(seg);
      for (const name of ws.readDir(dir) ?? []) if (re.test(name)) next.push(join(dir, name));
    }
    current = last ? next.filter((p) => isFile(ws, p)) : next;
    if (!current.length) return [];
  }
  return current.sort();
}

function segmentRegex(seg: string): RegExp {
  let re = seg.startsWith('.') ? '' : '(?!\\.)';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = seg.indexOf(']', i + 2);
      if (close < 0) { re += '\\['; continue; }
      let body = seg.slice(i + 1, close);
      if (body.startsWith('!')) body = '^' + body.slice(1);
      re += '[' + body.replace(/\\/g, '\\\\') + ']';
      i = close;
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
