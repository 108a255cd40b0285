import type { WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { collectFiles } from '../node/walk';
import type { ServerSettings } from './settings';
import { isVirtualPath, pathToUri } from './uri';

export interface ScanHost {
  folders(): string[];
  settingsFor(uri: string): Promise<ServerSettings>;
  isOpen(path: string): boolean;
  /** Lints a file from disk and publishes its diagnostics. */
  lintDiskFile(path: string): Promise<void>;
  /** Publishes no diagnostics for a file that left the scan. */
  clear(path: string): void;
  progress(): Promise<WorkDoneProgressServerReporter | undefined>;
}

/**
 * deploylint.workspaceScan: lints every deployment file of the folders that enable it (what the CLI
 * would walk: no node_modules, .gitignore respected), with progress, yielding between batches.
 */
export class WorkspaceScanner {
  /** Files on disk whose diagnostics the scan publishes (open documents are linted as documents). */
  readonly scanned = new Set<string>();
  private running = false;

  constructor(private readonly host: ScanHost) {}

  has(path: string): boolean { return this.scanned.has(path); }

  async scan(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const folders: string[] = [];
      for (const f of this.host.folders()) {
        if (!isVirtualPath(f) && (await this.host.settingsFor(pathToUri(f))).workspaceScan) folders.push(f);
      }
      const files = folders.length ? collectFiles(folders).files : [];
      const keep = new Set(files);
      for (const p of this.scanned) {
        if (keep.has(p)) continue;
        this.scanned.delete(p);
        if (!this.host.isOpen(p)) this.host.clear(p);
      }
      if (!files.length) return;
      const progress = await this.host.progress();
      progress?.begin('deploylint', 0, `Scanning ${files.length} files`, false);
      for (let i = 0; i < files.length; i++) {
        this.scanned.add(files[i]);
        if (!this.host.isOpen(files[i])) await this.host.lintDiskFile(files[i]);
        if (i % 20 === 19) {
          progress?.report(Math.round(((i + 1) / files.length) * 100), `${i + 1}/${files.length}`);
          await new Promise((r) => setImmediate(r));
        }
      }
      progress?.done();
    } finally {
      this.running = false;
    }
  }
}
