/**
 * An env file that is the template of another (ARCHITECTURE.md, Precision roles): firefly-iii ships `database.env` for
 * users to download as `.db.env`, the name its compose file reads. Names do not say so; the project does.
 */
import type { WorkspaceFiles as Workspace } from '../workspace-files';
import { basename, dirname, resolve } from '../paths';
import { composeFilesIn, composeOf, envFileUsers } from './compose-project';

/**
 * Why `envPath` is a template, or undefined: no compose file reads it (by `env_file`, or as the
 * project's `.env`), while a compose file of its folder reads an env file that is not there — the
 * file users make from this one.
 */
export function envTemplateReason(ws: Workspace, envPath: string): string | undefined {
  if (basename(envPath) === '.env' || envFileUsers(ws, envPath).length) return undefined;
  const dir = dirname(envPath);
  for (const composePath of composeFilesIn(ws, dir)) {
    for (const svc of composeOf(ws, composePath)?.services ?? []) {
      const missing = svc.envFile.find((f) => !f.text.includes('$') && !ws.exists(resolve(dir, f.text)));
      if (missing) return `no compose file reads it, while ${basename(composePath)} reads ${missing.text}, which is not here: the file users make from this one`;
    }
  }
  return undefined;
}
