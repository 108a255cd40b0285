import ignore, { type Ignore } from 'ignore';
import { dirname } from './paths';

const compiled = new WeakMap<string[], Ignore>();

/**
 * Whether `exclude:` of the config at `configPath` (gitignore globs relative to its folder) covers
 * a file or folder. The CLI's walk and the editor ask the same question, so both skip alike.
 */
export function isExcluded(configPath: string, exclude: string[] | undefined, path: string, isDir = false): boolean {
  if (!exclude?.length) return false;
  const base = dirname(configPath);
  if (!path.startsWith(base.endsWith('/') ? base : base + '/')) return false;
  let ig = compiled.get(exclude);
  if (!ig) compiled.set(exclude, ig = ignore().add(exclude));
  const rel = path.slice(base.length).replace(/^\//, '');
  return rel !== '' && ig.ignores(isDir ? rel + '/' : rel);
}
