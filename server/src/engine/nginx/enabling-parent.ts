import { basename, dirname, join } from '../paths';
import type { WorkspaceFiles } from '../workspace-files';
import { resolveIncludeFolder } from './include';
import { childrenNamed, type ConfNode } from './tree';
import { configOf, type NginxConfig } from './view';

/**
 * The `http {}` a fragment is enabled into, when no include of the workspace matches the file itself:
 * a site kept under a name nginx's glob skips (`conf.d/.default.conf`, `production.conf.template`
 * that an entrypoint renders to `production.conf`) or in a folder below the included one
 * (`conf.d/templates/x.conf`, copied into `conf.d` to enable it), or in `sites-available/` while the
 * main config includes `sites-enabled/*`. Once enabled, the site gets that http level's settings.
 */
export interface EnablingParent { cfg: NginxConfig; http: ConfNode }

const MAIN_DIRS = 3;
const GLOB = /[*?[]/;

export function enablingParent(ws: WorkspaceFiles, path: string): EnablingParent | undefined {
  const memo = ws.document(path)?.memo('nginx:enabling-parent', () => new WeakMap<WorkspaceFiles, { v: EnablingParent | undefined }>());
  const hit = memo?.get(ws);
  if (hit) return hit.v;
  const v = find(ws, path);
  memo?.set(ws, { v });
  return v;
}

function find(ws: WorkspaceFiles, path: string): EnablingParent | undefined {
  const home = enabledFolders(dirname(path));
  let dir = dirname(path);
  for (let i = 0; i < MAIN_DIRS && dir !== '.' && dir !== '/'; i++, dir = dirname(dir)) {
    const main = join(dir, 'nginx.conf');
    if (main === path || !ws.document(main)) continue;
    const cfg = configOf(ws, main);
    const http = cfg.nodes.find((n) => n.name === 'http' && n.children);
    if (!http) continue;
    for (const inc of childrenNamed(http, 'include')) {
      const pattern = inc.args[0]?.value ?? '';
      if (!GLOB.test(basename(pattern)) || GLOB.test(dirname(pattern))) continue;
      const folder = resolveIncludeFolder(ws, dirname(pattern), inc.file, main);
      if (folder && home.some((h) => h === folder || h.startsWith(folder + '/'))) return { cfg, http };
    }
  }
  return undefined;
}

/** The folders a file in `dir` is enabled from: `dir` and, for `sites-available`, its `sites-enabled` twin. */
function enabledFolders(dir: string): string[] {
  return basename(dir) === 'sites-available' ? [dir, join(dirname(dir), 'sites-enabled')] : [dir];
}
