import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { nodesNamed } from '../../nginx/view';
import { analyse } from '../../nginx/variables';

/** Request data a client chooses freely: any header (`$http_host` keeps whatever Host it sent), arguments, cookies. */
const CLIENT_CHOSEN = /^(http_|arg_|cookie_)|^(args|query_string)$/;

export const hostSpoofing: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/host-spoofing', language: 'nginx', severity: 'warning',
  title: 'Proxied Host header taken from the client',
  description: '`proxy_set_header Host $http_host` (or a value built from an argument, a cookie or '
    + '`X-Forwarded-Host`) passes whatever Host the client sent to the app. nginx has picked the server block by '
    + 'that name, but `$http_host` is the raw header (any name when this is the default server), and apps build '
    + 'password-reset links, redirects and cache keys from it: host header injection. `$host` is the name nginx '
    + 'matched (lower-cased, port removed, or the server name). Same check as gixy\'s `host_spoofing`.\n\nThe fix '
    + 'writes `$host`; an app on a non-standard port that relied on the port in Host must add it '
    + '(`$host:$server_port`), so it is not applied by "Fix all".',
  fixable: true,
  sources: ['gixy host_spoofing', 'OWASP Web Security Testing Guide: Host header injection'],
  check(ctx) {
    const view = nginxView(ctx);
    for (const n of nodesNamed(view.cfg, ctx.file.path, 'proxy_set_header')) {
      const [name, value] = n.args;
      if (!name || !value || name.value.toLowerCase() !== 'host') continue;
      const bad = analyse(n, value.value).filter((v) => v.roots.some((r) => CLIENT_CHOSEN.test(r)));
      if (!bad.length) continue;
      const whole = bad.length === 1 && bad[0].start === 0 && bad[0].end === value.value.length;
      ctx.report({
        span: value.span,
        message: `The Host header sent upstream comes from the client (${bad.map((v) => v.label).join(', ')}): use $host, the name nginx matched.`,
        fixes: [{ title: 'Use $host', safe: false, edits: [ctx.replace(value.span, whole || !value.quote ? '$host' : `${value.quote}$host${value.quote}`)] }],
      });
    }
  },
};
