/** The workspace folder holding a file (the deepest one), if any. */
export function folderOf(folders: readonly string[], path: string): string | undefined {
  let best: string | undefined;
  for (const f of folders) if (path.startsWith(f.endsWith('/') ? f : f + '/') && (!best || f.length > best.length)) best = f;
  return best;
}
