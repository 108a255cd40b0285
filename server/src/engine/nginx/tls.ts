import { compareVersions } from '../config';
import type { NginxDirective } from '../parse/nginx';
import type { EditSpec } from '../types';
import { insertInBlock, type FileText } from './edit';
import { effectiveDirective } from './inherit';
import type { ConfNode } from './tree';
import { hasIncludes, type NginxConfig } from './view';

/** Protocols nobody should offer any more (RFC 8996; Mozilla intermediate starts at TLSv1.2). */
export const WEAK_PROTOCOLS = new Set(['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1']);

/** Before 1.23.4 nginx's default `ssl_protocols` is `TLSv1 TLSv1.1 TLSv1.2 [TLSv1.3]`. */
export function defaultProtocolsWeak(version: string): boolean {
  return compareVersions(version, '1.23.4') < 0;
}

/** The `ssl_*` setting in force for a server: its own, else the http level's (or a fragment's top level). */
export function sslSetting(server: ConfNode, name: string, top: readonly ConfNode[]): ConfNode | undefined {
  return effectiveDirective(server, name, top);
}

/** Insert TLS settings next to the server's other `ssl_*` directives (after the listens when it has none). */
export function tlsSibling(c: NginxDirective): boolean {
  return /^ssl_/.test(c.name);
}

export function afterListen(c: NginxDirective): boolean {
  return c.name === 'listen' || c.name === 'server_name' || c.name === 'http2';
}

/** Let's Encrypt (certbot, acme.sh/lego setups keep the word in the path): no OCSP since 2025. */
export function isLetsEncrypt(certPath: string): boolean {
  return /(^|\/)(letsencrypt|certbot)(\/|$)/i.test(certPath) || /\/etc\/letsencrypt\//.test(certPath);
}

/** An edit adding TLS directives to a server: after its `ssl_*` lines, else after listen/server_name, before its blocks. */
export function insertTlsLines(doc: FileText, server: NginxDirective, lines: string[]): EditSpec {
  const kids = server.block ?? [];
  const after = kids.some(tlsSibling) ? tlsSibling : afterListen;
  return insertInBlock(doc, server, lines, { after, before: (c) => !!c.block });
}

/**
 * An include we cannot read whose name says it holds TLS settings (certbot's
 * `options-ssl-nginx.conf`, an image's `ssl.conf`): "not set" cannot be told from "set there".
 */
export function mayHideTls(cfg: NginxConfig, server: ConfNode): boolean {
  if (!hasIncludes(cfg)) return false;
  const hidden = (n: ConfNode) => n.name === 'include' && /ssl|tls|letsencrypt|certbot/i.test(n.args[0]?.value ?? '')
    && (cfg.includes.get(n)?.files.length ?? 0) === 0;
  for (let p: ConfNode | undefined = server; p; p = p.parent) if ((p.children ?? []).some(hidden)) return true;
  return cfg.nodes.some(hidden);
}
