/**
 * Environment keys an image version no longer reads, one row each, with where that is documented. A
 * weak value there is not a live credential as deployed, only one a pinned older image would use.
 */
import type { ImageRef } from '../parse/compose-image';

export interface IgnoredSetting {
  product: string;
  /** Repository paths (without registry). */
  paths: string[];
  key: RegExp;
  /** Whether the tag runs a version that ignores the key (no tag is `latest`). */
  ignoredBy: (tag: string) => boolean;
  /** The versions that ignore it, and what they read instead. */
  since: string;
  instead: string;
  source: string;
}

export const IGNORED_SETTINGS: IgnoredSetting[] = [
  {
    // Pi-hole v6 (tags 2025.02.0 and later) reads FTLCONF_webserver_api_password, and sets a random password when it is unset.
    product: 'Pi-hole', paths: ['pihole/pihole'], key: /^WEBPASSWORD$/,
    ignoredBy: (tag) => /^(latest|nightly|development)$/.test(tag) || (/^(\d{4})\./.test(tag) && Number(tag.slice(0, 4)) >= 2025),
    since: 'Pi-hole v6', instead: 'FTLCONF_webserver_api_password (unset, v6 sets a random password)',
    source: 'https://docs.pi-hole.net/docker/upgrading/v5-v6/',
  },
];

/** The row saying `image` ignores `key`, or undefined when it reads it (or the tag cannot be known). */
export function ignoredSetting(image: ImageRef | undefined, key: string): IgnoredSetting | undefined {
  if (!image || image.digest) return undefined;
  const path = image.path.toLowerCase().replace(/^library\//, '');
  const tag = image.tag ?? 'latest';
  if (tag.includes('$')) return undefined;
  return IGNORED_SETTINGS.find((s) => s.paths.includes(path) && s.key.test(key) && s.ignoredBy(tag.toLowerCase()));
}
