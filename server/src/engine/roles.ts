import picomatch from 'picomatch/posix';
import type { Language } from './types';
import type { RolesConfig } from './config';
import { basename } from './paths';
import { ROLES, usedName, type Role } from '../../../common/file-kinds';
import type { Markup } from './markup';

export { ROLES, type Role };

export interface RoleInfo {
  role: Role;
  /** What decided: the team's `roles:` globs, a header comment, templating markup, the path, the compose files beside it, or nothing (production). */
  source: 'config' | 'header' | 'markup' | 'path' | 'project' | 'default';
  /** Why, for the hover and messages: `path segment "playwright"`. */
  reason: string;
  /** A template a tool renders (markup, envsubst `*.conf.template`): what is not markup is deployed as written. */
  rendered?: boolean;
}

/** The role of a file: config globs, then a header comment, then templating markup, then the path. */
export function roleOf(path: string, text: string, kind: Language | undefined, roles: RolesConfig, markup: Markup | undefined): RoleInfo {
  return byConfig(path, roles) ?? byHeader(text) ?? byMarkup(path, markup) ?? byPath(relativeTo(path, roles.root ?? roles.base), kind)
    ?? { role: 'production', source: 'default', reason: 'no test, development or template sign' };
}

const matchers = new Map<string, (p: string) => boolean>();

function byConfig(path: string, roles: RolesConfig): RoleInfo | undefined {
  const rel = relativeTo(path, roles.base);
  for (const role of ROLES) {
    for (const glob of roles.globs[role] ?? []) {
      let m = matchers.get(glob);
      if (!m) matchers.set(glob, m = picomatch(glob, { dot: true, basename: !glob.includes('/') }));
      if (m(rel)) return { role, source: 'config', reason: `roles.${role} glob "${glob}"` };
    }
  }
  return undefined;
}

function relativeTo(path: string, base: string | undefined): string {
  if (!base) return path.replace(/^\/+/, '');
  const b = base.endsWith('/') ? base : base + '/';
  return path.startsWith(b) ? path.slice(b.length) : path.replace(/^\/+/, '');
}

// ---- header comment -------------------------------------------------------------------

/** `CI` only in capitals: "ci" is a syllable of too many words. */
const HEADER_CI = /\bCI\b/;
const HEADER_TEST = /\b(?:continuous integration|e2e|end-to-end|integration tests?|test (?:suite|stack|harness|fixture|file)s?|for (?:testing|tests)|playwright|cypress)\b/i;
const HEADER_DEV = /\b(?:for (?:local )?development|development (?:only|stack|environment|setup|file|use)|(?:is|a) development|dev(?:elopment)? only|local (?:only|setup))\b|\bnot (?:be )?(?:used )?(?:meant )?(?:for|in) production\b|\bnot for production\b|\bnot production[- ]ready\b/i;
const HEADER_TEMPLATE = /\b(?:copy|rename) (?:this|it)(?: file)? (?:to|as|into)\b|\bcp \S+ \S*\.env\b|\bcopy (?:this|the) (?:file|template)\b/i;

