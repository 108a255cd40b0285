import { languageOf, type Workspace } from '../engine';
import { collectFiles } from '../node/walk';
import { isVirtualPath, uriToPath } from './uri';

/**
 * The compose files of the workspace folder holding `uri` (or of every folder on disk when it is in
 * none or not given), plus the open ones, read as edited.
 */
export function composeFiles(ws: Workspace, folders: readonly string[], openPaths: Iterable<string>, uri?: string): { path: string; text: string }[] {
  const anchor = uri ? uriToPath(uri) : undefined;
  const inFolder = anchor ? folders.filter((f) => anchor.startsWith(f + '/')) : [];
  const roots = inFolder.length ? inFolder : folders.filter((f) => !isVirtualPath(f));
  const paths = new Set(roots.length ? collectFiles(roots).files : []);
  for (const p of openPaths) paths.add(p);
  if (anchor && !roots.length) paths.add(anchor);
  const out: { path: string; text: string }[] = [];
  for (const p of paths) {
    if (languageOf(p) !== 'compose') continue;
    const text = ws.readFile(p);
    if (text !== undefined) out.push({ path: p, text });
  }
  return out;
}
