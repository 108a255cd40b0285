import { tlsListenLines, tlsSettingLines } from './tls-profile';
import type { EditSpec } from '../types';
import type { NginxDirective } from '../parse/nginx';
import { eolOf } from '../text';
import type { WorkspaceFiles } from '../workspace-files';
import { childIndent, indentUnit, type FileText } from './edit';
import { headerLine, repeatInherited } from './header-fixes';
import type { HeaderModel } from './headers';
import { isAcmeLocation, listensOf, serverNames } from './servers';
import type { ConfNode } from './tree';

/**
 * Fixes that move a plain-HTTP server to HTTPS, built from the server's own directives
 * (no generator): a port-80 redirect server and a TLS server with Mozilla's intermediate settings
 * (../shared/reference/mozilla-tls.md) in the syntax of the configured nginx version.
 */
export { INTERMEDIATE_CIPHERS } from './tls-profile';
export const REDIRECT = 'return 301 https://$host$request_uri;';

/** The host name the certificate paths are named after. */
export function certificateName(server: ConfNode): string {
  const name = serverNames(server).find((n) => /^[a-z0-9*.-]+$/i.test(n) && !n.includes('*') && n !== '_' && n.includes('.') && !/^\d+\.\d+\.\d+\.\d+$/.test(n));
  return name ? name.replace(/^\./, '') : 'example.com';
}

function isAcmeInclude(d: NginxDirective): boolean {
  return d.name === 'include' && /acme|letsencrypt|certbot/i.test(d.args[0]?.value ?? '');
}

function keptForRedirect(d: NginxDirective, view: ConfNode): boolean {
  if (d.name === 'listen' || d.name === 'server_name' || isAcmeInclude(d)) return true;
  return d.name === 'location' && (view.children ?? []).some((c) => c.d === d && isAcmeLocation(c));
}

/** Lines (unindented, multi-line ones keep their own breaks) of a port-80 server body that only redirects. */
function redirectBody(text: string, server: ConfNode, unit: string, eol: string): string[] {
  const d = server.d;
  const kept = (d.block ?? []).filter((c) => keptForRedirect(c, server));
  const lines = kept.map((c) => text.slice(c.span.start, c.span.end));
  if (!kept.some((c) => c.name === 'listen')) lines.unshift('listen 80;');
  const hasAcme = kept.some((c) => c.name === 'location' || isAcmeInclude(c));
  // A server-level return runs before any location is chosen: with an ACME location, redirect in `location /`.
  if (hasAcme) lines.push(`location / {${eol}${unit}${REDIRECT}${eol}}`);
  else lines.push(REDIRECT);
  return lines;
}

function indentLines(lines: string[], indent: string, eol: string): string {
  return lines.map((l) => eol + indent + l.replace(/\r?\n(?=.)/g, (m) => m + indent)).join('');
}

/** `body -> return 301 https://...` keeping listen, server_name and the ACME challenge location. */
export function redirectBodyEdit(doc: FileText, server: ConfNode): EditSpec | undefined {
  const d = server.d;
  if (!d.open || !d.close) return undefined;
  const eol = eolOf(doc.text);
  const inner = childIndent(doc, d);
  const outer = doc.lines.indentOf(doc.lines.position(d.span.start).line);
  const body = indentLines(redirectBody(doc.text, server, indentUnit(doc), eol), inner, eol);
  return { start: d.open.end, end: d.close.start, newText: body + eol + outer };
}

/** For a server that listens on both plain and TLS ports: send plain requests to https first. */
export function schemeRedirectEdit(doc: FileText, server: ConfNode): EditSpec | undefined {
  const d = server.d;
  if (!d.open) return undefined;
  const eol = eolOf(doc.text);
  const inner = childIndent(doc, d);
  const unit = indentUnit(doc);
  const kids = d.block ?? [];
  const anchor = [...kids].reverse().find((c) => c.name === 'listen' || c.name === 'server_name');
  const text = `if ($scheme = http) {${eol}${inner}${unit}${REDIRECT}${eol}${inner}}`;
  const at = anchor ? lineEndAfter(doc, anchor) : d.open.end;
  return { start: at, end: at, newText: eol + inner + text };
}

