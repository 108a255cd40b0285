import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView, type NginxView } from '../../nginx/rule-context';
import { hasIncludes, nodesNamed } from '../../nginx/view';
import { childrenNamed, type ConfNode } from '../../nginx/tree';
import { effectiveList } from '../../nginx/inherit';
import { directiveText, insertInBlock } from '../../nginx/edit';

interface Need { label: string; satisfiedBy: string[]; line: string }

/** What an app behind a proxy needs to see the real client: its Host, its address and its scheme. */
const NEEDS: Need[] = [
  { label: 'Host', satisfiedBy: ['host'], line: 'proxy_set_header Host $host;' },
  { label: 'X-Real-IP/X-Forwarded-For', satisfiedBy: ['x-real-ip', 'x-forwarded-for', 'forwarded'], line: 'proxy_set_header X-Real-IP $remote_addr;\nproxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;' },
  { label: 'X-Forwarded-Proto', satisfiedBy: ['x-forwarded-proto', 'forwarded'], line: 'proxy_set_header X-Forwarded-Proto $scheme;' },
];

/** Includes we cannot read whose name says they set proxy headers (Debian's `proxy_params`, a `proxy.conf` of the image). */
function hidesProxyHeaders(view: NginxView, block: ConfNode | undefined): boolean {
  if (!hasIncludes(view.cfg)) return false;
  const suspicious = (n: ConfNode) => n.name === 'include' && /proxy|header/i.test(n.args[0]?.value ?? '')
    && (view.cfg.unresolved.includes(n) || view.cfg.includes.get(n)?.files.length === 0);
  for (let p = block; p; p = p.parent) if ((p.children ?? []).some(suspicious)) return true;
  return view.cfg.nodes.some(suspicious);
}

export const proxyMissingHeaders: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/proxy-missing-headers', language: 'nginx', severity: 'info',
  title: 'proxy_pass without the standard forwarding headers',
  docs: {
    why: 'Behind nginx the app sees nginx as its client: without `Host` it builds links to the upstream name '
      + '(`http://app:3000`), without `X-Real-IP`/`X-Forwarded-For` its logs, rate limits and lockouts see one '
      + 'address for everybody, and without `X-Forwarded-Proto` it believes the request was plain HTTP (insecure '
      + 'cookies, redirect loops). The AFFiNE, AppFlowy and AI Notes guides set all of them.\n\n`proxy_set_header` '
      + 'follows the same inheritance as `add_header`: a location with any `proxy_set_header` of its own inherits '
      + 'none from the server.',
    fixSafety: 'The fix adds the missing `proxy_set_header` lines (repeating the inherited ones in a location that has its own). Setting Host changes what the app receives, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['AFFiNE guide', 'AppFlowy guide', 'AI Notes guide'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    const path = ctx.file.path;
    // The locations of a server share its proxy_set_header list: what it lacks is worked out once per
    // list. A list is all the proxy_set_header of one block, so its first node tells which list it is.
    const missingFor = new Map<ConfNode | undefined, Need[]>();
    for (const pass of nodesNamed(view.cfg, path, 'proxy_pass')) {
      const block = pass.parent;
      if (hidesProxyHeaders(view, block)) continue;
      const set = block ? effectiveList(block, 'proxy_set_header', view.cfg.nodes) : view.cfg.nodes.filter((n) => n.name === 'proxy_set_header');
      let missing = missingFor.get(set[0]);
      if (!missing) missingFor.set(set[0], missing = notDropped(missingFrom(set), set, view.cfg.nodes));
      if (!missing.length) continue;
      const fix = block && block.file === path ? headerFix(view, block, pass, set, missing) : undefined;
      ctx.report({
        span: pass.d.nameSpan,
        message: `proxy_pass sends no ${missing.map((m) => m.label).join(', ')} header: the app does not see the client's host, address or scheme.`,
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
};

function missingFrom(set: readonly ConfNode[]): Need[] {
  const names = new Set(set.filter((n) => (n.args[1]?.value ?? '') !== '').map((n) => n.args[0]?.value.toLowerCase()));
  return NEEDS.filter((need) => !need.satisfiedBy.some((h) => names.has(h)));
}

/**
 * The needs that the enclosing level does not meet either: one it meets is lost because this level has a
 * list of its own, which nginx/proxy-header-inheritance reports (one problem, one finding).
 */
function notDropped(missing: Need[], set: readonly ConfNode[], top: readonly ConfNode[]): Need[] {
  const level = set[0]?.parent;
  if (!missing.length || !level) return missing;
  const above = level.parent ? effectiveList(level.parent, 'proxy_set_header', top) : top.filter((n) => n.name === 'proxy_set_header');
  if (!above.length) return missing;
  const aboveMissing = missingFrom(above);
  return missing.filter((m) => aboveMissing.includes(m));
}

function headerFix(view: NginxView, block: ConfNode, pass: ConfNode, inherited: readonly ConfNode[], missing: Need[]) {
  const own = childrenNamed(block, 'proxy_set_header');
  // A block with no proxy_set_header of its own inherits the enclosing ones; adding one would drop them.
  const repeated = own.length ? [] : inherited.map((n) => directiveText(view.file.path === n.file ? view.file.text : '', n.d)).filter(Boolean);
  if (!own.length && inherited.some((n) => n.file !== view.file.path)) return undefined;
  const lines = [...repeated, ...missing.flatMap((m) => m.line.split('\n'))];
  const edit = insertInBlock(view.file, block.d, lines, {
    after: (c) => c.name === 'proxy_set_header', before: (c) => c === pass.d || !!c.block,
  });
  return { title: `Add ${missing.map((m) => m.label).join(', ')}`, safe: false, edits: [edit] };
}
