import { parse as parseYaml } from 'yaml';
import type { Severity } from './types';
import { configSchemaErrors } from './config-schema';
import { didYouMean, isRuleId, type RuleId } from './rules/ids';

export type RuleSetting = Severity | 'off';

type RoleName = 'production' | 'development' | 'test' | 'template';
const ROLE_NAMES: readonly RoleName[] = ['production', 'development', 'test', 'template'];

/** File roles (ARCHITECTURE.md, Precision): `roles: { test: [globs] ... }` and `lintTestFiles` of `.deploylint.yaml`. */
export interface RolesConfig {
  /** Globs per role, relative to `base` (a glob without `/` matches a file name in any folder). */
  globs: Partial<Record<RoleName, string[]>>;
  /** The folder of the config file that gave the globs. */
  base?: string;
  /** The project root the path guesses (`tests/`, `.devcontainer/`) are read below: a CLI's folder, an editor's workspace folder. */
  root?: string;
  /** Test and CI files are skipped unless this is on. */
  lintTestFiles: boolean;
}

export interface EngineConfig {
  /** Per-rule severity override or 'off'. */
  rules: Partial<Record<RuleId, RuleSetting>>;
  secrets: { minPasswordLength: number; minKeyBytes: number };
  nginx: { version: string };
  roles: RolesConfig;
}

export const DEFAULT_CONFIG: EngineConfig = {
  rules: {},
  secrets: { minPasswordLength: 16, minKeyBytes: 32 },
  nginx: { version: '1.26' },
  roles: { globs: {}, lintTestFiles: false },
};

export type PartialConfig = {
  rules?: Partial<Record<RuleId, RuleSetting>>;
  secrets?: Partial<EngineConfig['secrets']>;
  nginx?: Partial<EngineConfig['nginx']>;
  roles?: Partial<RolesConfig>;
  /** Globs (gitignore syntax) relative to the config file's folder; read by the file walk, not the rules. */
  exclude?: string[];
};

const SETTINGS = new Set<RuleSetting>(['off', 'error', 'warning', 'info', 'hint']);

/** Later layers win: defaults < .deploylint.yaml < editor settings or CLI flags. */
export function mergeConfig(...layers: (PartialConfig | undefined)[]): EngineConfig {
  const out: EngineConfig = {
    rules: { ...DEFAULT_CONFIG.rules },
    secrets: { ...DEFAULT_CONFIG.secrets },
    nginx: { ...DEFAULT_CONFIG.nginx },
    roles: { ...DEFAULT_CONFIG.roles },
  };
  for (const l of layers) {
    if (!l) continue;
    if (l.roles) out.roles = { ...out.roles, ...l.roles };
    Object.assign(out.rules, l.rules ?? {});
    for (const [k, v] of Object.entries(l.secrets ?? {})) if (typeof v === 'number' && v > 0) (out.secrets as Record<string, number>)[k] = v;
    if (l.nginx?.version) out.nginx.version = String(l.nginx.version);
  }
  return out;
}

export class ConfigError extends Error {}

/**
 * Reads `.deploylint.yaml`. Unknown keys, bad values (schemas/deploylint.schema.json) and unknown
 * rule ids are errors naming the key: a typo must not silently turn a setting off. The CLI and the
 * editor both read the file here, so they agree.
 */
export function parseConfigFile(text: string): PartialConfig {
  let data: unknown;
  try { data = parseYaml(text); } catch (e) { throw new ConfigError(`invalid YAML: ${(e as Error).message}`); }
  if (data == null) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new ConfigError('the config must be a mapping');
  const problems = configSchemaErrors(data);
  const d = data as Record<string, unknown>;
  const out: PartialConfig = {};
  if (!problems.length && d.rules != null) {
    try { out.rules = parseRuleSettings(d.rules); } catch (e) { problems.push((e as Error).message); }
  }
  if (problems.length) throw new ConfigError(problems.join('; '));
  if (d.secrets != null) out.secrets = { ...(d.secrets as PartialConfig['secrets']) };
  const version = (d.nginx as { version?: unknown } | undefined)?.version;
  if (version != null) out.nginx = { version: String(version) };
  if (d.exclude != null) out.exclude = [...(d.exclude as string[])];
  const roles = parseRoles(d.roles, d.lintTestFiles);
  if (roles) out.roles = roles;
  return out;
}

/** `roles: { <role>: [globs] }` and `lintTestFiles: true|false`. */
function parseRoles(value: unknown, lintTestFiles: unknown): Partial<RolesConfig> | undefined {
  if (value == null && lintTestFiles == null) return undefined;
  const out: Partial<RolesConfig> = {};
  if (lintTestFiles != null) {
    if (typeof lintTestFiles !== 'boolean') throw new ConfigError('`lintTestFiles` must be true or false');
    out.lintTestFiles = lintTestFiles;
  }
  if (value != null) {
    if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError('`roles` must map a role (production, development, test, template) to a list of globs');
    out.globs = {};
    for (const [role, globs] of Object.entries(value as Record<string, unknown>)) {
      if (!ROLE_NAMES.includes(role as RoleName)) throw new ConfigError(`roles: unknown role ${role} (one of ${ROLE_NAMES.join(', ')})`);
      const list = typeof globs === 'string' ? [globs] : globs;
      if (!Array.isArray(list) || !list.every((g) => typeof g === 'string' && g.length > 0)) throw new ConfigError(`roles.${role} must be a list of globs`);
      out.globs[role as RoleName] = list as string[];
    }
  }
  return out;
}

export function parseRuleSettings(value: unknown): Partial<Record<RuleId, RuleSetting>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError('`rules` must map rule ids to a severity');
  const out: Partial<Record<RuleId, RuleSetting>> = {};
  for (const [id, sev] of Object.entries(value as Record<string, unknown>)) {
    const s = String(sev) as RuleSetting;
    if (!SETTINGS.has(s)) throw new ConfigError(`rule ${id}: severity must be one of off, error, warning, info, hint`);
    if (!isRuleId(id)) throw new ConfigError(`unknown rule "rules.${id}"${didYouMean(id)} (see: deploylint rules)`);
    out[id] = s;
  }
  return out;
}

/** Compares dotted versions ("1.25.1" vs "1.26"): negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

export const CONFIG_FILE_NAMES = ['.deploylint.yaml', '.deploylint.yml'];

/** The nearest `.deploylint.yaml` at or above a folder, through any reader of files. */
export function findConfigPath(dir: string, exists: (path: string) => boolean): string | undefined {
  for (let d = dir; ; ) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = (d.endsWith('/') ? d : d + '/') + name;
      if (exists(p)) return p;
    }
    const parent = d.replace(/\/[^/]*$/, '') || '/';
    if (parent === d) return undefined;
    d = parent;
  }
}
