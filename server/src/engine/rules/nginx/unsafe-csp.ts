import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { headerEntriesInFile, nginxView } from '../../nginx/rule-context';

/** Directives whose sources decide which scripts and plugins run. */
const SCRIPT_DIRECTIVES = ['script-src', 'script-src-elem', 'script-src-attr', 'default-src'];
const WILDCARD_DIRECTIVES = new Set([...SCRIPT_DIRECTIVES, 'object-src', 'base-uri', 'frame-ancestors', 'form-action']);

/** The problems of one policy, as short phrases. */
export function cspProblems(policy: string): string[] {
  const dirs = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !dirs.has(name.toLowerCase())) dirs.set(name.toLowerCase(), sources.map((s) => s.toLowerCase()));
  }
  // The sources that govern scripts: script-src when present, else default-src.
  const scriptKey = dirs.has('script-src') ? 'script-src' : 'default-src';
  const script = dirs.get(scriptKey) ?? [];
  const out: string[] = [];
  // With a nonce or hash, CSP2+ browsers ignore 'unsafe-inline' (it is only a fallback for old ones).
  const nonced = script.some((s) => /^'(nonce-|sha256-|sha384-|sha512-)/.test(s));
  if (script.includes("'unsafe-inline'") && !nonced) out.push(`'unsafe-inline' in ${scriptKey}`);
  if (script.includes("'unsafe-eval'")) out.push(`'unsafe-eval' in ${scriptKey}`);
  for (const [name, sources] of dirs) {
    if (!WILDCARD_DIRECTIVES.has(name)) continue;
    const scripty = SCRIPT_DIRECTIVES.includes(name) || name === 'object-src';
    const wide = sources.find((s) => s === '*' || s === 'http:' || s === 'https:' || (scripty && s === 'data:'));
    if (wide) out.push(`${wide === '*' ? 'any source (*)' : `any ${wide} source`} in ${name}`);
  }
  return out;
}

export const unsafeCsp: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/unsafe-csp', language: 'nginx', severity: 'info',
  title: 'Content-Security-Policy that allows inline or eval scripts, or any source',
  docs: {
    why: 'A policy with `\'unsafe-inline\'` or `\'unsafe-eval\'` in `script-src` (or `default-src` when there is no '
      + '`script-src`) lets injected scripts run, which is what CSP is there to stop; a `*` (or bare `https:`) '
      + 'source for scripts, plugins, `base-uri` or `frame-ancestors` allows any host. Move inline scripts to '
      + 'files or allow them with nonces or hashes (then `\'unsafe-inline\'` is ignored by modern browsers and not '
      + 'reported).',
    fixSafety: 'No automatic fix: the right sources depend on the app.',
    references: ['OWASP Secure Headers Project', 'MDN HTTP Observatory'],
  },
  fixable: false,
  check(ctx) {
    const view = nginxView(ctx);
    // A large config repeats one policy in every server: each distinct policy is read once.
    const byPolicy = new Map<string, string[]>();
    for (const e of headerEntriesInFile(view)) {
      if (e.key !== 'content-security-policy' || !e.valueArg) continue;
      let problems = byPolicy.get(e.value);
      if (!problems) byPolicy.set(e.value, problems = cspProblems(e.value));
      if (!problems.length) continue;
      ctx.report({ span: e.valueArg.span, message: `Content-Security-Policy allows ${problems.join(', ')}: injected scripts may run.` });
    }
  },
};
