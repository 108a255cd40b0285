import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { languageOf, mightBeDeployFile, needsContent } from '../engine/files';
import { enginePath } from './host';

const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn']);

/** `--exclude` and `exclude:` of the config: true skips a file or (isDir) a whole folder. */
export type Excluded = (osPath: string, isDir: boolean) => boolean;

/**
 * The deployment files under the given paths (files named explicitly are kept unless excluded).
 * Folders skip node_modules, .git and what the .gitignore files of the folder and of its parents
 * up to the repository root ignore — except env files, which are linted even when ignored (an
 * ignored .env still holds the secrets compose reads). Symbolic links to files and folders are
 * followed (a folder reached twice is walked once).
 */
export function collectFiles(inputs: string[], excluded: Excluded = () => false): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const input of inputs) {
    let st: fs.Stats;
    try { st = fs.statSync(input); } catch { missing.push(input); continue; }
    const full = path.resolve(input);
    if (st.isFile()) { if (!excluded(full, false)) files.add(enginePath(input)); }
    else if (st.isDirectory()) { if (!excluded(full, true)) walk(full, inheritedRules(full), files, excluded, new Set()); }
    // Named but not a regular file (a FIFO, a device): kept, so that the CLI says it cannot read it.
    else files.add(enginePath(input));
  }
  return { files: [...files].sort(), missing };
}

interface Rules { dir: string; ig: Ignore }

/** The .gitignore files above a walked folder, up to the repository root (git reads them all). */
function inheritedRules(dir: string): Rules[] {
  const chain: string[] = [];
  for (let d = dir; !fs.existsSync(path.join(d, '.git')); ) {
    const parent = path.dirname(d);
    // Outside any repository no parent's .gitignore applies, as for git itself.
    if (parent === d) return [];
    chain.push(parent);
    d = parent;
  }
  return chain.reverse().flatMap((d) => readRules(d));
}

function readRules(dir: string): Rules[] {
  try { return [{ dir, ig: ignore().add(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')) }]; } catch { return []; }
}

function walk(dir: string, inherited: Rules[], out: Set<string>, excluded: Excluded, seen: Set<string>): void {
  let real: string;
  try { real = fs.realpathSync(dir); } catch { return; }
  if (seen.has(real)) return;
  seen.add(real);
  let entries: fs.Dirent[];
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
  const rules = entries.some((e) => e.name === '.gitignore') ? [...inherited, ...readRules(dir)] : inherited;
  // A fixed order, nothing more (the result is sorted): code units, not localeCompare, whose first
  // call loads the ICU collator.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    let isDir = e.isDirectory(), isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try { const st = fs.statSync(full); isDir = st.isDirectory(); isFile = st.isFile(); } catch { continue; /* dangling */ }
    }
    if (isDir) {
      if (ALWAYS_SKIPPED.has(e.name) || ignored(rules, full, true) || excluded(full, true)) continue;
      walk(full, rules, out, excluded, seen);
    } else if (isFile && mightBeDeployFile(enginePath(full))) {
      const p = enginePath(full);
      const isEnv = languageOf(p) === 'env';
      if ((!isEnv && ignored(rules, full, false)) || excluded(full, false)) continue;
      if (needsContent(p) ? byContent(full) : languageOf(p)) out.add(p);
    }
  }
}

function ignored(rules: Rules[], full: string, isDir: boolean): boolean {
  for (const r of rules) {
    const rel = path.relative(r.dir, full).split(path.sep).join('/');
    if (rel && !rel.startsWith('..') && r.ig.ignores(isDir ? rel + '/' : rel)) return true;
  }
  return false;
}

/** Names that do not decide (`*.conf`, `*.yml`, extensionless vhosts, `*.conf.j2`): the start of the content does. */
function byContent(full: string): boolean {
  try {
    const fd = fs.openSync(full, 'r');
    const buf = Buffer.alloc(64 * 1024);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    fs.closeSync(fd);
    if (buf.subarray(0, n).includes(0)) return false;
    return languageOf(enginePath(full), buf.subarray(0, n).toString('utf8')) !== undefined;
  } catch {
    return false;
  }
}
