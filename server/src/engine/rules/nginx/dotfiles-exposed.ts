import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { isAcmeLocation, serverLabel, servesContent } from '../../nginx/servers';
import { childIndent, indentUnit, insertInBlock } from '../../nginx/edit';
import { effectiveDirective } from '../../nginx/inherit';
import { findBlocks, someNode, type ConfNode } from '../../nginx/tree';
import { eolOf } from '../../text';

const PROBES = ['/.git/config', '/.env'];
const HANDLED_ELSEWHERE = /^(proxy|fastcgi|uwsgi|scgi|grpc)_pass$|^return$/;

/** Whether a request for `uri` would end in a location that denies it (regex locations win over prefixes). */
function denies(loc: ConfNode, uri: string): boolean {
  const [mod, pattern] = loc.args.map((a) => a.value);
  const kids = loc.children ?? [];
  const refuses = kids.some((c) => (c.name === 'deny' && c.args[0]?.value === 'all') || (c.name === 'return' && /^4\d\d$/.test(c.args[0]?.value ?? '')));
  if (!refuses) return false;
  if ((mod === '~' || mod === '~*') && pattern !== undefined) {
    try { return new RegExp(pattern, mod === '~*' ? 'i' : '').test(uri); } catch { return true; }
  }
  // A prefix location only wins when no regex matches; good enough for a dot-folder rule like `location /.git`.
  const prefix = mod === '^~' || mod === '=' ? pattern : mod;
  return prefix !== undefined && prefix.startsWith('/.') && (mod === '=' ? uri === prefix : uri.startsWith(prefix));
}

/** A server that answers some requests from files on disk (a `root` in force and a location that does not pass or return). */
function servesFiles(server: ConfNode, top: readonly ConfNode[]): boolean {
  const hasRoot = someNode(server.children ?? [], (n) => n.name === 'root') || !!effectiveDirective(server, 'root', top);
  if (!hasRoot || !servesContent(server)) return false;
  const locations = findBlocks(server.children ?? [], (n) => n.name === 'location' && !isAcmeLocation(n));
  const direct = (b: ConfNode) => !(b.children ?? []).some((c) => HANDLED_ELSEWHERE.test(c.name));
  if (!locations.length) return direct(server);
  return locations.some((l) => direct(l) && !(l.children ?? []).some((c) => c.name === 'location') && !(l.children ?? []).some((c) => c.name === 'deny'));
}

export const dotfilesExposed: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/dotfiles-exposed', language: 'nginx', severity: 'info',
  title: 'Static files served without a dotfile deny rule',
  docs: {
    why: 'A server that serves a folder from disk also serves what sits next to the site: a deployed `.git` folder '
      + '(the whole source history, often with credentials), `.env`, `.htpasswd`, editor backups. Deny hidden '
      + 'files while keeping `/.well-known/` (ACME challenges, security.txt): `location ~ /\\.(?!well-known) { '
      + 'deny all; }` (h5bp\'s `security_file_access.conf` does the same). Checked per server that has a `root` '
      + 'and a location answered from disk; an included snippet with such a rule counts.',
    fixSafety: 'The fix adds `location ~ /\\.(?!well-known) { deny all; }` to the server. It is safe: "Fix all" and `--fix` apply it.',
    references: ['h5bp server-configs-nginx', 'OWASP Web Security Testing Guide'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    for (const server of view.servers) {
      if (!servesFiles(server, view.cfg.nodes)) continue;
      const locations = findBlocks(server.children ?? [], (n) => n.name === 'location');
      if (PROBES.every((uri) => locations.some((l) => denies(l, uri)))) continue;
      const eol = eolOf(ctx.file.text);
      const indent = childIndent(view.file, server.d);
      const block = `location ~ /\\.(?!well-known) {${eol}${indent}${indentUnit(view.file)}deny all;${eol}${indent}}`;
      ctx.report({
        span: server.d.nameSpan,
        message: `${serverLabel(server)} serves files from disk with no rule denying dotfiles: a .git folder or .env next to the site would be downloadable.`,
        fixes: [{
          title: 'Deny dotfiles (except /.well-known/)', safe: true,
          edits: [insertInBlock(view.file, server.d, [block], { before: (c) => c.name === 'location' })],
        }],
      });
    }
  },
};
