import * as fs from 'node:fs';
import * as path from 'node:path';
import { MemoryHost, Workspace, isTemplateFile, languageOf, lintFiles, mergeConfig, type Finding } from '../../server/src/engine';

/** The guide stacks of test/fixtures/stacks (README there). */
export const STACKS_DIR = path.resolve(__dirname, '../fixtures/stacks');

/**
 * A stored file name -> its name in a real project. A `.gitignore` that ignores `.env` cannot sit in
 * the repository under its own name (git would then not commit the fixture's `.env`), so it is stored
 * as `dot-gitignore`.
 */
export function realName(name: string): string {
  return name.startsWith('dot-') ? '.' + name.slice(4) : name;
}

/**
 * Modes as the stack's guide wants them on disk: in a hardened stack, env files with secrets and
 * private keys are `chmod 600` (AppFlowy and SEEN guides); git does not keep modes, so they are set here.
 */
export function modeFor(stack: string, relPath: string): number {
  const name = path.posix.basename(relPath);
  const secretFile = (languageOf(relPath) === 'env' && !isTemplateFile(relPath)) || /\.key$|privkey/.test(name);
  return stack.endsWith('-hardened') && secretFile ? 0o600 : 0o644;
}

/** The files of a stack, by their real relative paths (forward slashes). */
export function stackFiles(stack: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string, rel: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const r = rel ? `${rel}/${realName(name)}` : realName(name);
      if (fs.statSync(full).isDirectory()) walk(full, r);
      else out.set(r, fs.readFileSync(full, 'utf8'));
    }
  };
  walk(path.join(STACKS_DIR, stack), '');
  return out;
}

export const WS_ROOT = '/ws';

/** Lints every deployment file of a stack loaded under /ws, as an editor workspace would. */
export function lintStack(stack: string): Finding[] {
  const host = new MemoryHost();
  const targets: string[] = [];
  for (const [rel, text] of stackFiles(stack)) {
    const p = `${WS_ROOT}/${rel}`;
    host.set(p, text, modeFor(stack, rel));
    if (languageOf(p, text)) targets.push(p);
  }
  const ws = new Workspace(host);
  return lintFiles(ws, targets, mergeConfig(), { onRuleError: (id, file, e) => { throw new Error(`${id} threw on ${file}: ${(e as Error).stack}`); } });
}

/** `rule file:line` (file relative to the stack, line 1-based), the shape the expectations are written in. */
export function keyOf(f: Finding): string {
  return `${f.rule} ${f.file.slice(WS_ROOT.length + 1)}:${f.range.start.line + 1}`;
}
