import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { ConfigError, findConfigPath, mergeConfig, parseConfigFile, type EngineConfig, type PartialConfig } from '../engine/config';
import { dirname } from '../engine/paths';
import { isExcluded } from '../engine/config-exclude';
import { enginePath } from '../node/host';
import type { Excluded } from '../node/walk';

interface Loaded { path?: string; partial?: PartialConfig }

/**
 * Which `.deploylint.yaml` applies to a file: `--config` for all, else the nearest one upward from
 * the file's own folder — the same search the editor makes, so both lint a file alike.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, Loaded>();
  private readonly byPath = new Map<string, Loaded>();
  private readonly explicit?: Loaded;
  private readonly cliExcludes?: Ignore;

  constructor(configFile?: string, excludes: string[] = [], private readonly cliRules: PartialConfig['rules'] = {}, private readonly root?: string) {
    if (configFile) {
      const p = enginePath(configFile);
      if (!isFile(p)) throw new ConfigError(`--config: cannot read ${configFile}`);
      this.explicit = this.load(p);
    }
    if (excludes.length) this.cliExcludes = ignore().add(excludes);
  }

  forDir(dir: string): EngineConfig {
    return this.configOf(this.loadedFor(dir));
  }

  /** Files grouped by the config that applies to them, in a stable order. */
  group(files: string[]): [EngineConfig, string[]][] {
    const groups = new Map<Loaded, string[]>();
    for (const f of files) {
      const l = this.loadedFor(dirname(f));
      groups.set(l, [...(groups.get(l) ?? []), f]);
    }
    return [...groups].map(([l, fs]) => [this.configOf(l), fs]);
  }

  private configOf(l: Loaded): EngineConfig {
    const roles = { ...l.partial?.roles, ...(this.root ? { root: this.root } : {}), ...(l.path ? { base: dirname(l.path) } : {}) };
    return mergeConfig(l.partial, { rules: this.cliRules, roles });
  }

  /** `--exclude` globs are relative to the working directory; `exclude:` ones to their config's folder. */
  readonly excluded: Excluded = (osPath, isDir) => {
    const file = enginePath(osPath);
    if (this.cliExcludes && matches(this.cliExcludes, path.relative(process.cwd(), osPath), isDir)) return true;
    const l = this.loadedFor(dirname(file));
    return !!l.path && isExcluded(l.path, l.partial?.exclude, file, isDir);
  };

  private loadedFor(dir: string): Loaded {
    if (this.explicit) return this.explicit;
    let l = this.byDir.get(dir);
    if (!l) {
      const p = findConfigPath(dir, isFile);
      l = p ? this.load(p) : {};
      this.byDir.set(dir, l);
    }
    return l;
  }

  private load(p: string): Loaded {
    let l = this.byPath.get(p);
    if (l) return l;
    let text: string;
    try { text = fs.readFileSync(p, 'utf8'); } catch (e) { throw new ConfigError(`cannot read ${shown(p)}: ${(e as Error).message}`); }
    let partial: PartialConfig;
    try { partial = parseConfigFile(text); } catch (e) { throw new ConfigError(`${shown(p)}: ${(e as Error).message}`); }
    l = { path: p, partial };
    this.byPath.set(p, l);
    return l;
  }
}

function matches(ig: Ignore, rel: string, isDir: boolean): boolean {
  const r = rel.split(path.sep).join('/');
  // `ignore` only takes paths inside its base folder.
  if (!r || r === '..' || r.startsWith('../') || path.isAbsolute(r)) return false;
  return ig.ignores(isDir ? r + '/' : r);
}

function isFile(p: string): boolean {
  try { return fs.statSync(p).isFile(); } catch { return false; }
}

function shown(p: string): string {
  return path.relative(process.cwd(), p) || p;
}
