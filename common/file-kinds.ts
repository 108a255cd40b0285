/**
 * Which deployment file a path is, and the roles a file can play: the one table the CLI walk, the editor's workspace scan,
 * its file watcher and the client's document selector all read. Names are a first guess, content
 * decides. No imports: the client bundles this file too.
 */

export type FileKind = 'compose' | 'nginx' | 'env';

/**
 * What a file is for: findings must be true for the file as it will be used.
 * production: deployed as written; development: a developer's machine; test: CI and test suites;
 * template: copied or rendered before use.
 */
export type Role = 'production' | 'development' | 'test' | 'template';
export const ROLES: readonly Role[] = ['production', 'development', 'test', 'template'];

const COMPOSE_NAME = /^(docker-compose.*|compose.*|.*\.compose)\.ya?ml$/i;
/** Folders whose files are nginx when their content agrees (extensionless vhosts, `*.conf.sample` ...). */
export const NGINX_FOLDERS = ['nginx', 'conf.d', 'sites-available', 'sites-enabled', 'snippets'];
const NGINX_FOLDER_SET = new Set(NGINX_FOLDERS);
/** `*.j2`, `*.sample` ...: suffixes a renderer or a user strips before the file is used. */
const TEMPLATE_SUFFIX = /\.(j2|jinja2?|sample|dist|tmpl|tpl|template|example)$/i;
/** Templates without the leading dot (`env.example` in jitsi and Mattermost, `app.env.example`, `*.env.dist`). */
const ENV_TEMPLATE_NAME = /^(?:.+\.)?env\.(?:example|sample|template|tmpl|tpl|dist|defaults?)$/i;

function basename(p: string): string { return p.slice(p.lastIndexOf('/') + 1); }
function parentName(p: string): string {
  const parts = p.split('/');
  return parts.length > 1 ? parts[parts.length - 2] : '';
}

/** A compose file's name (any folder): `docker-compose*.yml`, `compose*.yaml`, `*.compose.yml`. */
export function isComposeName(name: string): boolean { return COMPOSE_NAME.test(name); }

export function isEnvName(name: string): boolean {
  return name === '.env' || name.startsWith('.env.') || /\.env$/i.test(name) || ENV_TEMPLATE_NAME.test(name);
}

/** The name the file has once rendered or copied: `nginx.conf.j2` -> `nginx.conf`. */
export function usedName(name: string): string {
  const stripped = name.replace(TEMPLATE_SUFFIX, '');
  return stripped && stripped !== name && !stripped.startsWith('.') ? stripped : name;
}

/** How strongly a name says nginx: `certain` names are nginx whatever they hold; `candidate`s when the content agrees. */
function nginxByName(path: string): 'certain' | 'likely' | 'candidate' | undefined {
  const name = basename(path);
  const used = usedName(name);
  if (used === 'nginx.conf' || /\.nginx$/i.test(used) || /\.(conf|nginx)\.template$/i.test(name)) return 'certain';
  const inFolder = NGINX_FOLDER_SET.has(parentName(path));
  if (/\.conf$/i.test(name)) return inFolder ? 'likely' : 'candidate';
  if (used !== name && /\.conf$/i.test(used)) return 'candidate';
  if (inFolder || !name.includes('.')) return 'candidate';
  return undefined;
}

/**
 * The kind of a file from its path and, when given, its content. Without `text` only names that
 * decide alone answer; callers that can read the file pass it (see `needsContent`).
 */
export function kindOf(path: string, text?: string): FileKind | undefined {
  const name = basename(path);
  if (isEnvName(name)) return 'env';
  const used = usedName(name);
  if (isComposeName(used)) return 'compose';
  const nginx = nginxByName(path);
  if (nginx === 'certain') return text === undefined || sniffNginx(text) !== 'other' ? 'nginx' : undefined;
  if (nginx && text !== undefined) {
    const s = sniffNginx(text);
    if (s === 'nginx' || (s === 'empty' && nginx === 'likely')) return 'nginx';
    return undefined;
  }
  if (nginx === 'likely') return 'nginx';
  if (text !== undefined && /\.ya?ml$/i.test(used) && looksLikeCompose(text)) return 'compose';
  return undefined;
}

/** Whether a name can be an nginx file at all (the content decides the rest): other files are not read. */
export function mightBeNginx(path: string): boolean { return nginxByName(path) !== undefined; }

/** Whether the walk must read a file to know its kind (the name alone does not decide). */
export function needsContent(path: string): boolean {
  if (kindOf(path) !== undefined && nginxByName(path) !== 'likely') return false;
  return mightBeDeployFile(path);
}

/** Files the CLI and the workspace scan look at: any file that might be one of ours by name. */
export function mightBeDeployFile(path: string): boolean {
  const name = basename(path);
  if (/^readme(\.|$)/i.test(name) || /\.(md|txt|html?|json|js|ts|py|sh|go|rs|lock|png|jpe?g|svg|gif|ico|pdf)$/i.test(name)) return false;
  return isEnvName(name) || isComposeName(usedName(name)) || nginxByName(path) !== undefined || /\.ya?ml$/i.test(usedName(name));
}

// ---- content --------------------------------------------------------------------------

