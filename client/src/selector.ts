import { KIND_GLOBS } from '../../common/file-kinds';

/**
 * Which documents the server sees (ARCHITECTURE.md, File kinds): by language id AND by file pattern, because other
 * extensions (or none) decide what language a compose, nginx or env file opens as. The patterns come
 * from the kinds table (common/file-kinds.ts); the server makes the final call from the name and content, so a
 * pattern that is too wide costs nothing but a message.
 */
export interface DocumentFilter { language?: string; scheme?: string; pattern?: string }

export const COMPOSE_PATTERNS = KIND_GLOBS.compose;
export const ENV_PATTERNS = KIND_GLOBS.env;
export const NGINX_PATTERNS = KIND_GLOBS.nginx;

export const DOCUMENT_SELECTOR: DocumentFilter[] = [
  { language: 'dockercompose' },
  { language: 'nginx' },
  { language: 'NGINX' },
  { language: 'dotenv' },
  // Compose recognised by content only (`etherpad.yml`) is linted by the workspace scan, not sent while typing:
  // every YAML document of the workspace would otherwise go to the server.
  ...COMPOSE_PATTERNS.map((pattern) => ({ language: 'yaml', pattern })),
  ...ENV_PATTERNS.flatMap((pattern) => [{ language: 'properties', pattern }, { language: 'plaintext', pattern }]),
  ...[...COMPOSE_PATTERNS, ...ENV_PATTERNS, ...NGINX_PATTERNS].map((pattern) => ({ pattern })),
];

/** Language ids of nginx documents (ours and other extensions'). */
export const NGINX_LANGUAGE_IDS = new Set(['nginx', 'NGINX']);
