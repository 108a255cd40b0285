import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { nodesNamed, viewNodesNamed } from '../../nginx/view';
import type { ConfNode } from '../../nginx/tree';
import { insertInBlock } from '../../nginx/edit';
import { definitionOf, varRefs } from '../../nginx/variables';

/** Lines of a `map`/`geo` block that are parameters, not `key value;` entries. */
const PARAMS = new Set(['hostnames', 'volatile', 'include', 'proxy', 'proxy_recursive', 'delete', 'ranges']);

/** Directives whose arguments decide who gets in: an `if` (with its return/deny), and the auth switches. */
const DECISIONS = ['if', 'auth_basic', 'auth_request', 'satisfy'];

export const mapWithoutDefault: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/map-without-default', language: 'nginx', severity: 'info',
  title: 'map/geo used in an access decision has no default',
  docs: {
    why: 'A `map` or `geo` without `default` gives the empty string to every input no entry matches. When its '
      + 'result decides access (`if ($is_admin = 0) { return 403; }`, `if ($blocked) { ... }`, `auth_basic '
      + '$realm`), that empty fallback is a value nobody chose: a new path, a header spelled another way or an '
      + 'IPv6 client falls through, and a check written as "deny when 0" lets it in.\n\nSame check as Gixy-Next\'s '
      + '`hash_without_default`, narrowed to what it warns about: it is reported only when the variable is read '
      + 'in an `if` condition or an auth directive (a `map` feeding `limit_req_zone` keys relies on the empty '
      + 'result to exempt requests, and one feeding a header or an upstream name decides no access). Like '
      + 'Gixy-Next, a `map` with a single entry is taken as that deliberate "everything else empty" pattern; a '
      + '`geo` is always checked.',
    fixSafety: 'The fix adds `default 0;` (false in an `if`, like the empty string, so `if ($var)` keeps its meaning); check that 0 is the value that denies for comparisons such as `= 0`. It changes those comparisons, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['Gixy-Next hash_without_default'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    const own = nodesNamed(view.cfg, ctx.file.path, 'map', 'geo').filter((m) => m.children && !hasDefault(m) && enoughEntries(m));
    if (!own.length) return;
    const used = usedInDecisions(view.cfg);
    for (const m of own) {
      const use = used.get(m);
      if (!use) continue;
      const target = m.args[m.args.length - 1];
      ctx.report({
        span: target.span,
        message: `${m.name} ${target.value} has no default: inputs no entry matches give an empty ${target.value}, `
          + `which ${use.name === 'if' ? 'an if condition' : use.name} uses to decide access.`,
        related: [{ file: use.file, span: use.d.span, message: `${target.value} decides access here` }],
        fixes: [{ title: 'Add `default 0;`', safe: false, edits: [insertInBlock(view.file, m.d, ['default 0;'], { before: (c) => !PARAMS.has(c.name) })] }],
      });
    }
  },
};

function entries(m: ConfNode): ConfNode[] {
  return (m.children ?? []).filter((c) => !PARAMS.has(c.name));
}

function hasDefault(m: ConfNode): boolean {
  return entries(m).some((c) => c.name === 'default');
}

function enoughEntries(m: ConfNode): boolean {
  return m.name === 'geo' || entries(m).length >= 2;
}

/** For each map/geo read by a decision directive: the first such directive in the view. */
function usedInDecisions(cfg: Parameters<typeof viewNodesNamed>[0]): Map<ConfNode, ConfNode> {
  const out = new Map<ConfNode, ConfNode>();
  for (const name of DECISIONS) {
    for (const n of viewNodesNamed(cfg, name)) {
      if (name === 'if' && !guards(n)) continue;
      for (const a of n.args) {
        for (const ref of varRefs(a.value)) {
          const def = definitionOf(n, ref.name);
          if (def && (def.name === 'map' || def.name === 'geo') && !out.has(def)) out.set(def, n);
        }
      }
    }
  }
  return out;
}

/** An `if` whose body refuses or authenticates (not one that only rewrites or picks an upstream). */
function guards(n: ConfNode): boolean {
  return (n.children ?? []).some((c) => c.name === 'deny' || c.name.startsWith('auth_') || c.name === 'limit_req'
    || (c.name === 'return' && /^(4\d\d|5\d\d)$/.test(c.args[0]?.value ?? '')));
}
