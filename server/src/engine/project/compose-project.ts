import type { WorkspaceFiles as Workspace } from '../workspace-files';
import type { SourceDocument } from '../workspace-files';
import type { ComposeFile } from '../parse/compose';
import type { EnvEntry as DotenvEntry, EnvFile } from '../parse/dotenv';
import { parsed } from '../languages';
import { dirname, resolve } from '../paths';
import { isComposeName } from '../files';
import type { Lookup } from '../parse/interpolation';

/** A variable defined in a project's `.env` (the last definition wins, as in compose and dotenv). */
export interface ProjectVariable { file: string; entry: DotenvEntry; doc: SourceDocument }

/**
 * A compose project (ARCHITECTURE.md, Cross-file model): the compose file's folder, and the `.env` there that feeds `${VAR}`
 * interpolation. Files named in `env_file` are the containers' environment, never interpolation.
 */
export interface ComposeProject {
  composePath: string;
  dir: string;
  envPath: string;
  envDoc?: SourceDocument;
  env?: EnvFile;
  variable(name: string): ProjectVariable | undefined;
}

export function composeProject(ws: Workspace, composePath: string): ComposeProject {
  const dir = dirname(composePath);
  const envPath = resolve(dir, '.env');
  const envDoc = ws.document(envPath);
  // Most compose rules ask for the project: built once per version of the `.env`.
  return envDoc ? envDoc.memo(`project:${composePath}`, () => readProject(composePath, dir, envPath, envDoc)) : readProject(composePath, dir, envPath, undefined);
}

function readProject(composePath: string, dir: string, envPath: string, envDoc: SourceDocument | undefined): ComposeProject {
  const env = envDoc ? parsed<EnvFile>(envDoc, 'env') : undefined;
  const last = new Map<string, DotenvEntry>();
  for (const e of env?.entries ?? []) last.set(e.key, e);
  return {
    composePath, dir, envPath, envDoc, env,
    variable(name) {
      const entry = last.get(name);
      return entry && envDoc ? { file: envPath, entry, doc: envDoc } : undefined;
    },
  };
}

/**
 * The project's `.env` values as compose reads them for `${VAR}` (the last definition of a name wins),
 * for judging what a variable turns into (a host address, a mount source). Unset when the `.env` lacks it.
 */
export function projectLookup(ws: Workspace, composePath: string): Lookup {
  const project = composeProject(ws, composePath);
  return (name) => project.variable(name)?.entry.value;
}

/** The compose files of a folder (the projects whose `.env` is `dir/.env`). */
export function composeFilesIn(ws: Workspace, dir: string): string[] {
  // Asked for every folder above every nginx and env file: a folder of a thousand projects is
  // filtered by name before any path is built.
  return (ws.readDir(dir) ?? [])
    .filter((n) => isComposeName(n))
    .map((n) => resolve(dir, n))
    .filter((p) => ws.exists(p));
}

/** The parse tree of a compose file of the workspace, or undefined when it cannot be read. */
export function composeOf(ws: Workspace, path: string): ComposeFile | undefined {
  const doc = ws.document(path);
  return doc ? parsed<ComposeFile>(doc, 'compose') : undefined;
}

/** Which compose files list `envFilePath` under some service's `env_file`. */
export function envFileUsers(ws: Workspace, envFilePath: string): { composePath: string; service: string }[] {
  const out: { composePath: string; service: string }[] = [];
  const dir = dirname(envFilePath);
  // env_file paths are relative to the compose file; look in this folder and the two above it.
  for (const d of [dir, dirname(dir), dirname(dirname(dir))]) {
    for (const c of composeFilesIn(ws, d)) {
      for (const s of composeOf(ws, c)?.services ?? []) {
        if (s.envFile.some((f) => resolve(d, f.text) === envFilePath)) out.push({ composePath: c, service: s.name });
      }
    }
    if (d === '/' || d === '.') break;
  }
  return out;
}
