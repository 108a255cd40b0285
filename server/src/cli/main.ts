import '../node/compile-cache';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCliArgs, UsageError, USAGE, type LintArgs, type GenerateArgs } from './args';
import { formatJson, formatText, toCliFinding } from './format';
import { formatSarif } from './sarif';
import { NodeHost, enginePath, writeFileAtomic } from '../node/host';
import { collectFiles } from '../node/walk';
import { Workspace } from '../engine/workspace';
import { allRules } from '../engine/rules';
import { ConfigError, findConfigPath, mergeConfig, parseConfigFile } from '../engine/config';
import { fileInfo, lintFiles, severityRank } from '../engine/lint';
import { fixAll } from '../engine/fix-all';
import { generateNginx } from '../generate';
import { toolVersion } from '../version';

export function run(argv: string[], out: (s: string) => void, err: (s: string) => void, isTty = false): number {
  try {
    const args = parseCliArgs(argv, isTty);
    switch (args.command) {
      case 'help': out(USAGE + '\n'); return 0;
      case 'version': out(toolVersion() + '\n'); return 0;
      case 'rules': out(listRules(args.format)); return 0;
      case 'generate': out(generate(args)); return 0;
      case 'lint': return lint(args, out, err);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError) {
      err(`deploylint: ${e.message}\n${e instanceof UsageError ? '\n' + USAGE + '\n' : ''}`);
      return 2;
    }
    err(`deploylint: internal error: ${(e as Error).stack ?? e}\n`);
    return 2;
  }
}

function lint(args: LintArgs, out: (s: string) => void, err: (s: string) => void): number {
  const known = new Set(allRules.map((r) => r.id));
  for (const id of Object.keys(args.rules)) if (!known.has(id)) throw new UsageError(`--rule: unknown rule "${id}" (see: deploylint rules)`);
  const host = new NodeHost();
  const configPath = args.config ? enginePath(args.config) : findConfigPath(enginePath('.'), (p) => host.stat(p)?.isFile === true);
  let fileConfig;
  if (configPath) {
    const text = host.readFile(configPath);
    if (text === undefined) throw new UsageError(`--config: cannot read ${args.config}`);
    try { fileConfig = parseConfigFile(text, known); } catch (e) { throw new ConfigError(`${path.relative('.', configPath) || configPath}: ${(e as Error).message}`); }
  }
  // Role globs are relative to the config's folder; path guesses (`tests/`, `.devcontainer/`) to the project.
  const roles = { ...fileConfig?.roles, root: projectRoot(args.paths), ...(configPath ? { base: path.posix.dirname(configPath) } : {}) };
  const config = mergeConfig(fileConfig, { rules: args.rules, roles });
  const { files, missing } = collectFiles(args.paths);
  if (missing.length) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
  const ws = new Workspace(host);
  const onRuleError = (id: string, file: string, e: unknown) => err(`deploylint: rule ${id} failed on ${rel(file)}: ${(e as Error).message}\n`);

  let findings;
  if (args.fix) {
    const result = fixAll(ws, files, config, { onRuleError });
    for (const [file, text] of result.changed) writeFileAtomic(file, text);
    if (result.changed.size && args.format === 'text') err(`Fixed ${result.changed.size} file${result.changed.size === 1 ? '' : 's'}.\n`);
    findings = result.remaining;
  } else {
    findings = lintFiles(ws, files, config, { onRuleError });
  }

  const listed = files.flatMap((f) => {
    const info = fileInfo(ws, f, config);
    return info ? [{ path: rel(f), kind: info.kind, role: info.role.role, ...(info.skipped ? { skipped: info.skipped } : {}) }] : [];
  });
  if (args.format === 'json') out(formatJson(toolVersion(), listed, findings.map((f) => toCliFinding(f, rel))));
  else if (args.format === 'sarif') out(formatSarif(toolVersion(), allRules, findings, rel, ws));
  else out(formatText(findings.map((f) => toCliFinding(f, rel)), listed, args.color));
  return findings.some((f) => severityRank(f.severity) <= severityRank(args.failOn)) ? 1 : 0;
}

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

function rel(file: string): string {
  const r = path.relative(process.cwd(), file.split('/').join(path.sep));
  return (r || '.').split(path.sep).join('/');
}

function listRules(format: 'text' | 'json'): string {
  if (format === 'json') {
    return JSON.stringify(allRules.map((r) => ({ id: r.id, language: r.language, severity: r.severity, fixable: r.fixable, title: r.title })), null, 2) + '\n';
  }
  const w = Math.max(...allRules.map((r) => r.id.length), 4);
  return allRules.map((r) => `${r.id.padEnd(w)}  ${r.severity.padEnd(7)}  ${r.fixable ? 'fix' : '   '}  ${r.title}`).join('\n') + '\n';
}

function generate(args: GenerateArgs): string {
  try {
    return callGenerator(args);
  } catch (e) {
    throw new UsageError(`generate nginx: ${(e as Error).message}`);
  }
}

function callGenerator(args: GenerateArgs): string {
  return generateNginx({
    serverNames: args.serverName, upstream: args.upstream, profile: args.profile,
    ...(args.nginxVersion ? { nginxVersion: args.nginxVersion } : {}),
    ...(args.opensslVersion ? { opensslVersion: args.opensslVersion } : {}),
    fullConfig: args.fullConfig,
  });
}

if (require.main === module) {
  const code = run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s), process.stdout.isTTY === true);
  process.exitCode = code;
}

