import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCliArgs, UsageError, HELP, type LintArgs, type GenerateArgs } from './args';
import { formatJson, formatText, toCliFinding, type CliFile } from './format';
import { formatSarif } from './sarif';
import { formatGitlab, formatJunit } from './ci-formats';
import { fingerprints, withFile } from './fingerprint';
import { applyBaseline, makeBaseline, parseBaseline } from './baseline';
import { ConfigResolver } from './configs';
import { isTerminal, writeFd } from './stdio';
import { NodeHost, enginePath, writeFileAtomic } from '../node/host';
import { noteCodePath } from '../node/code-cache';
import { collectFiles } from '../node/walk';
import { Workspace } from '../engine/workspace';
import { allRules } from '../engine/rules';
import { didYouMean, isRuleId } from '../engine/rules/ids';
import { ConfigError } from '../engine/config';
import { languageOf } from '../engine/files';
import { compareFindings, fileInfo, lintFiles, severityRank } from '../engine/lint';
import { fixAll } from '../engine/fix-all';
import type { Finding } from '../engine/types';
import { generateNginx } from '../generate';
import { toolVersion } from '../version';

export interface CliIo { readStdin(): string }
const PROCESS_IO: CliIo = { readStdin: () => fs.readFileSync(0, 'utf8') };

