import type { Rule, Span } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { configSet, nginxView } from '../../nginx/rule-context';
import { httpServers, isLocalOnly, isTlsServer, plainListens, redirectsToHttps, serverLabel, servesContent } from '../../nginx/servers';
import { splitToHttpsEdit } from '../../nginx/https-fixes';
import type { ConfNode } from '../../nginx/tree';
import type { NginxConfig } from '../../nginx/view';
import { servesInternalOnly } from '../../project/nginx-links';

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

export function anyTlsServer(configs: NginxConfig[]): boolean {
  return configs.some((c) => httpServers(c.nodes).some(isTlsServer));
}

export const noHttps: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/no-https', language: 'nginx', severity: 'error',
  title: 'Content served over plain HTTP only',
  description: 'A server that serves the app on plain HTTP, with no TLS server anywhere in the config, sends '
    + 'passwords, session cookies and API tokens in clear text to anyone on the path (public Wi-Fi, the hosting '
    + 'network). Every seed guide (AFFiNE, AppFlowy, AI Notes, Fluxbase, SEEN) puts the app behind HTTPS.\n\n'
    + 'The config set is the file, what it includes, what includes it, and the other nginx files in its folder, so a '
    + 'separate TLS file counts. Servers that only redirect, listen on loopback only, or are named `localhost` are '
    + 'not reported, nor configs that compose mounts only into services publishing no port (an internal '
    + 'nginx behind a TLS proxy).\n\nThe fix replaces the server with a port-80 server that redirects to HTTPS (keeping an ACME '
    + 'challenge location) and a TLS server with Mozilla\'s intermediate settings that carries the original '
    + '`server_name`, locations and directives. It needs a certificate (Let\'s Encrypt paths are written), so it '
    + 'is not applied by "Fix all".',
  fixable: true,
  sources: ['AFFiNE guide', 'AppFlowy guide', 'Mozilla server-side TLS'],
  check(ctx) {
    const view = nginxView(ctx);
    const plain = view.servers.filter(servesPlainContent);
    if (!plain.length || anyTlsServer(configSet(ctx.workspace, ctx.file.path))) return;
    // Mounted only into containers that publish no port: TLS is the business of the proxy in front.
    if (servesInternalOnly(ctx.workspace, ctx.file.path)) return;
    for (const server of plain) {
      const edit = splitToHttpsEdit(ctx.file, server, { version: ctx.config.nginx.version, ws: ctx.workspace, headers: view.headers });
      ctx.report({
        span: plainSpan(server),
        message: `${serverLabel(server)} serves content over plain HTTP and no server of this config listens with TLS.`,
        fixes: edit ? [{ title: 'Redirect port 80 to HTTPS and add a TLS server (Mozilla intermediate)', safe: false, edits: [edit] }] : [],
      });
    }
  },
};
