import { withDefaults } from './interpolation';

/** An image reference split like Docker does: `[registry[:port]/]path[:tag][@digest]`. */
export interface ImageRef {
  raw: string;
  /** `registry:5000`, `ghcr.io`; undefined for Docker Hub. */
  registry?: string;
  /** Repository path without registry: `library/redis` is written `redis`, so this is `redis`. */
  path: string;
  /** Last path component, lower-cased: `redis`, `pgvector`, `postgres`. */
  name: string;
  tag?: string;
  digest?: string;
  /** The reference contains `${...}`: values are read with defaults, unknown parts kept as written. */
  interpolated: boolean;
}

export function parseImage(raw: string): ImageRef {
  const resolved = raw.includes('$') ? withDefaults(raw) ?? raw : raw;
  let rest = resolved.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) { digest = rest.slice(at + 1); rest = rest.slice(0, at); }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) { tag = rest.slice(colon + 1); rest = rest.slice(0, colon); }
  let registry: string | undefined;
  const firstSlash = rest.indexOf('/');
  if (firstSlash > 0) {
    const first = rest.slice(0, firstSlash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') { registry = first; rest = rest.slice(firstSlash + 1); }
  }
  const name = rest.slice(rest.lastIndexOf('/') + 1).toLowerCase();
  return { raw, registry, path: rest, name, tag, digest, interpolated: raw.includes('$') };
}
