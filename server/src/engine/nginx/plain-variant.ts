import { basename } from '../paths';

/**
 * A file whose name says it is the plain-HTTP variant (`no-ssl.example.com.conf`, `site.http-only.conf`):
 * its author serves plain HTTP on purpose, as the alternative to a TLS file enabled instead of it.
 * Returns the word of the name that says so.
 */
export function plainVariantWord(path: string): string | undefined {
  return /(?:^|[._-])(no[-_]?ssl|non[-_]?ssl|no[-_]?tls|no[-_]?https|http[-_]?only)(?=[._-]|$)/i.exec(basename(path))?.[1];
}

/** The note a plain-HTTP finding carries in such a file, whose severity is then info. */
export function plainVariantNote(word: string): string {
  return ` The file's name ("${word}") marks it the plain-HTTP variant: enable the TLS one in production.`;
}
