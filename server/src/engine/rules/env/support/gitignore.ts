import ignore from 'ignore';
import type { Workspace } from '../../../workspace';
import { basename, dirname, relative } from '../../../paths';

/**
 * Whether git would ignore a file, from the repository's real ignore files: every `.gitignore`
 * from the repository root (the first folder up with a `.git`, else `/`) down to the file's folder,
 * plus `.git/info/exclude`. Deeper files win over higher ones, as in git.
 */
export interface GitIgnoreStatus {
  ignored: boolean;
  /** The deepest existing `.gitignore` on the way, where a new rule belongs. */
  nearest?: string;
  /** The folder where a new `.gitignore` would be created (the repository root, else the file's folder). */
  root: string;
}

export function gitIgnoreStatus(ws: Workspace, path: string): GitIgnoreStatus {
  const dirs: string[] = [];
  let root: string | undefined;
  for (let d = dirname(path); ; d = dirname(d)) {
    dirs.unshift(d);
    if (ws.stat(join(d, '.git'))) { root = d; break; }
    if (d === '/' || d === '.' || dirname(d) === d) break;
  }
  let ignored = false;
  let nearest: string | undefined;
  const levels: { dir: string; text: string }[] = [];
  if (root) {
    const exclude = ws.readFile(join(root, '.git/info/exclude'));
    if (exclude !== undefined) levels.push({ dir: root, text: exclude });
  }
  for (const d of dirs) {
    const p = join(d, '.gitignore');
    const text = ws.readFile(p);
    if (text === undefined) continue;
    levels.push({ dir: d, text });
    nearest = p;
  }
  for (const level of levels) {
    const rel = relative(level.dir, path);
    if (rel.startsWith('..') || !ignore.isPathValid(rel)) continue;
    const r = ignore().add(level.text).test(rel);
    if (r.ignored) ignored = true;
    else if (r.unignored) ignored = false;
  }
  return { ignored, nearest, root: root ?? dirname(path) };
}

function join(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/** A `.gitignore` line that matches exactly this path relative to the ignore file's folder. */
export function ignoreLineFor(ignoreDir: string, path: string): string {
  const rel = relative(ignoreDir, path);
  const escaped = rel.replace(/([*?[\]\\])/g, '\\$1').replace(/^([#!])/, '\\$1').replace(/ $/, '\\ ');
  return rel.includes('/') ? escaped : basename(escaped);
}
