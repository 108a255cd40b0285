import type { Rule, Span } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { configSet, nginxView } from '../../nginx/rule-context';
import { httpServers, isLocalOnly, isTlsServer, plainListens, redirectsToHttps, serverLabel, servesContent } from '../../nginx/servers';
import { splitToHttpsEdit } from '../../nginx/https-fixes';
import type { ConfNode } from '../../nginx/tree';
import type { NginxConfig } from '../../nginx/view';
import { servesInternalOnly } from '../../project/nginx-links';
import { flagOf } from '../../nginx/inherit';
import { lastChild } from '../../nginx/tree';
import { plainVariantNote, plainVariantWord } from '../../nginx/plain-variant';

/** A server of the linted file that sends content over plain HTTP to the network. */
export function servesPlainContent(server: ConfNode): boolean {
  const plain = plainListens(server);
  if (plain !== 'default' && !plain.length) return false;
  return servesContent(server) && !redirectsToHttps(server) && !isLocalOnly(server);
}

/** Where to point: the first plain `listen`, else the `server` keyword (no listen means *:80). */
export function plainSpan(server: ConfNode): Span {
  const plain = plainListens(server);
  return plain !== 'default' && plain.length && plain[0].node.file === server.file ? plain[0].node.d.span : server.d.nameSpan;
}

/**
 * A server that serves a site over TLS: one that rejects every handshake (`ssl_reject_handshake on`)
 * or only answers `return 444` is a TLS catch-all, not an HTTPS site anything could redirect to.
 */
function servesHttps(server: ConfNode): boolean {
  return isTlsServer(server) && servesContent(server) && flagOf(lastChild(server, 'ssl_reject_handshake')) !== 'on';
}

export function anyTlsServer(configs: NginxConfig[]): boolean {
  return configs.some((c) => httpServers(c.nodes).some(servesHttps));
}

/**
 * The http level includes a folder of sites that is not in the workspace (`include /data/nginx/proxy_host/*.conf`,
 * `include /etc/nginx/sites-enabled/*` of a stock nginx.conf): servers we cannot see may serve HTTPS.
 */
function unseenSites(cfg: NginxConfig): boolean {
  // Only in an `http {}` block of a main config: at the top of a fragment a glob is as likely to name snippets.
  for (const [inc, target] of cfg.includes) {
    if (target.glob && !target.files.length && !target.stock && inc.parent?.name === 'http') return true;
  }
  return false;
}

export const noHttps: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/no-https', language: 'nginx', severity: 'error',
  title: 'Content served over plain HTTP only',
  docs: {
    why: 'A server that serves the app on plain HTTP, with no TLS server anywhere in the config, sends passwords, '
      + 'session cookies and API tokens in clear text to anyone on the path (public Wi-Fi, the hosting network). '
      + 'Every seed guide (AFFiNE, AppFlowy, AI Notes, Fluxbase, SEEN) puts the app behind HTTPS.\n\nThe config set '
      + 'is the file, what it includes, what includes it, and the other nginx files in its folder, so a separate '
      + 'TLS file counts; a TLS server that rejects every handshake (`ssl_reject_handshake on`) or only returns '
      + '444 is a catch-all, not an HTTPS site. When the http level includes a folder of sites that is not in the '
      + 'workspace (`include /data/nginx/proxy_host/*.conf`), servers we cannot see may serve HTTPS and nothing '
      + 'is claimed. Servers that only redirect, listen on loopback only, or are named `localhost` are not '
      + 'reported, nor configs that compose mounts only into services publishing no port (an internal nginx '
      + 'behind a TLS proxy). A file whose name marks it the plain-HTTP variant (`no-ssl.example.com.conf`, '
      + '`site.http-only.conf`) is plain on purpose: `info`, with no fix.',
    fixSafety: 'The fix replaces the server with a port-80 server that redirects to HTTPS (keeping an ACME challenge location) and a TLS server with Mozilla\'s intermediate settings that carries the original `server_name`, locations and directives. It needs a certificate (Let\'s Encrypt paths are written), so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['AFFiNE guide', 'AppFlowy guide', 'Mozilla server-side TLS'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    const plain = view.servers.filter(servesPlainContent);
    if (!plain.length || anyTlsServer(configSet(ctx.workspace, ctx.file.path)) || unseenSites(view.cfg)) return;
    // Mounted only into containers that publish no port: TLS is the business of the proxy in front.
    if (servesInternalOnly(ctx.workspace, ctx.file.path)) return;
    // A file named as the plain-HTTP variant (`no-ssl.example.com.conf`) is plain on purpose: say so, at info, with no fix.
    const variant = plainVariantWord(ctx.file.path);
    for (const server of plain) {
      const edit = splitToHttpsEdit(ctx.file, server, { version: ctx.config.nginx.version, ws: ctx.workspace, headers: view.headers });
      ctx.report({
        span: plainSpan(server),
        message: `${serverLabel(server)} serves content over plain HTTP and no server of this config serves HTTPS.${variant ? plainVariantNote(variant) : ''}`,
        ...(variant ? { severity: 'info' as const } : {}),
        fixes: edit && !variant ? [{ title: 'Redirect port 80 to HTTPS and add a TLS server (Mozilla intermediate)', safe: false, edits: [edit] }] : [],
      });
    }
  },
};
