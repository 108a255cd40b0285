import { languageOf, type Language } from '../engine';

/**
 * Editors name these files differently (VS Code: `dockercompose`, `yaml`, `dotenv`, `properties`,
 * `plaintext`...). The file name and content decide first; the editor's id only settles files
 * whose name says nothing (an untitled nginx buffer, `proxy.inc` set to NGINX by hand).
 */
const BY_LANGUAGE_ID: Record<string, Language> = {
  dockercompose: 'compose',
  'docker-compose': 'compose',
  nginx: 'nginx',
  NGINX: 'nginx',
  dotenv: 'env',
  env: 'env',
};

export function languageFor(path: string, text: string, languageId?: string): Language | undefined {
  return languageOf(path, text) ?? (languageId ? BY_LANGUAGE_ID[languageId] : undefined);
}