/** The comment lines at the top of a file (within its first 15 lines): where authors say what a file is for. */
function headerComments(text: string): string {
  const out: string[] = [];
  const lines = text.slice(0, 4000).split('\n').slice(0, 15);
  for (const line of lines) {
    const t = line.trim();
    if (t.startsWith('#') || t.startsWith('//')) out.push(t.replace(/^(#|\/\/)+/, ''));
  }
  return out.join('\n');
}

function byHeader(text: string): RoleInfo | undefined {
  const head = headerComments(text);
  if (!head) return undefined;
  const quote = (m: RegExpExecArray) => `header comment "${m[0].trim()}"`;
  // "a CI file ... should not be used for production": the CI says which non-production it is.
  let m = HEADER_CI.exec(head) ?? HEADER_TEST.exec(head);
  if (m) return { role: 'test', source: 'header', reason: quote(m) };
  if ((m = HEADER_DEV.exec(head))) return { role: 'development', source: 'header', reason: quote(m) };
  if ((m = HEADER_TEMPLATE.exec(head))) return { role: 'template', source: 'header', reason: quote(m) };
  return undefined;
}

// ---- markup ---------------------------------------------------------------------------

function byMarkup(path: string, markup: Markup | undefined): RoleInfo | undefined {
  if (markup) return { role: 'template', source: 'markup', reason: `${markup.flavour} markup: rendered before use`, rendered: true };
  if (/\.(j2|jinja2?)$/i.test(basename(path))) return { role: 'template', source: 'markup', reason: 'a Jinja template (*.j2): rendered before use', rendered: true };
  return undefined;
}

// ---- path -----------------------------------------------------------------------------

const TEST_SEGMENTS = new Set(['test', 'tests', 'e2e', 'ci', 'fixtures', 'playwright', 'cypress', '.github', '__tests__', 'testdata']);
const DEV_SEGMENTS = new Set(['.devcontainer', 'dev', 'development', 'local']);
const TEST_WORDS = new Set(['test', 'tests', 'testing', 'ci', 'e2e']);
const DEV_WORDS = new Set(['dev', 'develop', 'development', 'local']);
const PROD_WORDS = new Set(['prod', 'production']);
const COPY_WORDS = new Set(['example', 'sample', 'template', 'dist', 'tmpl', 'tpl', 'default', 'defaults']);

function byPath(rel: string, kind: Language | undefined): RoleInfo | undefined {
  const segments = rel.split('/');
  const name = segments.pop() ?? '';
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i].toLowerCase();
    if (TEST_SEGMENTS.has(s)) return { role: 'test', source: 'path', reason: `path segment "${segments[i]}/"` };
    if (s === 'suites' && segments[i - 1]?.toLowerCase() === 'internal') return { role: 'test', source: 'path', reason: 'path "internal/suites/"' };
  }
  // `docker-compose.ci.mysql.yml`, `test-nginx.conf`, `.env.test`: a word of the name, not a syllable (`latest`).
  const words = name.toLowerCase().split(/[._-]+/).filter(Boolean);
  const word = (set: Set<string>) => words.find((w) => set.has(w));
  let w = word(TEST_WORDS);
  if (w) return { role: 'test', source: 'path', reason: `"${w}" in the name` };
  // `demo-setups/`, `demos/`: stacks for trying a project on a workstation, not deployments.
  for (const s of segments) if (DEV_SEGMENTS.has(s.toLowerCase()) || /^demos?([-_]|$)/i.test(s)) return { role: 'development', source: 'path', reason: `path segment "${s}/"` };
  // `.env.production.local` is production's own override, not a developer's file.
  if (!word(PROD_WORDS) && (w = word(DEV_WORDS))) return { role: 'development', source: 'path', reason: `"${w}" in the name` };
  return templateByName(name, words, kind);
}

function templateByName(name: string, words: string[], kind: Language | undefined): RoleInfo | undefined {
  if (/\.(sample|dist|example)$/i.test(name)) return { role: 'template', source: 'path', reason: `"${name.slice(name.lastIndexOf('.') + 1)}" in the name: a file to copy` };
  // nginx's official image renders `/etc/nginx/templates/*.template` with envsubst at start: only `${VAR}`s change.
  if (kind === 'nginx' && /\.(conf|nginx)\.template$|(^|[._-])template[._-]/i.test(name)) {
    return { role: 'template', source: 'path', reason: 'an envsubst template: rendered at container start', rendered: true };
  }
  const copy = words.find((x, i) => COPY_WORDS.has(x)
    // `example.com.conf` is a site named after the example domain, not a file to copy.
    && !(x === 'example' && /^(com|org|net)$/.test(words[i + 1] ?? ''))
    && !(x.startsWith('default') && kind !== 'env'));
  if (copy || usedName(name) !== name) return { role: 'template', source: 'path', reason: `"${copy ?? name.slice(usedName(name).length + 1)}" in the name: a file to copy` };
  return undefined;
}
