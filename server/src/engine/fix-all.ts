import type { EngineConfig } from './config';
import type { Finding } from './types';
import type { Workspace } from './workspace';
import { applyFixes } from './fix';
import { lintFiles, type LintOptions } from './lint';

export interface FixAllResult {
  /** New text of every file that changed (including files a fix created or edited elsewhere). */
  changed: Map<string, string>;
  /** What is still reported after fixing. */
  remaining: Finding[];
  passes: number;
}

const MAX_PASSES = 10;

/**
 * Applies fixes until none applies (at most 10 passes, like ESLint): each pass lints, takes the
 * first fix of each finding (safe ones only unless `unsafe`), applies the ones that do not collide,
 * and lints again. Changed files are kept as open documents of `ws`.
 */
export function fixAll(ws: Workspace, paths: readonly string[], config: EngineConfig, opts: LintOptions & { unsafe?: boolean; filter?: (f: Finding) => boolean } = {}): FixAllResult {
  const changed = new Map<string, string>();
  let passes = 0;
  let findings = lintFiles(ws, paths, config, opts);
  while (passes < MAX_PASSES) {
    const fixes = findings
      .filter((f) => !opts.filter || opts.filter(f))
      .map((f) => f.fixes.find((x) => (x.safe || opts.unsafe) && x.edits.length > 0))
      .filter((x): x is NonNullable<typeof x> => !!x);
    if (!fixes.length) break;
    const next = applyFixes((p) => ws.readFile(p), fixes);
    let progressed = false;
    for (const [file, text] of next) {
      if (ws.readFile(file) === text) continue;
      ws.setOpen(file, text);
      changed.set(file, text);
      progressed = true;
    }
    passes++;
    if (!progressed) break;
    findings = lintFiles(ws, paths, config, opts);
  }
  return { changed, remaining: findings, passes };
}
