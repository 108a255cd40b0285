/**
 * Which documents the server sees (SPEC §2): by language id AND by file pattern, because other
 * extensions (or none) decide what language a compose, nginx or env file opens as. The server makes
 * the final call from the name and content, so a pattern that is too wide costs nothing but a message.
 */
export interface DocumentFilter { language?: string; scheme?: string; pattern?: string }

export const COMPOSE_PATTERN = '**/{docker-compose*,compose*,*.compose}.{yml,yaml}';
export const ENV_PATTERN = '**/{.env,.env.*,*.env}';
export const NGINX_PATTERNS = [
  '**/nginx.conf', '**/*.nginx', '**/*.conf.template',
  '**/{nginx,conf.d,sites-available,sites-enabled,snippets}/*',
  // Any *.conf: the server keeps it when its content has server/http/location blocks.
  '**/*.conf',
];

export const DOCUMENT_SELECTOR: DocumentFilter[] = [
  { language: 'dockercompose' },
  { language: 'nginx' },
  { language: 'NGINX' },
  { language: 'dotenv' },
  { language: 'yaml', pattern: COMPOSE_PATTERN },
  { language: 'properties', pattern: ENV_PATTERN },
  { language: 'plaintext', pattern: ENV_PATTERN },
  { pattern: COMPOSE_PATTERN },
  { pattern: ENV_PATTERN },
  ...NGINX_PATTERNS.map((pattern) => ({ pattern })),
];

/** Language ids of nginx documents (ours and other extensions'). */
export const NGINX_LANGUAGE_IDS = new Set(['nginx', 'NGINX']);
