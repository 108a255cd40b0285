import type { WorkspaceFiles as Workspace } from '../workspace-files';
import type { Span } from '../types';
import { scanInterpolation } from '../parse/interpolation';
import { composeFilesIn, composeOf } from './compose-project';
import { dirname } from '../paths';

/** Where a compose file reads a `.env` variable: the `${VAR}` span and the environment key it feeds. */
export interface VariableUse {
  composePath: string;
  service: string;
  /** The environment key whose value holds the reference (undefined outside `environment`). */
  key?: string;
  span: Span;
}

/**
 * Every `${VAR}` of the compose files that read `envPath` (a project's `.env`), by variable name.
 * The env rules use it to judge `DB_PASS=...` as the password it becomes in `POSTGRES_PASSWORD: ${DB_PASS}`
 * and to point at the compose lines that use it.
 */
export function variableUses(ws: Workspace, envPath: string): Map<string, VariableUse[]> {
  const out = new Map<string, VariableUse[]>();
  for (const composePath of composeFilesIn(ws, dirname(envPath))) {
    const compose = composeOf(ws, composePath);
    if (!compose) continue;
    for (const s of compose.services) {
      for (const e of s.environment) {
        // `- POSTGRES_PASSWORD` (no value): compose passes the variable of the same name from .env or the shell.
        if (e.value === undefined) {
          const list = out.get(e.key) ?? [];
          list.push({ composePath, service: s.name, key: e.key, span: e.keySpan });
          out.set(e.key, list);
          continue;
        }
        if (!e.interpolated) continue;
        const raw = compose.text.slice(e.valueSpan.start, e.valueSpan.end);
        for (const r of scanInterpolation(raw, e.valueSpan.start)) {
          const list = out.get(r.name) ?? [];
          list.push({ composePath, service: s.name, key: e.key, span: r.span });
          out.set(r.name, list);
        }
      }
    }
  }
  return out;
}
