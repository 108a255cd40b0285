import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { languageOf, mightBeDeployFile, needsContent } from '../engine/files';
import { enginePath } from './host';

const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn']);

/**
 * The deployment files under the given paths (files named explicitly are always kept).
 * Folders skip node_modules, .git and what .gitignore ignores — except env files, which are
 * linted even when ignored (an ignored .env still holds the secrets compose reads).
 */
export function collectFiles(inputs: string[]): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const input of inputs) {
    let st: fs.Stats;
    try { st = fs.statSync(input); } catch { missing.push(input); continue; }
    if (st.isFile()) files.add(enginePath(input));
    else if (st.isDirectory()) walk(path.resolve(input), [], files);
  }
  return { files: [...files].sort(), missing };
}

interface Rules { dir: string; ig: Ignore }

function walk(dir: string, inherited: Rules[], out: Set<string>): void {
  let entries: fs.Dirent[];
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
  const rules = [...inherited];
  const gi = path.join(dir, '.gitignore');
  if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
    try { rules.push({ dir, ig: ignore().add(fs.readFileSync(gi, 'utf8')) }); } catch { /* unreadable */ }
  }
  // A fixed order, nothing more (the result is sorted): code units, not localeCompare, whose first
  // call loads the ICU collator.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (ALWAYS_SKIPPED.has(e.name) || ignored(rules, full, true)) continue;
      walk(full, rules, out);
    } else if (e.isFile() && mightBeDeployFile(enginePath(full))) {
      const p = enginePath(full);
      const isEnv = languageOf(p) === 'env';
      if (!isEnv && ignored(rules, full, false)) continue;
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
