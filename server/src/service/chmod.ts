import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { enginePath } from '../node/host';

export type ChmodResult = { ok: true; path: string } | { ok: false; reason: string };

/**
 * `deploylint.chmod600`: makes a key or env file readable by its owner only. POSIX only; the
 * argument must name an existing regular file (a symlink is followed to its target, like chmod).
 */
export function chmod600(arg: unknown): ChmodResult {
  if (process.platform === 'win32') return { ok: false, reason: 'file modes are POSIX only; restrict access with the file\'s security settings on Windows' };
  let p = typeof arg === 'string' ? arg : undefined;
  if (p?.startsWith('file:')) {
    try { p = fileURLToPath(p); } catch { p = undefined; }
  }
  if (!p || !path.isAbsolute(p)) return { ok: false, reason: 'expected the absolute path of a file' };
  try {
    const real = fs.realpathSync(p);
    if (!fs.statSync(real).isFile()) return { ok: false, reason: 'not a regular file' };
    fs.chmodSync(real, 0o600);
    return { ok: true, path: enginePath(p) };
  } catch (e) {
    return { ok: false, reason: (e as NodeJS.ErrnoException).code ?? 'chmod failed' };
  }
}
