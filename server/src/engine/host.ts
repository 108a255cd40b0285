/**
 * The engine never touches the disk itself: the CLI and the server hand it a host.
 * Tests use the in-memory host. Paths are absolute, with forward slashes.
 */
export interface FileStat { mode: number; isFile: boolean; isDirectory: boolean }

export interface FileHost {
  readFile(path: string): string | undefined;
  stat(path: string): FileStat | undefined;
  /** Entry names of a folder, or undefined when it is not one. */
  readDir(path: string): string[] | undefined;
}

export class MemoryHost implements FileHost {
  private readonly files = new Map<string, { text: string; mode: number }>();

  constructor(files: Record<string, string> = {}) {
    for (const [p, t] of Object.entries(files)) this.set(p, t);
  }

  set(path: string, text: string, mode = 0o644): this {
    this.files.set(path, { text, mode });
    return this;
  }

  delete(path: string): void { this.files.delete(path); }

  readFile(path: string): string | undefined { return this.files.get(path)?.text; }

  stat(path: string): FileStat | undefined {
    const f = this.files.get(path);
    if (f) return { mode: f.mode, isFile: true, isDirectory: false };
    return this.readDir(path) ? { mode: 0o755, isFile: false, isDirectory: true } : undefined;
  }

  readDir(path: string): string[] | undefined {
    const prefix = path.endsWith('/') ? path : path + '/';
    const names = new Set<string>();
    for (const p of this.files.keys()) {
      if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]);
    }
    return names.size ? [...names].sort() : undefined;
  }

  paths(): string[] { return [...this.files.keys()].sort(); }
}
