import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Severity } from '../engine/types';
import type { RuleSetting } from '../engine/config';
import { HELP } from './help';

export class UsageError extends Error {
  constructor(message: string, readonly usage: string = HELP.lint) { super(message); }
}

export const FORMATS = ['text', 'json', 'sarif', 'junit', 'gitlab'] as const;
export type Format = typeof FORMATS[number];

export interface LintArgs {
  command: 'lint';
  paths: string[];
  format: Format;
  config?: string;
  rules: Record<string, RuleSetting>;
  failOn: Severity;
  fix: boolean;
  color: boolean;
  exclude: string[];
  stdinFilename?: string;
  baseline?: string;
  writeBaseline?: string;
  quiet: boolean;
  maxWarnings?: number;
  output?: string;
}
export interface RulesArgs { command: 'rules'; format: 'text' | 'json' }
export interface GenerateArgs {
  command: 'generate';
  serverName: string[];
  upstream: string;
  profile: 'intermediate' | 'modern';
  nginxVersion?: string;
  opensslVersion?: string;
  fullConfig: boolean;
}
export interface HelpArgs { command: 'help'; text: string }
export interface VersionArgs { command: 'version' }
export type CliArgs = LintArgs | RulesArgs | GenerateArgs | HelpArgs | VersionArgs;

export { HELP };

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

/** node:util's parser with usage errors that carry the help of the command at hand. */
function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, usage: string, positionals = false) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: positionals });
  } catch (e) {
    throw new UsageError((e as Error).message, usage);
  }
}

export function parseCliArgs(argv: string[], isTty: boolean): CliArgs {
  if (argv[0] === 'rules') return parseRules(argv.slice(1));
  if (argv[0] === 'generate') return parseGenerate(argv.slice(1));
  if (argv[0] === 'help') return { command: 'help', text: HELP[argv[1] === 'rules' ? 'rules' : argv[1] === 'generate' ? 'generate' : 'lint'] };
  const parsed = parse(argv, {
    format: { type: 'string', short: 'f' },
    config: { type: 'string', short: 'c' },
    rule: { type: 'string', multiple: true },
    'fail-on': { type: 'string' },
    fix: { type: 'boolean' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    exclude: { type: 'string', multiple: true },
    'stdin-filename': { type: 'string' },
    baseline: { type: 'string' },
    'write-baseline': { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    'max-warnings': { type: 'string' },
    output: { type: 'string', short: 'o' },
    version: { type: 'boolean', short: 'v' },
  }, HELP.lint, true);
  const v = parsed.values;
  if (v.help) return { command: 'help', text: HELP.lint };
  if (v.version) return { command: 'version' };
  const format = (v.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${format}")`);
  const failOn = (v['fail-on'] ?? 'warning') as Severity;
  if (!['error', 'warning', 'info'].includes(failOn)) throw new UsageError(`--fail-on must be error, warning or info (got "${failOn}")`);
  const rules: Record<string, RuleSetting> = {};
  for (const r of v.rule ?? []) {
    const m = /^([^=]+)=(\w+)$/.exec(r);
    if (!m || !(SEVERITIES.has(m[2]) || m[2] === 'off')) throw new UsageError(`--rule takes ID=off|error|warning|info|hint (got "${r}")`);
    rules[m[1].trim()] = m[2] as RuleSetting;
  }
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    maxWarnings = Number(v['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings takes a whole number >= 0 (got "${v['max-warnings']}")`);
  }
  const paths = parsed.positionals.length ? parsed.positionals : ['.'];
  if (paths.includes('-') && !v['stdin-filename']) throw new UsageError('the path "-" (standard input) needs --stdin-filename NAME, which decides how it is linted');
  if (v['stdin-filename'] && !paths.includes('-')) throw new UsageError('--stdin-filename goes with the path "-" (standard input)');
  if (v.fix && paths.includes('-')) throw new UsageError('--fix cannot write to standard input');
  return {
    command: 'lint', paths, format,
    config: v.config, rules, failOn, fix: !!v.fix,
    color: v['no-color'] || v.output ? false : v.color ? true : isTty && !process.env.NO_COLOR,
    exclude: v.exclude ?? [], stdinFilename: v['stdin-filename'], baseline: v.baseline, writeBaseline: v['write-baseline'],
    quiet: !!v.quiet, maxWarnings, output: v.output,
  };
}

function parseRules(argv: string[]): RulesArgs | HelpArgs {
  const { values } = parse(argv, { format: { type: 'string', short: 'f' } }, HELP.rules);
  if (values.help) return { command: 'help', text: HELP.rules };
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError('rules: --format must be text or json', HELP.rules);
  return { command: 'rules', format };
}

function parseGenerate(argv: string[]): GenerateArgs | HelpArgs {
  if (argv[0] === '--help' || argv[0] === '-h' || (argv[0] === 'nginx' && argv.slice(1).some((a) => a === '--help' || a === '-h'))) return { command: 'help', text: HELP.generate };
  if (argv[0] !== 'nginx') throw new UsageError('generate: the only generator is "nginx" (deploylint generate nginx --server-name NAME --upstream URL)', HELP.generate);
  const { values } = parse(argv.slice(1), {
    'server-name': { type: 'string', multiple: true },
    upstream: { type: 'string' },
    profile: { type: 'string' },
    'nginx-version': { type: 'string' },
    'openssl-version': { type: 'string' },
    'full-config': { type: 'boolean' },
  }, HELP.generate);
  const names = (values['server-name'] ?? []).flatMap((s) => s.split(/[\s,]+/)).filter(Boolean);
  if (!names.length) throw new UsageError('generate nginx: --server-name is required', HELP.generate);
  if (!values.upstream) throw new UsageError('generate nginx: --upstream is required (e.g. http://app:3000)', HELP.generate);
  const profile = values.profile ?? 'intermediate';
  if (profile !== 'intermediate' && profile !== 'modern') throw new UsageError('generate nginx: --profile must be intermediate or modern', HELP.generate);
  return {
    command: 'generate', serverName: names, upstream: values.upstream, profile,
    nginxVersion: values['nginx-version'], opensslVersion: values['openssl-version'], fullConfig: !!values['full-config'],
  };
}
