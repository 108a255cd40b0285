import type { Rule, Severity } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { nodesNamed } from '../../nginx/view';
import { anchorIn, type ConfNode } from '../../nginx/tree';
import { authInEffect, effectiveAccess, reachOf, serverOf } from '../../nginx/access';

const REDIRECT_TARGET = /^(https?:\/\/|\$scheme)/i;

/** What the directive answers with, when it answers the client itself: content (2xx), a redirect, or nothing of ours (a refusal, an internal rewrite). */
function answer(n: ConfNode): { kind: 'content' | 'redirect'; body: boolean } | undefined {
  const a = n.args.map((x) => x.value);
  if (n.name === 'return') {
    if (a.length === 1 && REDIRECT_TARGET.test(a[0])) return { kind: 'redirect', body: false };
    const code = Number(a[0]);
    if (code >= 200 && code < 300) return { kind: 'content', body: a.length > 1 && a[1] !== '' };
    if (code >= 300 && code < 400) return { kind: 'redirect', body: false };
    return undefined;
  }
  if (n.name === 'rewrite' && a.length >= 2) {
    const flag = a[2];
    if (flag === 'redirect' || flag === 'permanent' || REDIRECT_TARGET.test(a[1])) return { kind: 'redirect', body: false };
  }
  return undefined;
}

/** The location or server whose access phase the request would reach next (an `if` runs in its enclosing block). */
function contextBlock(n: ConfNode): ConfNode | undefined {
  for (let p = n.parent; p; p = p.parent) if (p.name !== 'if') return p;
  return undefined;
}

function describe(b: ConfNode): string {
  return b.name === 'location' ? `location ${b.args.map((a) => a.raw).join(' ')}` : `this ${b.name} block`;
}

export const returnBypassesAccess: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/return-bypasses-access', language: 'nginx', severity: 'error',
  title: 'return answers before allow/deny and authentication run',
  docs: {
    why: 'nginx handles a request in phases: `return` and `rewrite` run in the rewrite phase, `allow`/`deny` and '
      + '`auth_basic`/`auth_request`/`auth_jwt` in the later access phase. A `return 200 "..."` (or a redirect, '
      + 'also `rewrite ... redirect|permanent` or to an `http(s)://` target) in a block guarded by access rules '
      + 'answers before they are looked at: every client gets the response. Reported for the rules in force for '
      + 'the block, its own or inherited from the server or http level (Gixy-Next\'s `return_bypasses_allow_deny` '
      + 'only compares directives of the same block, and not authentication). A `return` of 4xx/5xx/444 refuses '
      + 'anyway and is not reported, nor a location that only nginx reaches (`internal`, `@named`) under '
      + 'inherited rules (an error page for denied clients). Severity: `error` when content is served, `warning` '
      + 'for a redirect or an empty 2xx, `info` in a server that listens only on loopback or unix '
      + 'sockets.\n\nGixy-Next suggests `error_page 418 = @handler; return 418;` with the access rules in the named '
      + 'location; that does not help: a named location runs its own rewrite phase before its access phase, so '
      + 'the `return` there again answers first (checked with nginx 1.22). What works is reaching the answer from '
      + 'a later phase: keep `allow`/`deny` in the location and use `try_files /.nonexistent @answer;` with '
      + '`location @answer { return 200 "..."; }`, serve a file instead of `return`, or make the address check '
      + 'itself in the rewrite phase (`geo` + `if (...) { return 403; }` before the `return`).',
    fixSafety: 'No automatic fix: which of these fits is yours to choose.',
    references: ['nginx development guide: HTTP phases', 'Gixy-Next return_bypasses_allow_deny', 'https://joshua.hu/nginx-return-allow-deny'],
  },
  fixable: false,
  check(ctx) {
    const view = nginxView(ctx);
    const path = ctx.file.path;
    const top = view.cfg.nodes;
    for (const n of nodesNamed(view.cfg, path, 'return', 'rewrite')) {
      const what = answer(n);
      if (!what) continue;
      const block = contextBlock(n);
      if (!block || (block.name !== 'location' && block.name !== 'server')) continue;
      const { level, rules } = effectiveAccess(block, top);
      // Clients cannot ask for an internal or named location: it answers what nginx sends there (an error page for
      // the very clients the server denies). Only its own access rules say it was meant to be guarded.
      if (level !== block && (block.args[0]?.value.startsWith('@') || (block.children ?? []).some((c) => c.name === 'internal'))) continue;
      // A redirect reveals where it points and no more: it matters past an allowlist or a password, not past a ban of a few addresses.
      const deny = rules.find((r) => r.name === 'deny' && (what.kind === 'content' || /^(all|0\.0\.0\.0\/0|::\/0)$/i.test(r.args[0]?.value ?? '')));
      const auth = authInEffect(block, top);
      const guard = deny ?? auth;
      if (!guard) continue;
      const reach = reachOf(serverOf(block));
      let severity: Severity | undefined;
      if (reach !== 'network') severity = 'info';
      else if (what.kind === 'redirect' || !what.body) severity = 'warning';
      const by = deny && auth ? `${deny.name} ${deny.args.map((a) => a.value).join(' ')} and ${auth.name}` : deny ? `${deny.name} ${deny.args.map((a) => a.value).join(' ')}` : auth!.name;
      const anchor = anchorIn(n, path) ?? n;
      const guardAnchor = anchorIn(guard, path);
      ctx.report({
        span: anchor.d.span,
        ...(severity ? { severity } : {}),
        message: `${n.name} answers in the rewrite phase, before the access phase: ${by} in force for ${describe(block)} never applies to this ${what.kind === 'redirect' ? 'redirect' : 'response'}, every client gets it.`,
        ...(guardAnchor && guardAnchor !== anchor ? { related: [{ file: path, span: guardAnchor.d.span, message: 'the access rule that does not apply' }] } : {}),
      });
    }
  },
};
