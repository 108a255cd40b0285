import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { nodesNamed } from '../../nginx/view';
import { analyse, type VarInfo } from '../../nginx/variables';
import { ancestor, type ConfNode } from '../../nginx/tree';

/** The directives that make nginx connect to the address they name (all accept variables). */
const PASS = new Set(['proxy_pass', 'grpc_pass', 'fastcgi_pass', 'scgi_pass', 'uwsgi_pass']);

/** `scheme://` and the authority of a pass target (what gixy's ssrf plugin inspects). */
const TARGET = /^([^?#/)]+:\/\/)?([^?#/)]*)/;

function isInternal(loc: ConfNode | undefined): boolean {
  return !!loc && ((loc.children ?? []).some((c) => c.name === 'internal') || (loc.args[0]?.value ?? '').startsWith('@'));
}

/** The first variable of the scheme or host that a client controls, as gixy reads them: a variable that must start with `/` ends the check. */
function hostTaint(vars: readonly VarInfo[], from: number, to: number): VarInfo | undefined {
  for (const v of vars) {
    if (v.start < from || v.start >= to) continue;
    if (v.slashFirst) return undefined;
    if (v.request && v.dot) return v;
  }
  return undefined;
}

export const ssrf: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/ssrf', language: 'nginx', severity: 'error',
  title: 'Upstream host chosen by the client (SSRF)',
  docs: {
    why: 'When the scheme or host of `proxy_pass` (also `grpc_pass`, `fastcgi_pass`, `scgi_pass`, `uwsgi_pass`) '
      + 'comes from the request (`$arg_*`, `$http_*`, a cookie, a regex capture of the URI, or a `set`/`map` '
      + 'variable built from them), a client can make nginx connect anywhere from inside your network: cloud '
      + 'metadata endpoints, admin interfaces bound to localhost, other containers, the PHP-FPM or uWSGI port of '
      + 'another app. Keep the upstream fixed (or map allowed names with `map` and a default), or mark the '
      + 'location `internal` if only `X-Accel-Redirect` reaches it. A path built from request data after a fixed '
      + 'host is fine. Same check as gixy\'s `ssrf`.',
    fixSafety: 'No automatic fix: the allowed upstreams are yours to name.',
    references: ['gixy ssrf', 'OWASP: Server-Side Request Forgery'],
  },
  fixable: false,
  check(ctx) {
    const view = nginxView(ctx);
    for (const n of nodesNamed(view.cfg, ctx.file.path, ...PASS)) {
      const arg = n.args[0];
      if (!arg || !arg.value.includes('$') || isInternal(ancestor(n, 'location'))) continue;
      const expanded = expand(n, arg.value);
      const m = TARGET.exec(expanded.text)!;
      const schemeEnd = m[1]?.length ?? 0;
      const vars = expanded.vars;
      const hit = hostTaint(vars, 0, schemeEnd) ?? hostTaint(vars, schemeEnd, m[0].length);
      if (!hit) continue;
      ctx.report({
        span: arg.span,
        message: `${n.name} takes its ${hit.start < schemeEnd ? 'scheme' : 'host'} from ${hit.label}: a client can make nginx request any host, internal ones included.`,
      });
    }
  },
};

/** The pass target with `set` variables replaced by their values (so `proxy_pass $upstream;` shows its host), and the variables of the result. */
function expand(n: ConfNode, value: string): { text: string; vars: readonly VarInfo[] } {
  let text = value;
  let scope: ConfNode = n;
  for (let depth = 0; depth < 5; depth++) {
    const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/.exec(text);
    if (!m) break;
    const set = findSet(scope, m[1].toLowerCase());
    if (!set?.args[1]) break;
    text = set.args[1].value + text.slice(m[0].length);
    scope = set;
  }
  return { text, vars: analyse(scope, text) };
}

function findSet(n: ConfNode, name: string): ConfNode | undefined {
  for (let p = n.parent; p; p = p.parent) {
    const sets = (p.children ?? []).filter((c) => c.name === 'set' && c.args[0]?.value.replace(/^\$\{?|\}$/g, '').toLowerCase() === name);
    if (sets.length) return sets[sets.length - 1];
  }
  return undefined;
}
