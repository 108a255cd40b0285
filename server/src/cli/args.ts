import { parseArgs } from 'node:util';
import type { Severity } from '../engine/types';
import type { RuleSetting } from '../engine/config';

export class UsageError extends Error {}

export type Format = 'text' | 'json' | 'sarif';

export interface LintArgs {
  command: 'lint';
  paths: string[];
  format: Format;
  config?: string;
  rules: Record<string, RuleSetting>;
  failOn: Severity;
  fix: boolean;
  color: boolean;
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
export interface HelpArgs { command: 'help' | 'version' }
export type CliArgs = LintArgs | RulesArgs | GenerateArgs | HelpArgs;

export const USAGE = `Usage:
  deploylint [paths...]            lint files and folders (default: .)
    --format text|json|sarif       output format (default: text)
    --config FILE                  config file (default: .deploylint.yaml found upward)
    --rule ID=SEVERITY             override a rule: off|error|warning|info|hint (repeatable)
    --fail-on error|warning|info   exit 1 when a finding is at or above this (default: warning)
    --fix                          apply safe fixes in place
  deploylint rules [--format json] list the rule catalogue
  deploylint generate nginx --server-name NAME --upstream URL
      [--profile intermediate|modern] [--nginx-version X.Y] [--openssl-version X.Y] [--full-config]
  deploylint --help | --version

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or internal error.`;

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

export function parseCliArgs(argv: string[], isTty: boolean): CliArgs {
  if (argv[0] === 'rules') return parseRules(argv.slice(1));
  if (argv[0] === 'generate') return parseGenerate(argv.slice(1));
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        rule: { type: 'string', multiple: true },
        'fail-on': { type: 'string' },
        fix: { type: 'boolean' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) return { command: 'help' };
  if (v.version) return { command: 'version' };
  const format = (v.format ?? 'text') as Format;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif (got "${format}")`);
  const failOn = (v['fail-on'] ?? 'warning') as Severity;
  if (!['error', 'warning', 'info'].includes(failOn)) throw new UsageError(`--fail-on must be error, warning or info (got "${failOn}")`);
  const rules: Record<string, RuleSetting> = {};
  for (const r of v.rule ?? []) {
    const m = /^([^=]+)=(\w+)$/.exec(r);
    if (!m || !(SEVERITIES.has(m[2]) || m[2] === 'off')) throw new UsageError(`--rule takes ID=off|error|warning|info|hint (got "${r}")`);
    rules[m[1].trim()] = m[2] as RuleSetting;
  }
  return {
    command: 'lint', paths: parsed.positionals.length ? parsed.positionals : ['.'], format,
    config: v.config, rules, failOn, fix: !!v.fix,
    color: v['no-color'] ? false : v.color ? true : isTty && !process.env.NO_COLOR,
  };
}

function parseRules(argv: string[]): RulesArgs {
  try {
    const { values } = parseArgs({ args: argv, strict: true, options: { format: { type: 'string', short: 'f' } } });
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError('rules: --format must be text or json');
    return { command: 'rules', format };
  } catch (e) {
    throw e instanceof UsageError ? e : new UsageError((e as Error).message);
  }
}

function parseGenerate(argv: string[]): GenerateArgs {
  if (argv[0] !== 'nginx') throw new UsageError('generate: the only generator is "nginx" (deploylint generate nginx --server-name NAME --upstream URL)');
  let values;
  try {
    ({ values } = parseArgs({
      args: argv.slice(1), strict: true,
      options: {
        'server-name': { type: 'string', multiple: true },
        upstream: { type: 'string' },
        profile: { type: 'string' },
        'nginx-version': { type: 'string' },
        'openssl-version': { type: 'string' },
        'full-config': { type: 'boolean' },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const names = (values['server-name'] ?? []).flatMap((s) => s.split(/[\s,]+/)).filter(Boolean);
  if (!names.length) throw new UsageError('generate nginx: --server-name is required');
  if (!values.upstream) throw new UsageError('generate nginx: --upstream is required (e.g. http://app:3000)');
  const profile = values.profile ?? 'intermediate';
  if (profile !== 'intermediate' && profile !== 'modern') throw new UsageError('generate nginx: --profile must be intermediate or modern');
  return {
    command: 'generate', serverName: names, upstream: values.upstream, profile,
    nginxVersion: values['nginx-version'], opensslVersion: values['openssl-version'], fullConfig: !!values['full-config'],
  };
}
