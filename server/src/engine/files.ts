import type { Language } from './types';
import { basename, dirname } from './paths';

const COMPOSE_NAME = /^(docker-compose.*|compose.*|.*\.compose)\.ya?ml$/i;
const NGINX_FOLDERS = new Set(['nginx', 'conf.d', 'sites-available', 'sites-enabled', 'snippets']);
const NGINX_CONTENT = /(^|[\s;{}])(server|http|location)\s*[^;{}]*\{/m;

/** Which kind of deployment file a path is (SPEC §2), or undefined. `text` lets content decide for `*.conf`. */
/** A compose file's name (any folder): `docker-compose*.yml`, `compose*.yaml`, `*.compose.yml`. */
export function isComposeName(name: string): boolean { return COMPOSE_NAME.test(name); }

export function languageOf(path: string, text?: string): Language | undefined {
  const name = basename(path);
  if (COMPOSE_NAME.test(name)) return 'compose';
  if (isEnvName(name)) return 'env';
  if (name === 'nginx.conf' || /\.nginx$/i.test(name) || /\.conf\.template$/i.test(name)) return 'nginx';
  if (/\.conf$/i.test(name)) {
    if (NGINX_FOLDERS.has(basename(dirname(path)))) return 'nginx';
    if (text !== undefined && NGINX_CONTENT.test(stripComments(text))) return 'nginx';
  }
  return undefined;
}

/** Templates without the leading dot (`env.example` in jitsi and Mattermost, `app.env.example`, `*.env.dist`). */
const ENV_TEMPLATE_NAME = /^(?:.+\.)?env\.(?:example|sample|template|tmpl|tpl|dist|defaults?)$/i;

function isEnvName(name: string): boolean {
  return name === '.env' || name.startsWith('.env.') || /\.env$/i.test(name) || ENV_TEMPLATE_NAME.test(name);
}

function stripComments(text: string): string {
  return text.slice(0, 200_000).replace(/#[^\n]*/g, '');
}

/** `.env.example`, `.env.sample`, `*.env.dist`, anything named example/sample/template (SPEC §2). */
export function isTemplateFile(path: string): boolean {
  const name = basename(path).toLowerCase();
  return /example|sample|template|\.dist$|\.defaults?$/.test(name);
}

/** Files the CLI and the workspace scan look at: any file that might be one of ours by name. */
export function mightBeDeployFile(path: string): boolean {
  const name = basename(path);
  return COMPOSE_NAME.test(name) || isEnvName(name) || name === 'nginx.conf' || /\.(nginx|conf|conf\.template)$/i.test(name);
}