export function run(argv: string[], out: (s: string) => void, err: (s: string) => void, isTty = false, io: CliIo = PROCESS_IO): number {
  try {
    const args = parseCliArgs(argv, isTty);
    switch (args.command) {
      case 'help': out(args.text + '\n'); return 0;
      case 'version': out(toolVersion() + '\n'); return 0;
      case 'rules': out(listRules(args.format)); return 0;
      case 'generate': out(generate(args)); return 0;
      case 'lint': return lint(args, out, err, io);
    }
  } catch (e) {
    if (e instanceof UsageError) { err(`deploylint: ${e.message}\n\n${e.usage}\n`); return 2; }
    if (e instanceof ConfigError) { err(`deploylint: ${e.message}\n`); return 2; }
    err(`deploylint: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}

function lint(args: LintArgs, out: (s: string) => void, err: (s: string) => void, io: CliIo): number {
  for (const id of Object.keys(args.rules)) if (!isRuleId(id)) throw new UsageError(`--rule: unknown rule "${id}"${didYouMean(id)} (see: deploylint rules)`);
  const host = new NodeHost();
  const ws = new Workspace(host);
  // Path guesses (`tests/`, `.devcontainer/`) are read below the project, role globs below their config's folder.
  const configs = new ConfigResolver(args.config, args.exclude, args.rules, projectRoot(args.paths.filter((p) => p !== '-')));

  const diskPaths = args.paths.filter((p) => p !== '-');
  const { files, missing } = diskPaths.length ? collectFiles(diskPaths, configs.excluded) : { files: [], missing: [] };
  if (missing.length) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
  if (args.stdinFilename) {
    const name = enginePath(args.stdinFilename);
    if (!languageOf(name)) throw new UsageError(`--stdin-filename: "${args.stdinFilename}" is not a compose, nginx or .env file name, so its kind is unknown`);
    ws.setOpen(name, io.readStdin());
    if (!files.includes(name)) files.push(name);
  }

  // A file that cannot be read is an error with its reason, never a clean result.
  const unreadable = files.filter((f) => ws.readFile(f) === undefined).map((f) => `${rel(f)}: ${whyUnreadable(f)}`);
  for (const u of unreadable) err(`deploylint: cannot read ${u}\n`);
  const readable = files.filter((f) => ws.readFile(f) !== undefined);

  const onRuleError = (id: string, file: string, e: unknown) => err(`deploylint: rule ${id} failed on ${rel(file)}: ${(e as Error).message}\n`);
  let findings: Finding[] = [];
  const changed = new Map<string, string>();
  const listed: CliFile[] = [];
  for (const [config, group] of configs.group(readable)) {
    for (const f of group) {
      const info = fileInfo(ws, f, config);
      if (!info) continue;
      listed.push({ path: rel(f), kind: info.kind, role: info.role.role, ...(info.skipped ? { skipped: info.skipped } : {}) });
      noteCodePath(`lint:${info.kind}`);
    }
    if (args.fix) {
      const result = fixAll(ws, group, config, { onRuleError });
      for (const [f, t] of result.changed) changed.set(f, t);
      findings.push(...result.remaining);
    } else {
      findings.push(...lintFiles(ws, group, config, { onRuleError }));
    }
  }
  findings = dedupe(findings).sort(compareFindings);
  for (const [file, text] of changed) {
    // A new .env receives secrets moved out of compose: only its owner may read it.
    writeFileAtomic(file, text, languageOf(file) === 'env' ? 0o600 : undefined);
  }
  if (changed.size && args.format === 'text') err(`Fixed ${changed.size} file${changed.size === 1 ? '' : 's'}.\n`);

  // Only baselines, SARIF and GitLab reports need fingerprints (and the hashing they cost).
  let computed: string[] | undefined;
  const fps = () => (computed ??= fingerprints(findings, (f) => ws.readFile(f)));
  // Baseline paths are relative to the baseline file, so it matches from any working directory.
  const relTo = (baseline: string) => (f: string) => path.relative(path.dirname(path.resolve(baseline)), f).split(path.sep).join('/');
  if (args.writeBaseline) {
    writeReport(args.writeBaseline, makeBaseline(findings, fps(), relTo(args.writeBaseline)));
    err(`Wrote ${findings.length} finding${findings.length === 1 ? '' : 's'} to ${args.writeBaseline}.\n`);
    return unreadable.length ? 2 : 0;
  }
  let shown = findings.map((_, i) => i);
  let suppressed: number[] = [];
  if (args.baseline) {
    const raw = host.readFile(enginePath(args.baseline));
    if (raw === undefined) throw new UsageError(`--baseline: cannot read ${args.baseline}`);
    let baseline;
    try { baseline = parseBaseline(raw); } catch (e) { throw new UsageError(`--baseline ${args.baseline}: ${(e as Error).message}`); }
    ({ kept: shown, suppressed } = applyBaseline(baseline, findings, fps(), relTo(args.baseline)));
  }
  if (args.quiet) shown = shown.filter((i) => findings[i].severity === 'error');

  const visible = shown.map((i) => findings[i]);
  const cli = visible.map((f) => toCliFinding(f, rel));
  const relFiles = files.map(rel);
  noteCodePath(`format:${args.format}`);
  if (args.fix) noteCodePath('fix');
  let report: string;
  switch (args.format) {
    case 'json': report = formatJson(toolVersion(), listed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), cli); break;
    case 'sarif': {
      // Accepted findings stay in the log as suppressed results, so code scanning closes their alerts.
      const all = [...shown, ...suppressed].sort((a, b) => a - b);
      const suppressedSet = new Set(all.flatMap((i, j) => (suppressed.includes(i) ? [j] : [])));
      report = formatSarif(toolVersion(), allRules(), all.map((i) => findings[i]), rel, ws, all.map((i) => withFile(rel(findings[i].file), fps()[i])), suppressedSet);
      break;
    }
    case 'junit': report = formatJunit(cli, relFiles); break;
    case 'gitlab': report = formatGitlab(cli, shown.map((i) => fps()[i])); break;
    default: report = formatText(cli, listed, args.color, unreadable.length);
  }
  if (args.output) writeReport(args.output, report);
  else out(report);

  if (unreadable.length) return 2;
  const warnings = visible.filter((f) => f.severity === 'warning').length;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    err(`deploylint: ${warnings} warnings, more than --max-warnings ${args.maxWarnings}.\n`);
    return 1;
  }
  return visible.some((f) => severityRank(f.severity) <= severityRank(args.failOn)) ? 1 : 0;
}

/** CI jobs name report paths in folders that do not exist yet (`reports/deploylint.sarif`). */
function writeReport(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileAtomic(enginePath(file), text);
}

/** Files of two config groups can share a cross-file finding (a compose file and its .env): report it once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.rule}\0${f.file}\0${f.range.start.line}:${f.range.start.character}\0${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function whyUnreadable(file: string): string {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return 'not a regular file';
    fs.closeSync(fs.openSync(file, 'r'));
    return 'it could not be read';
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (e as Error).message;
  }
}

function rel(file: string): string {
  const r = path.relative(process.cwd(), file.split('/').join(path.sep));
  return (r || '.').split(path.sep).join('/');
}

function listRules(format: 'text' | 'json'): string {
  if (format === 'json') {
    return JSON.stringify(allRules().map((r) => ({ id: r.id, language: r.language, severity: r.severity, fixable: r.fixable, title: r.title })), null, 2) + '\n';
  }
  const rules = allRules();
  const w = Math.max(...rules.map((r) => r.id.length), 4);
  return rules.map((r) => `${r.id.padEnd(w)}  ${r.severity.padEnd(7)}  ${r.fixable ? 'fix' : '   '}  ${r.title}`).join('\n') + '\n';
}

function generate(args: GenerateArgs): string {
  // Without --nginx-version the team's configured version decides, as in the editor's command.
  const nginxVersion = args.nginxVersion ?? new ConfigResolver().forDir(enginePath('.')).nginx.version;
  try {
    return generateNginx({
      serverNames: args.serverName, upstream: args.upstream, profile: args.profile, nginxVersion,
      ...(args.opensslVersion ? { opensslVersion: args.opensslVersion } : {}),
      fullConfig: args.fullConfig,
    });
  } catch (e) {
    throw new UsageError(`generate nginx: ${(e as Error).message}`, HELP.generate);
  }
}

/** The process's entry (dist/cli.js loads this bundle and calls it). */
export function main(): void {
  process.exitCode = run(process.argv.slice(2), (s) => writeFd(1, s), (s) => writeFd(2, s), isTerminal(1));
}

if (require.main === module) main();

/**
 * The folder the CLI runs in, or the folder that holds every path given when they lie elsewhere: a
 * `ci/` or `tests/` above the project (a runner's home) must not make every file a test file.
 */
function projectRoot(inputs: string[]): string {
  const cwd = enginePath('.');
  const dirs = inputs.map((i) => {
    const p = enginePath(i);
    try { return fs.statSync(i).isDirectory() ? p : path.posix.dirname(p); } catch { return path.posix.dirname(p); }
  });
  const under = (p: string, root: string) => p === root || p.startsWith(root.endsWith('/') ? root : root + '/');
  if (dirs.every((d) => under(d, cwd))) return cwd;
  let root = dirs[0] ?? cwd;
  while (!dirs.every((d) => under(d, root)) && root !== '/') root = path.posix.dirname(root);
  return root;
}
