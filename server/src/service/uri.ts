import { fileURLToPath, pathToFileURL } from 'node:url';
import { enginePath } from '../node/host';

/**
 * Documents that are not on disk (untitled, virtual workspaces) get an engine path under this
 * root so the engine can still lint them; no host file can live there, so nothing is read for them.
 */
export const VIRTUAL_ROOT = '/:deploylint-virtual:';

/** Engine paths are absolute and use '/', on every OS. */
export function uriToPath(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return enginePath(fileURLToPath(uri));
    } catch { /* malformed file URI: treat as virtual */ }
  }
  const m = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/]*))?(.*)$/.exec(uri);
  if (!m) return `${VIRTUAL_ROOT}/unknown/${encodeURIComponent(uri)}`;
  const [, scheme, authority = '', rest] = m;
  const path = decodeSafe(rest.split(/[?#]/)[0]);
  return `${VIRTUAL_ROOT}/${scheme}/${encodeURIComponent(authority)}${path.startsWith('/') ? '' : '/'}${path}`;
}

export function isVirtualPath(path: string): boolean {
  return path.startsWith(VIRTUAL_ROOT + '/');
}

/**
 * The URI of an engine path. Open documents keep the exact URI the client sent (`known`);
 * other files are on disk.
 */
export function pathToUri(path: string, known?: (path: string) => string | undefined): string {
  const k = known?.(path);
  if (k) return k;
  if (isVirtualPath(path)) {
    const m = /^\/([^/]+)\/([^/]*)(.*)$/.exec(path.slice(VIRTUAL_ROOT.length));
    if (m) return `${m[1]}://${decodeSafe(m[2])}${m[3]}`;
  }
  return pathToFileURL(path).href;
}

function decodeSafe(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}
