import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_CONFIG, ConfigError, findConfigPath, mergeConfig, parseConfigFile, type EngineConfig, type PartialConfig, type RuleSetting, type Workspace } from '../engine';
import { dirname } from '../engine/paths';
import { isVirtualPath } from './uri';

/** The `deploylint.*` settings of ARCHITECTURE.md, Editor, for one resource. */
export interface ServerSettings {
  enable: boolean;
  rules: Record<string, RuleSetting>;
  secrets: { minPasswordLength: number; minKeyBytes: number };
  nginx: { version: string };
  run: 'onType' | 'onSave';
  workspaceScan: boolean;
  /** Lint test and CI files too (ARCHITECTURE.md, Precision: skipped by default). */
  lintTestFiles: boolean;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  enable: true,
  rules: {},
  secrets: { ...DEFAULT_CONFIG.secrets },
  nginx: { ...DEFAULT_CONFIG.nginx },
  run: 'onType',
  workspaceScan: false,
  lintTestFiles: false,
};

const SEVERITIES = new Set(['off', 'error', 'warning', 'info', 'hint']);

/** Whatever a client sends becomes valid settings: unknown or mistyped values fall back to defaults. */
export function normalizeSettings(raw: unknown): ServerSettings {
  const r = isObject(raw) ? raw : {};
  const secrets = isObject(r.secrets) ? r.secrets : {};
  const nginx = isObject(r.nginx) ? r.nginx : {};
  const rules: Record<string, RuleSetting> = {};
  if (isObject(r.rules)) {
    for (const [id, sev] of Object.entries(r.rules)) if (typeof sev === 'string' && SEVERITIES.has(sev)) rules[id] = sev as RuleSetting;
  }
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    rules,
    secrets: {
      minPasswordLength: positiveInt(secrets.minPasswordLength) ?? DEFAULT_SETTINGS.secrets.minPasswordLength,
      minKeyBytes: positiveInt(secrets.minKeyBytes) ?? DEFAULT_SETTINGS.secrets.minKeyBytes,
    },
    nginx: { version: typeof nginx.version === 'string' && /^\d+(\.\d+)*$/.test(nginx.version.trim()) ? nginx.version.trim() : DEFAULT_SETTINGS.nginx.version },
    run: r.run === 'onSave' ? 'onSave' : 'onType',
    workspaceScan: r.workspaceScan === true,
    lintTestFiles: r.lintTestFiles === true,
  };
}

/**
 * Editor settings as a config layer over `.deploylint.yaml`. An editor reports its defaults like
 * any other value, so a value equal to the default does not override the team's file.
 */
export function editorLayer(s: ServerSettings): PartialConfig {
  const layer: PartialConfig = { rules: s.rules };
  const secrets: PartialConfig['secrets'] = {};
  if (s.secrets.minPasswordLength !== DEFAULT_CONFIG.secrets.minPasswordLength) secrets.minPasswordLength = s.secrets.minPasswordLength;
  if (s.secrets.minKeyBytes !== DEFAULT_CONFIG.secrets.minKeyBytes) secrets.minKeyBytes = s.secrets.minKeyBytes;
  if (Object.keys(secrets).length) layer.secrets = secrets;
  if (s.nginx.version !== DEFAULT_CONFIG.nginx.version) layer.nginx = { version: s.nginx.version };
  if (s.lintTestFiles) layer.roles = { lintTestFiles: true };
  return layer;
}

export interface TeamConfig { path?: string; config?: PartialConfig; error?: string }

/** The nearest `.deploylint.yaml` above a file, read through the workspace (an open, unsaved one counts). */
export function findTeamConfig(ws: Workspace, filePath: string): TeamConfig {
  if (isVirtualPath(filePath)) return {};
  const p = findConfigPath(dirname(filePath), (c) => ws.exists(c));
  const doc = p ? ws.document(p) : undefined;
  if (!p || !doc) return {};
  return doc.memo('deploylint-config', (): TeamConfig => {
    try {
      // The CLI reads the file through the same parser: an unknown rule id is an error in both.
      const config = parseConfigFile(doc.text);
      // Role globs are relative to the config file's folder.
      if (config.roles) config.roles.base = dirname(p);
      return { path: p, config };
    } catch (e) {
      return { path: p, error: e instanceof ConfigError ? e.message : 'it cannot be read' };
    }
  });
}

/** `root`: the workspace folder of the file, below which role guesses read the path. */
export function engineConfig(team: TeamConfig, settings: ServerSettings, root?: string): EngineConfig {
  const config = mergeConfig(team.config, editorLayer(settings));
  if (root) config.roles = { ...config.roles, root };
  return config;
}

/**
 * Settings pulled per resource with `workspace/configuration` and cached per URI until the client
 * says they changed. Clients that cannot be asked get what `didChangeConfiguration` pushed.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  private pushed: ServerSettings;

  constructor(private readonly connection: Connection, private readonly canPull: boolean, initial?: unknown) {
    this.pushed = normalizeSettings(initial);
  }

  get(uri: string): Promise<ServerSettings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let s = this.cache.get(uri);
    if (!s) {
      s = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'deploylint' })
        .then(normalizeSettings, () => this.pushed);
      this.cache.set(uri, s);
    }
    return s;
  }

  /** `workspace/didChangeConfiguration`: forget everything; a push-only client sends the new values. */
  changed(settings: unknown): void {
    this.cache.clear();
    if (isObject(settings) && isObject(settings.deploylint)) this.pushed = normalizeSettings(settings.deploylint);
  }

  forget(uri: string): void { this.cache.delete(uri); }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function positiveInt(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
}
