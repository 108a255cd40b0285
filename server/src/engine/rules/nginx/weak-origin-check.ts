import type { Rule, Severity, Span } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { nodesNamed, viewNodesNamed, type NginxConfig } from '../../nginx/view';
import { findBypasses, hardened, type HeaderKind } from '../../nginx/origin-regex';

const HEADER_VAR = /^\$\{?http_(origin|referer|referrer)\}?$/i;
const REGEX_OP = /^!?~\*?$/;
/** Map values that refuse (`default ""` style entries): getting past them gains nothing. */
const REFUSING = /^(|0|off|no|false)$/i;

/** Directives whose arguments decide something for the client (a condition, a response header, an answer), unlike `log_format`. */
const DECIDING = ['if', 'add_header', 'more_set_headers', 'return', 'proxy_set_header', 'set'];

/** Whether the result of a map is read where it decides something (a map feeding only the access log checks nothing). */
function decides(cfg: NginxConfig, variable: string): boolean {
  const ref = new RegExp(`\\$\\{?${variable.replace(/^\$\{?|\}$/g, '')}\\b`, 'i');
  return DECIDING.some((name) => viewNodesNamed(cfg, name).some((n) => n.args.some((a) => ref.test(a.value))));
}

interface Check { span: Span; pattern: string; caseless: boolean; quote?: string; where: string }

export const weakOriginCheck: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/weak-origin-check', language: 'nginx', severity: 'error',
  title: 'Origin/Referer allowlist regex accepts origins an attacker can register',
  docs: {
    why: 'An `if ($http_origin ~ ...)` or a `map $http_origin ...` regex that decides whether to send '
      + '`Access-Control-Allow-Origin`/`-Credentials`, or a Referer check guarding an action, is only as strict '
      + 'as its pattern. Common slips: no `$` (`^https://app\\.example\\.com` also matches '
      + '`https://app.example.com.attacker.com`), no dot before the domain (`.*example\\.com$` matches '
      + '`https://attackerexample.com`), an unescaped dot (`^https://www.example\\.com$` matches '
      + '`https://www-example.com`), no `^` (a Referer from `https://attacker.com/?https://app.example.com/`), '
      + 'and `https?` letting plain-http origins in (anyone on the network path can forge those).\n\ndeploylint '
      + 'reads the origins the pattern was meant to accept, derives origins an attacker can register from them '
      + 'and tries them against the pattern (as Gixy-Next\'s `origins` plugin does by generating strings from the '
      + 'regex); the message shows one that gets through. Severity: `error` for an Origin check that accepts a '
      + 'foreign domain, `warning` for a Referer check or for plain http on an Origin check, `info` for plain '
      + 'http on a Referer check. `$http_referrer` (two r) is not the Referer header: it is always empty, '
      + 'reported as a warning. Map entries whose value refuses (`""`, `0`) are not checked, nor maps whose '
      + 'result is read only by logging. Patterns with PCRE-only syntax, or nested quantifiers that could '
      + 'backtrack without end, are skipped.',
    fixSafety: 'The fix escapes the dots between host labels and anchors the pattern (`^...$`, for a Referer `^...` followed by a path separator or the end); it is offered only when the result still matches every origin the original was meant to and no derived attacker origin. It narrows what is accepted, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['Gixy-Next origins', 'PortSwigger: Exploiting CORS misconfigurations', 'OWASP Web Security Testing Guide: CORS'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    const text = ctx.file.text;
    for (const n of nodesNamed(view.cfg, ctx.file.path, 'if', 'map')) {
      const variable = n.args[0]?.value ?? '';
      const m = HEADER_VAR.exec(variable);
      if (!m || n.file !== ctx.file.path) continue;
      if (m[1].toLowerCase() === 'referrer') {
        ctx.report({
          span: n.args[0].span, severity: 'warning',
          message: `${variable} is not the Referer header (nginx spells it $http_referer): this ${n.name} always sees an empty value.`,
          fixes: [{ title: 'Use $http_referer', safe: false, edits: [ctx.replace(n.args[0].span, variable.replace(/referrer/i, 'referer'))] }],
        });
        continue;
      }
      const header: HeaderKind = m[1].toLowerCase() === 'origin' ? 'origin' : 'referer';
      const checks: Check[] = [];
      if (n.name === 'if') {
        const [, op, pat] = n.args;
        if (op && pat && REGEX_OP.test(op.value)) checks.push({ span: pat.span, pattern: pat.value, caseless: op.value.endsWith('*'), quote: pat.quote, where: 'if' });
      } else if (n.args[1] && /^\$\{?\w+\}?$/.test(n.args[1].value) && decides(view.cfg, n.args[1].value)) {
        for (const entry of n.d.block ?? []) {
          const raw = text.slice(entry.nameSpan.start, entry.nameSpan.end);
          const quote = /^["']/.test(raw) ? raw[0] : undefined;
          const key = quote ? raw.slice(1, -1) : raw;
          if (!key.startsWith('~') || REFUSING.test(entry.args[0]?.value ?? '')) continue;
          const caseless = key.startsWith('~*');
          checks.push({ span: entry.nameSpan, pattern: key.slice(caseless ? 2 : 1), caseless, quote, where: 'map' });
        }
      }
      for (const c of checks) {
        const found = findBypasses(c.pattern, c.caseless, header);
        const worst = found?.bypasses[0];
        if (!worst) continue;
        const domain = worst.kind === 'domain';
        const severity: Severity = header === 'origin' ? (domain ? 'error' : 'warning') : (domain ? 'warning' : 'info');
        const better = hardened(c.pattern, c.caseless, header);
        const prefix = c.where === 'map' ? `~${c.caseless ? '*' : ''}` : '';
        const replacement = better === undefined ? undefined : prefix + better;
        const quote = c.quote ?? (replacement && /[\s;{}'"()]/.test(replacement) ? '"' : '');
        ctx.report({
          span: c.span,
          ...(severity === 'error' ? {} : { severity }),
          message: `This ${header === 'origin' ? 'Origin' : 'Referer'} check accepts ${worst.example}: ${worst.why}${domain ? ', so a site the attacker registers passes it' : ' (anyone on the network path can forge a plain-http page)'}.`,
          fixes: replacement ? [{ title: 'Anchor the pattern and escape its dots', safe: false, edits: [ctx.replace(c.span, quote + replacement + quote)] }] : [],
        });
      }
    }
  },
};
