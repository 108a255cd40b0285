import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileHost, FileStat } from '../engine/host';
import { MAX_FILE_BYTES } from '../engine/lint';

/** The engine's view of the real disk, used by the CLI and the language server. Paths use '/'. */
export class NodeHost implements FileHost {
  // Rules ask for many files that do not exist (a key path per server, a .gitignore per folder):
  // `throwIfNoEntry: false` answers those without building an exception, a third of the cost.
  readFile(p: string): string | undefined {
    try {
      const st = fs.statSync(toOs(p), { throwIfNoEntry: false });
      if (!st?.isFile()) return undefined;
      // Larger files still load (the engine reports them as skipped) but a huge one is cut short.
      if (st.size > MAX_FILE_BYTES + 1) return readHead(toOs(p), MAX_FILE_BYTES + 1);
      return fs.readFileSync(toOs(p), 'utf8');
    } catch {
      return undefined;
    }
  }

  stat(p: string): FileStat | undefined {
    try {
      const st = fs.statSync(toOs(p), { throwIfNoEntry: false });
      return st && { mode: st.mode & 0o7777, isFile: st.isFile(), isDirectory: st.isDirectory() };
    } catch {
      return undefined;
    }
  }

  readDir(p: string): string[] | undefined {
    try { return fs.readdirSync(toOs(p)).sort(); } catch { return undefined; }
  }
}

function readHead(p: string, bytes: number): string {
  const fd = fs.openSync(p, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = fs.readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

function toOs(p: string): string { return path.sep === '/' ? p : p.replace(/\//g, path.sep); }

/** An absolute engine path ('/'-separated) for an OS path. */
export function enginePath(osPath: string): string {
  return path.resolve(osPath).split(path.sep).join('/');
}

/** Writes a file atomically: a temp file beside it, then rename. A new file gets `newFileMode`. */
export function writeFileAtomic(p: string, text: string, newFileMode?: number): void {
  const os = toOs(p);
  const tmp = `${os}.deploylint-${process.pid}.tmp`;
  let mode: number | undefined;
  try { mode = fs.statSync(os).mode & 0o7777; } catch { /* new file */ }
  mode ??= newFileMode;
  fs.writeFileSync(tmp, text, mode === undefined ? undefined : { mode });
  // The umask may have narrowed the mode given at creation: an existing file keeps exactly its own.
  if (mode !== undefined) fs.chmodSync(tmp, mode);
  fs.renameSync(tmp, os);
}