/** A line the renderer consumes: `{% if %}`, `{{ end }}`, `{# note #}`. */
const MARKUP_LINE = /^\s*(\{%.*%\}|\{\{-?\s*(if|else|end|range|with|define|block|template|for|endfor|endif)\b.*\}\}|\{#.*#\})\s*$/;
const APACHE_SECTION = /^\s*<\/?(VirtualHost|Directory|IfModule|Location|Files|Proxy)\b/im;
/** Apache's own capitalisation: nginx's `listen 80` missing its `;` is a typo, not Apache. */
const APACHE_DIRECTIVE = /^\s*((ServerName|ServerAlias|DocumentRoot|LoadModule|ProxyPass|SSLEngine|RewriteEngine)\s|Listen\s+[\w.:[\]]+\s*$)/m;
const INI_SECTION = /^\s*\[[^\]\n]+\]\s*$/m;
/** The first character of a line that `APACHE_SECTION` (1), `APACHE_DIRECTIVE` (2) or `INI_SECTION` (4) can match. */
const OTHER_START = new Map([[60, 1], ...[...'SDLPR'].map((c) => [c.charCodeAt(0), 2] as const), [91, 4]]);
const OTHER_STARTS = 7;
/** Directives nearly every nginx file has one of: proof that `;`-terminated lines are nginx, not C or shell. */
const NGINX_WORDS = new Set([
  'server', 'http', 'events', 'stream', 'location', 'upstream', 'map', 'geo', 'if', 'listen', 'server_name', 'root', 'alias', 'index',
  'include', 'proxy_pass', 'proxy_set_header', 'proxy_redirect', 'proxy_http_version', 'proxy_buffering', 'proxy_cache', 'proxy_read_timeout',
  'fastcgi_pass', 'fastcgi_param', 'uwsgi_pass', 'grpc_pass', 'add_header', 'more_set_headers', 'return', 'rewrite', 'try_files', 'error_page',
  'access_log', 'error_log', 'ssl_certificate', 'ssl_certificate_key', 'ssl_protocols', 'ssl_ciphers', 'ssl_session_cache', 'ssl_stapling',
  'ssl_session_tickets', 'ssl_prefer_server_ciphers', 'client_max_body_size', 'gzip', 'gzip_types', 'expires', 'charset', 'default_type',
  'types', 'sendfile', 'keepalive_timeout', 'worker_processes', 'worker_connections', 'user', 'pid', 'resolver', 'set', 'limit_req',
  'limit_req_zone', 'auth_basic', 'auth_request', 'allow', 'deny', 'autoindex', 'server_tokens', 'real_ip_header', 'set_real_ip_from', 'etag',
]);

/** What a file's content says: nginx, something else (Apache, ini, prose), or nothing yet (empty or comments only). */
export function sniffNginx(text: string): 'nginx' | 'other' | 'empty' {
  const sample = text.slice(0, 64 * 1024);
  let statements = 0; let shaped = 0; let known = 0;
  // What the lines start with, for the patterns of other formats below: each runs only when a line starts as it
  // needs (the editor sniffs a document on every keystroke). A CR or a Unicode line separator starts a line for
  // their `^` too, which the lines below do not show: then they all run.
  let starts = sample.includes('\r') || sample.includes('\u2028') || sample.includes('\u2029') ? OTHER_STARTS : 0;
  for (const raw of sample.split('\n')) {
    if (raw.includes('{') && MARKUP_LINE.test(raw)) continue;
    const line = (raw.includes('#') ? raw.replace(/(^|\s)#.*$/, '') : raw).trim();
    if (!line) continue;
    statements++;
    const first = line.charCodeAt(0);
    starts |= OTHER_START.get(first) ?? 0;
    const last = line.charCodeAt(line.length - 1);
    if (last === 59 /* ; */ || last === 123 /* { */ || last === 125 /* } */ || first === 125) shaped++;
    if (first !== 95 /* _ */ && (first < 97 || first > 122)) continue;
    const word = /^([a-z_][a-z0-9_]*)(\s|\{|;|$)/.exec(line)?.[1];
    if (word && NGINX_WORDS.has(word) && (line.includes(';') || line.includes('{')) && !/^\S+\s*=/.test(line)) known++;
  }
  if (((starts & 1) && APACHE_SECTION.test(sample)) || ((starts & 2) && APACHE_DIRECTIVE.test(sample)) || ((starts & 4) && INI_SECTION.test(sample))) return 'other';
  if (!statements) return 'empty';
  // Half: multi-line directives (log_format, a long CSP, a resolver list) leave unterminated lines.
  return known > 0 && shaped / statements >= 0.5 ? 'nginx' : 'other';
}

/** A compose file by content: a top-level `services:` map whose entries have `image:` or `build:` (ARCHITECTURE.md, File kinds). */
export function looksLikeCompose(text: string): boolean {
  const sample = text.slice(0, 256 * 1024);
  const at = /^services:[ \t]*(#.*)?$/m.exec(sample);
  if (!at) return false;
  const rest = sample.slice(at.index + at[0].length);
  const end = /^\S/m.exec(rest.replace(/^\n/, ''));
  const body = end ? rest.slice(0, end.index + 1) : rest;
  return /^[ \t]+(image|build)[ \t]*:/m.test(body);
}

// ---- globs for editors -------------------------------------------------------------------

/** What the client sends to the server and the server watches: a superset, the server decides by content. */
export const KIND_GLOBS: Record<FileKind, string[]> = {
  compose: ['**/{docker-compose*,compose*,*.compose}.{yml,yaml}', '**/{docker-compose*,compose*,*.compose}.{yml,yaml}.{j2,sample,dist,template,example}'],
  env: ['**/{.env,.env.*,*.env}', '**/{env,*.env}.{example,sample,template,tmpl,tpl,dist,default,defaults}'],
  nginx: [
    '**/nginx.conf', '**/*.nginx', '**/*.conf', '**/*.{conf,nginx}.{template,sample,dist,j2}',
    `**/{${NGINX_FOLDERS.join(',')}}/*`,
  ],
};
