import type { Rule, FixSpec } from '../../types';
import { isLocalHost, urlCredentials } from '../../secrets';
import { effectiveEntries, valueIsVerbatim, type EnvContext } from './support/context';

/** `scheme://` URLs with their authority and query, found in a value. */
const URL_RE = /\b([a-z][a-z0-9+.-]*):\/\/([^\s/?#"'`]*)([^\s"'`]*)/gi;
const TLS_OFF = /([?&;](sslmode|ssl_mode)=)(disable)\b|([?&;](ssl|tls|usessl|use_ssl)=)(false|0)\b/gi;
const API_NAME = /API|AUTH|TOKEN|OAUTH|OIDC|WEBHOOK|SMTP|LDAP|S3|STORAGE|ENDPOINT/i;

export const envInsecureConnection: Rule<EnvContext> = {
  id: 'env/insecure-connection', language: 'env', severity: 'warning',
  title: 'Connection string without TLS or without credentials',
  docs: {
    why: [
      'A connection string that turns TLS off (`sslmode=disable`, `ssl=false`, `tls=false`) to a host outside the machine, a `redis://` or `http://` URL that carries credentials or API traffic to a remote host, or a `mongodb://` URI with no credentials at all. Credentials and data then cross the network in clear text, or the database accepts anyone.',
      '',
      'Hosts that stay on the machine or on the compose network (`localhost`, `127.0.0.1`, a bare service name such as `db`) are not reported for TLS. AppFlowy guide: "Never transmit credentials or sensitive data over unencrypted connections" (`POSTGRES_SSL_MODE=require`, `REDIS_TLS_ENABLED=true`); AI Notes guide: "Always use authentication, even for local deployments" (`mongodb://username:strong-password@...&ssl=true`).',
    ].join('\n'),
    fixSafety: 'The fix turns TLS on in the connection string (`sslmode=require`, `ssl=true` ...) or switches the scheme (`rediss://`, `https://`). The server must accept it, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['AppFlowy guide: Encryption in Transit', 'AI Notes guide: MongoDB, Enable Authentication'],
  },
  fixable: true,
  check(ctx) {
    for (const e of effectiveEntries(ctx)) {
      if (!e.value.includes('://') || !valueIsVerbatim(ctx, e)) continue;
      const base = e.valueSpan.start;
      URL_RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = URL_RE.exec(e.value)) !== null) {
        const scheme = m[1].toLowerCase();
        const authority = m[2];
        const hosts = authority.slice(authority.lastIndexOf('@') + 1);
        const remote = !isLocalHost(hosts) && !isComposeService(hosts) && !hosts.includes('${') && !hosts.includes('$');
        const urlStart = base + m.index;
        const hasCreds = urlCredentials(m[0]).some((c) => c.rawPassword !== '');
        if ((scheme === 'mongodb' || scheme === 'mongodb+srv') && !authority.includes('@')) {
          ctx.report({ span: { start: urlStart, end: urlStart + m[0].length }, message: `${e.key} connects to MongoDB without credentials: enable authentication (MONGO_INITDB_ROOT_USERNAME/PASSWORD) and put the user in the URI.` });
          continue;
        }
        if (remote) {
          TLS_OFF.lastIndex = 0;
          let t: RegExpExecArray | null;
          while ((t = TLS_OFF.exec(m[3])) !== null) {
            const prefix = t[1] ?? t[4];
            const val = t[3] ?? t[6];
            const start = urlStart + scheme.length + 3 + authority.length + t.index + prefix.length;
            const secure = t[3] ? matchCase(val, 'require') : (val === '0' ? '1' : matchCase(val, 'true'));
            ctx.report({
              span: { start, end: start + val.length },
              message: `${e.key} turns TLS off for a remote host: credentials and data cross the network in clear text.`,
              fixes: [{ title: `Set ${prefix.replace(/^[?&;]/, '').replace(/=$/, '')}=${secure}`, safe: false, edits: [ctx.replace({ start, end: start + val.length }, secure)] }],
            });
          }
        }
        const flip = scheme === 'redis' ? 'rediss' : scheme === 'http' ? 'https' : scheme === 'amqp' ? 'amqps' : undefined;
        if (flip && remote && (hasCreds || (scheme !== 'http') || API_NAME.test(e.key))) {
          const span = { start: urlStart, end: urlStart + m[1].length };
          const fixes: FixSpec[] = [{ title: `Use ${flip}://`, safe: false, edits: [ctx.replace(span, matchCase(m[1], flip))] }];
          ctx.report({ span, message: `${e.key} uses ${scheme}:// to a remote host${hasCreds ? ' with a password in the URL' : ''}: use ${flip}:// so the connection is encrypted.`, fixes });
        }
      }
    }
  },
};

/** `db`, `postgres:5432`: a single-label name is a container on the compose network. */
function isComposeService(hosts: string): boolean {
  return hosts.split(',').every((h) => /^[A-Za-z0-9_-]+(:\d+)?$/.test(h) && !/^\d+$/.test(h.split(':')[0]));
}

function matchCase(like: string, word: string): string {
  return like === like.toUpperCase() && /[A-Z]/.test(like) ? word.toUpperCase() : word;
}
