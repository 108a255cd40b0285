import type { FileHost, FileStat } from './host';
import type { Language } from './types';
import { LineIndex } from './text';
import { languageOf } from './files';

/** One file's text with its line index and, per language, its parse tree (computed once per text). */
export class SourceDocument {
  readonly lines: LineIndex;
  private readonly parses = new Map<string, unknown>();
  constructor(readonly path: string, readonly text: string, readonly version: number) {
    this.lines = new LineIndex(text);
  }
  get language(): Language | undefined { return languageOf(this.path, this.text); }
  /** Memoises any derivation of this exact text (parse trees, indexes) under a key. */
  memo<T>(key: string, compute: () => T): T {
    if (!this.parses.has(key)) this.parses.set(key, compute());
    return this.parses.get(key) as T;
  }
}

/**
 * Every file the engine may look at: open documents (which always win) over a host.
 * Disk reads are cached until `invalidate`; nothing here touches the disk for an open document.
 */
export class WorkspaceFiles {
  private readonly open = new Map<string, SourceDocument>();
  private readonly disk = new Map<string, SourceDocument | null>();
  private versionCounter = 0;

  constructor(readonly host: FileHost) {}

  setOpen(path: string, text: string): SourceDocument {
    const cur = this.open.get(path);
    if (cur && cur.text === text) return cur;
    const doc = new SourceDocument(path, text, ++this.versionCounter);
    this.open.set(path, doc);
    return doc;
  }

  close(path: string): void { this.open.delete(path); this.disk.delete(path); }

  isOpen(path: string): boolean { return this.open.has(path); }

  /** Forget what was read from disk for a path (changed on disk). */
  invalidate(path?: string): void {
    if (path === undefined) this.disk.clear(); else this.disk.delete(path);
  }

  document(path: string): SourceDocument | undefined {
    const o = this.open.get(path);
    if (o) return o;
    if (this.disk.has(path)) return this.disk.get(path) ?? undefined;
    const text = this.host.readFile(path);
    const doc = text === undefined ? null : new SourceDocument(path, text, ++this.versionCounter);
    this.disk.set(path, doc);
    return doc ?? undefined;
  }

  readFile(path: string): string | undefined { return this.document(path)?.text; }

  exists(path: string): boolean { return this.open.has(path) || this.document(path) !== undefined; }

  stat(path: string): FileStat | undefined { return this.host.stat(path); }

  readDir(path: string): string[] | undefined {
    const names = new Set(this.host.readDir(path) ?? []);
    const prefix = path.endsWith('/') ? path : path + '/';
    for (const p of this.open.keys()) if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]);
    return names.size ? [...names].sort() : this.host.readDir(path);
  }

  openPaths(): string[] { return [...this.open.keys()]; }
}
