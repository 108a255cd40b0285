import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxArg, NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { nodesNamed } from '../../nginx/view';
import { analyse, type VarInfo } from '../../nginx/variables';
import { hostScope } from '../../nginx/default-server';
import type { ConfNode } from '../../nginx/tree';

/** Request data a client chooses freely: any header (`$http_host` keeps whatever Host it sent), arguments, cookies. */
const CLIENT_CHOSEN = /^(http_|arg_|cookie_)|^(args|query_string)$/;

const REDIRECT_CODES = new Set(['301', '302', '303', '307', '308']);

/** The client-chosen variables of `value` inside the host part of a URL (`scheme://HOST/...`); all of them when `wholeValue`. */
function hostVars(node: ConfNode, value: string, wholeValue: boolean): VarInfo[] {
  const vars = analyse(node, value).filter((v) => v.roots.some((r) => CLIENT_CHOSEN.test(r)));
  if (wholeValue) return vars;
  const sep = value.indexOf('://');
  if (sep < 0) return [];
  const slash = value.indexOf('/', sep + 3);
  const end = slash < 0 ? value.length : slash;
  return vars.filter((v) => v.start >= sep + 3 && v.start < end);
}

/** Only the raw Host header (directly or through `set`): what `$host` also holds on a server that answers any host. */
const onlyHttpHost = (vars: VarInfo[]) => vars.every((v) => v.roots.every((r) => r === 'http_host'));

/** The redirect target of a `return`/`rewrite`/`add_header Location` node, if it is one. */
function redirectTarget(n: ConfNode): NginxArg | undefined {
  if (n.name === 'return' && REDIRECT_CODES.has(n.args[0]?.value ?? '')) return n.args[1];
  if (n.name === 'rewrite' && n.args[1] && (/^(redirect|permanent)$/.test(n.args[2]?.value ?? '') || /^https?:\/\//i.test(n.args[1].value))) return n.args[1];
  if (n.name === 'add_header' && n.args[0]?.value.toLowerCase() === 'location') return n.args[1];
  return undefined;
}

export const hostSpoofing: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/host-spoofing', language: 'nginx', severity: 'warning',
  title: 'Host taken from the client where nginx routed on another',
  docs: {
    why: '`$http_host` is the raw Host header: it can differ from the host nginx chose the server block by (a '
      + 'request line with an absolute URL routes on its host, whatever the Host header says; a port of the '
      + 'client\'s choice rides along). `$host` is the name nginx routed on, except on a server that answers any '
      + 'host (the default server of its address, `server_name _`, no name): there `$host` is the client\'s choice '
      + 'too. Arguments, cookies and headers such as `X-Forwarded-Host` are the client\'s on every server. Same '
      + 'check as gixy\'s `host_spoofing`.\n\nSeverity follows what trusts the value. nginx cannot see whether the '
      + 'app behind `proxy_set_header Host` builds links from it (password-reset links, redirects) or checks it '
      + 'against its own list of hosts, so that is `info`. A redirect nginx sends itself (`return 301 ...`, '
      + '`rewrite ... redirect|permanent`, `add_header Location`) whose host part is the client\'s is a `warning`: '
      + 'nginx points users to a host it did not route on (an open redirect when it comes from an argument, a '
      + 'poisoned redirect in any shared cache in front). The raw Host header on a server that answers any host '
      + 'is `info` there too, since `$host` would be no better.\n\nOn a server that answers any host no fix is '
      + 'offered: restrict `server_name` and let a catch-all server answer unknown hosts (`return 444;`).',
    fixSafety: 'The fix writes `$host`. An app on a non-standard port that relied on the port in Host must add it (`$host:$server_port`), so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['gixy host_spoofing', 'OWASP Web Security Testing Guide: Host header injection'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    const names = (vars: VarInfo[]) => vars.map((v) => v.label).join(', ');
    const fixTo$host = (arg: NginxArg, vars: VarInfo[]) => {
      // Only a direct `$http_host` is rewritten in place; a value reached through `set` or a map is the user's to change.
      if (vars.some((v) => v.name !== 'http_host') || arg.value.includes('\\')) return [];
      let out = arg.value;
      for (const v of [...vars].sort((a, b) => b.start - a.start)) out = out.slice(0, v.start) + '$host' + out.slice(v.end);
      const q = arg.quote ?? '';
      return [{ title: 'Use $host, the name nginx routed on', safe: false, edits: [ctx.replace(arg.span, `${q}${out}${q}`)] }];
    };

    for (const n of nodesNamed(view.cfg, ctx.file.path, 'proxy_set_header')) {
      const [name, value] = n.args;
      if (!name || !value || name.value.toLowerCase() !== 'host') continue;
      const bad = hostVars(n, value.value, true);
      if (!bad.length) continue;
      const catchAll = hostScope(view.cfg, n) === 'any' && onlyHttpHost(bad);
      const what = onlyHttpHost(bad)
        ? `The Host header sent upstream is the raw one the client sent (${names(bad)}), which can name another host than the one nginx routed on`
        : `The Host header sent upstream comes from the client (${names(bad)}), whatever host nginx routed on`;
      ctx.report({
        span: value.span, severity: 'info',
        message: catchAll
          ? `${what}; this server answers any host name, so $host is the client's choice as well. If the app builds links from Host, restrict server_name and let a default server answer unknown hosts.`
          : `${what}. Use $host unless the app checks Host against its own list.`,
        fixes: catchAll ? [] : fixTo$host(value, bad),
      });
    }

    for (const n of nodesNamed(view.cfg, ctx.file.path, 'return', 'rewrite', 'add_header')) {
      const target = redirectTarget(n);
      if (!target) continue;
      const bad = hostVars(n, target.value, false);
      if (!bad.length) continue;
      const scope = hostScope(view.cfg, n);
      const catchAll = scope === 'any' && onlyHttpHost(bad);
      // The raw Host only differs from a name nginx routed on when we see that the server has one.
      const known = !onlyHttpHost(bad) || scope === 'named';
      ctx.report({
        span: target.span, ...(known ? {} : { severity: 'info' as const }),
        message: catchAll
          ? `This redirect sends clients to the host they named (${names(bad)}); this server answers any host name, so $host would be no better.`
          : known
            ? `This redirect sends clients to a host taken from the request (${names(bad)}), not the one nginx routed on: use $host or a fixed name.`
            : `This redirect sends clients to the raw Host they sent (${names(bad)}), which can differ from the host nginx routed on: $host is the routed one.`,
        fixes: catchAll ? [] : fixTo$host(target, bad),
      });
    }
  },
};
