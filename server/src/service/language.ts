import { languageOf, type Language } from '../engine';
import { isVirtualPath } from './uri';

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
  // An untitled buffer's name (`Untitled-1`) is no file name: its content is not sniffed, the user's language choice decides.
  const byName = isVirtualPath(path) ? languageOf(path) : languageOf(path, text);
  return byName ?? (languageId ? BY_LANGUAGE_ID[languageId] : undefined);
}
