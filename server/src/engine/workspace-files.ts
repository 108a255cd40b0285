import type { FileHost, FileStat } from './host';
import type { Language } from './types';
import { LineIndex } from './text';
import { languageOf } from './files';

/** One file's text with its line index and, per language, its parse tree (computed once per text). */
export class SourceDocument {
  private lineIndex: LineIndex | undefined;
  private readonly parses = new Map<string, unknown>();
  /** The version this one replaced in the editor, until this one computes something (see `previous`). */
  private before: SourceDocument | undefined;
  constructor(readonly path: string, readonly text: string, readonly version: number, replaced?: SourceDocument) {
    // The newest version that was parsed: a burst of edits nobody linted does not build a chain.
    this.before = replaced && (replaced.parses.size ? replaced : replaced.before);
  }
  /** Built on first use: a file read only for what it defines (a `.env`, an include) never needs it. */
  get lines(): LineIndex { return this.lineIndex ??= new LineIndex(this.text); }
  private kind: Language | null | undefined;
  /** Decided once per text: content sniffing reads up to 64 KB, and config lookups ask for every sibling. */
  get language(): Language | undefined {
    if (this.kind === undefined) this.kind = languageOf(this.path, this.text) ?? null;
    return this.kind ?? undefined;
  }
  /** Memoises any derivation of this exact text (parse trees, indexes) under a key. */
  memo<T>(key: string, compute: () => T): T {
    if (!this.parses.has(key)) {
      this.parses.set(key, compute());
      this.before = undefined;
    }
    return this.parses.get(key) as T;
  }
  /** What the replaced version memoised under `key`, for a parser that reuses its unchanged parts. */
  previous<T>(key: string): T | undefined {
    return this.before?.parses.get(key) as T | undefined;
  }
}

/**
 * Every file the engine may look at: open documents (which always win) over a host.
 * Disk reads are cached until `invalidate`; nothing here touches the disk for an open document.
 */
export class WorkspaceFiles {
  private readonly open = new Map<string, SourceDocument>();
  private readonly disk = new Map<string, SourceDocument | null>();
  private readonly stats = new Map<string, FileStat | null>();
  private readonly dirs = new Map<string, string[] | null>();
  private versionCounter = 0;
  /** Paths read while a lint is being tracked (see `track`); folders end with '/'. */
  private readonly readers: Set<string>[] = [];

  constructor(readonly host: FileHost) {}

  /** Runs `fn` and returns, with its result, every path it read: the lint's dependencies. */
  track<T>(fn: () => T): { result: T; reads: Set<string> } {
    const reads = new Set<string>();
    this.readers.push(reads);
    try {
      return { result: fn(), reads };
    } finally {
      this.readers.splice(this.readers.indexOf(reads), 1);
    }
  }

  private note(path: string): void {
    for (const r of this.readers) r.add(path);
  }

  setOpen(path: string, text: string): SourceDocument {
    const cur = this.open.get(path);
    if (cur && cur.text === text) return cur;
    const doc = new SourceDocument(path, text, ++this.versionCounter, cur);
    this.open.set(path, doc);
    return doc;
  }

  close(path: string): void { this.open.delete(path); this.invalidate(path); }

  isOpen(path: string): boolean { return this.open.has(path); }

  /** Forget what was read from disk for a path (changed on disk). */
  invalidate(path?: string): void {
    if (path === undefined) {
      this.disk.clear(); this.stats.clear(); this.dirs.clear();
      return;
    }
    this.disk.delete(path);
    this.stats.delete(path);
    this.dirs.delete(path);
    // A file created or deleted changes its folder's listing.
    this.dirs.delete(path.replace(/\/[^/]*$/, '') || '/');
  }

  document(path: string): SourceDocument | undefined {
    this.note(path);
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

  /** Cached like file contents: the keystroke path never waits on the disk twice. */
  stat(path: string): FileStat | undefined {
    this.note(path);
    if (!this.stats.has(path)) this.stats.set(path, this.host.stat(path) ?? null);
    const st = this.stats.get(path) ?? undefined;
    if (!st && this.open.has(path)) return { mode: 0o600, isFile: true, isDirectory: false };
    return st;
  }

  readDir(path: string): string[] | undefined {
    this.note(path.endsWith('/') ? path : path + '/');
    if (!this.dirs.has(path)) this.dirs.set(path, this.host.readDir(path) ?? null);
    const onDisk = this.dirs.get(path) ?? undefined;
    const names = new Set(onDisk ?? []);
    const prefix = path.endsWith('/') ? path : path + '/';
    for (const p of this.open.keys()) if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]);
    return names.size ? [...names].sort() : onDisk;
  }

  openPaths(): string[] { return [...this.open.keys()]; }
}