function lineEndAfter(doc: FileText, d: NginxDirective): number {
  const line = doc.lines.position(d.span.end).line;
  const end = doc.lines.lineEnd(line);
  return /^[ \t]*(#.*)?$/.test(doc.text.slice(d.span.end, end)) ? end : d.span.end;
}

/** The TLS listen lines that mirror the server's plain ones (IPv4, and IPv6 when it had one). */
function tlsListens(server: ConfNode, version: string): string[] {
  return tlsListenLines(version, listensOf(server).some((l) => l.address.startsWith('[')));
}

export interface HttpsServerOptions { version: string; ws: WorkspaceFiles; headers: HeaderModel }

/**
 * Replaces `server` with a port-80 redirect server and a TLS server carrying its server_name,
 * locations and every other directive (its listens removed).
 */
export function splitToHttpsEdit(doc: FileText, server: ConfNode, opts: HttpsServerOptions): EditSpec | undefined {
  const d = server.d;
  if (!d.open || !d.close) return undefined;
  const eol = eolOf(doc.text);
  const unit = indentUnit(doc);
  const inner = childIndent(doc, d);
  const outer = doc.lines.indentOf(doc.lines.position(d.span.start).line);
  const redirect = `server {${indentLines(redirectBody(doc.text, server, unit, eol), inner, eol)}${eol}${outer}}`;

  const name = certificateName(server);
  const level = opts.headers.at(server);
  const inheritedCopies = level.own.some((e) => e.node.name === 'add_header') || level.mode !== 'on'
    ? [] : repeatInherited(opts.ws, level.inherited, (e) => e.key === 'strict-transport-security');
  const tls = [
    ...tlsListens(server, opts.version),
    `ssl_certificate /etc/letsencrypt/live/${name}/fullchain.pem;`,
    `ssl_certificate_key /etc/letsencrypt/live/${name}/privkey.pem;`,
    // The generator's Mozilla intermediate settings (ARCHITECTURE.md, Generator), so the fix and the command agree.
    ...tlsSettingLines('intermediate', opts.version, '3.0'),
    headerLine(doc.text, 'strict-transport-security'),
    ...inheritedCopies,
  ];
  const body = removeDirectives(doc, d, (c) => c.name === 'listen' || c.name === 'http2' || c.name === 'ssl');
  const tlsServer = `server {${indentLines(tls, inner, eol)}${body}}`;
  return { start: d.span.start, end: d.span.end, newText: `${redirect}${eol}${eol}${outer}${tlsServer}` };
}

/** The text between a block's braces with some children removed (whole lines when they stand alone). */
function removeDirectives(doc: FileText, block: NginxDirective, drop: (c: NginxDirective) => boolean): string {
  const start = block.open!.end;
  const end = block.close!.start;
  let out = '';
  let pos = start;
  for (const c of (block.block ?? []).filter(drop)) {
    let s = c.span.start;
    let e = c.span.end;
    const line = doc.lines.position(s).line;
    const lineStart = doc.lines.offset({ line, character: 0 });
    const lineEnd = doc.lines.lineEnd(line);
    if (/^[ \t]*$/.test(doc.text.slice(lineStart, s)) && /^[ \t]*(#.*)?$/.test(doc.text.slice(e, lineEnd)) && lineStart > start) {
      // Drop the whole line with the break before it.
      s = lineStart;
      if (doc.text[s - 1] === '\n') s--;
      if (doc.text[s - 1] === '\r') s--;
      e = lineEnd;
    }
    if (s < pos) continue;
    out += doc.text.slice(pos, s);
    pos = e;
  }
  return out + doc.text.slice(pos, end);
}
