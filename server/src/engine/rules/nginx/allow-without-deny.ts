import type { Rule, Severity } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { nodesNamed } from '../../nginx/view';
import { anchorIn, type ConfNode } from '../../nginx/tree';
import { insertInBlock } from '../../nginx/edit';
import {
  STATUS_DIRECTIVES, authInEffect, catchAll, familiesOf, hasNamedAllow, hidesRules, ownAccessRules, reachOf, satisfyAny, serverOf,
  type Family,
} from '../../nginx/access';

const FAMILY_LABEL: Record<Family, string> = { v4: 'IPv4', v6: 'IPv6' };

export const allowWithoutDeny: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/allow-without-deny', language: 'nginx', severity: 'error',
  title: 'allow rules without a final deny: everyone else is let in too',
  docs: {
    why: '`allow 10.0.0.0/8;` does not mean "only these addresses": nginx reads the `allow`/`deny` list of a block '
      + 'in order, the first rule that matches decides, and a client that no rule matches is let in. Without a '
      + 'closing `deny all;` the block is open to everybody.\n\nThe list is all or nothing per level: a location '
      + 'with any `allow`/`deny` of its own does not inherit the server\'s, so a `deny all;` on the server does '
      + 'not close a location that only says `allow` (Gixy-Next\'s `allow_without_deny` documentation suggests it '
      + 'can; ngx_http_access_module merges the lists only when a level has none). IPv4 and IPv6 clients are '
      + 'checked against separate lists: `deny 0.0.0.0/0` leaves IPv6 clients of a server listening on `[::]` in. '
      + '`allow all` alone is read as deliberate, and `satisfy any` with working authentication (`auth_basic`, '
      + '`auth_request`, `auth_jwt`) is the intended "address or password" pattern and is not reported. Severity '
      + 'follows reach: `warning` when authentication still applies to everyone (the address list restricts '
      + 'nothing, the password does), `info` in a server that listens only on loopback or unix sockets. A '
      + 'location holding a status page is reported by `nginx/status-page-exposed` instead.',
    bad: 'location /admin/ {\n    allow 10.0.0.0/8;\n}',
    good: 'location /admin/ {\n    allow 10.0.0.0/8;\n    deny all;\n}',
    fixSafety: 'The fix adds `deny all;` after the last rule. It locks out the clients the list does not name, which is what the list says but a change of behaviour, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['nginx ngx_http_access_module documentation', 'Gixy-Next allow_without_deny'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    const path = ctx.file.path;
    const top = view.cfg.nodes;
    const done = new Set<ConfNode>();
    for (const allow of nodesNamed(view.cfg, path, 'allow')) {
      const level = allow.parent;
      // Bare directives of a snippet: the level and its closing rule are in the file that includes it.
      if (!level || done.has(level)) continue;
      done.add(level);
      const rules = ownAccessRules(level, top);
      if (!hasNamedAllow(rules) || hidesRules(level, top, view.cfg.unresolved)) continue;
      if ((level.children ?? []).some((c) => STATUS_DIRECTIVES.has(c.name))) continue;
      const server = serverOf(level);
      // An `allow all` (or a whole family allowed) before any catch-all deny is deliberate: only families no rule covers are open by mistake.
      const open = familiesOf(server).filter((f) => catchAll(rules, f) === 'none');
      if (!open.length) continue;
      const auth = authInEffect(level, top);
      if (auth && satisfyAny(level, top)) continue;
      const reach = reachOf(server);
      const first = rules.find((r) => r.name === 'allow')!;
      const anchor = anchorIn(first, path) ?? first;
      const who = open.length === 2 ? 'every client' : `every ${FAMILY_LABEL[open[0]]} client`;
      let severity: Severity | undefined;
      let tail = 'so this list restricts nothing.';
      if (reach !== 'network') { severity = 'info'; tail = `(the server listens only on ${reach === 'loopback' ? 'loopback' : 'unix sockets'}).`; }
      else if (auth) { severity = 'warning'; tail = `so the address list restricts nothing: only ${auth.name} protects this block.`; }
      const last = anchorIn(rules[rules.length - 1], path);
      const fixable = level.file === path && last && last.parent === level;
      ctx.report({
        span: anchor.d.span,
        ...(severity ? { severity } : {}),
        message: `${first.name} ${first.args.map((a) => a.value).join(' ')} is not followed by deny all: nginx lets in ${who} that no rule names, ${tail}`,
        fixes: fixable ? [{
          title: 'Add deny all; after the allow rules', safe: false,
          edits: [insertInBlock(view.file, level.d, ['deny all;'], { after: (c) => c === last.d })],
        }] : [],
      });
    }
  },
};
