import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { httpServers } from '../../nginx/servers';
import { insertInBlock } from '../../nginx/edit';
import { effectiveDirective, flagOf } from '../../nginx/inherit';
import { nodesNamed } from '../../nginx/view';
import type { ConfNode } from '../../nginx/tree';
import { enablingParent } from '../../nginx/enabling-parent';

const LINE = 'server_tokens off;';

/** Next to other http-level settings of the same family, before the blocks. */
const sibling = (c: { name: string }) => /^(server_tokens|sendfile|tcp_nopush|tcp_nodelay|keepalive_timeout|types_hash_max_size|default_type|client_max_body_size)$/.test(c.name);

export const serverTokens: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/server-tokens', language: 'nginx', severity: 'info',
  title: 'nginx version disclosed (server_tokens)',
  docs: {
    why: 'By default nginx names its version in the `Server` header and on its own error pages (`nginx/1.22.1`), '
      + 'which tells an attacker which published vulnerabilities apply. `server_tokens on` and `build` do the '
      + 'same. Set `server_tokens off;` once at the http level (or in every server of a file included in `http '
      + '{}`).\n\nOne finding per config for the missing setting (at the http block, or at the first server of a '
      + 'fragment without an http block), and one per explicit `on`/`build`. Same check as gixy\'s '
      + '`version_disclosure`.\n\nA fragment gets the setting of the `http {}` it is included in when that main '
      + 'config is in the workspace, also when the fragment is enabled by copying or renaming it into the '
      + 'included folder (`conf.d/.default.conf`, `conf.d/templates/site.conf`, `production.conf.template` '
      + 'rendered to `production.conf`, `sites-available/` for `sites-enabled/*`).\n\nThe severity is `info`: a '
      + 'version string only speeds up fingerprinting; the published vulnerabilities it points to are there with '
      + 'or without it.',
    bad: 'http {\n    server {\n        listen 80;\n    }\n}',
    good: 'http {\n    server_tokens off;\n    server {\n        listen 80;\n    }\n}',
    fixSafety: 'The fix adds `server_tokens off;` (at the http block, or to each server of a fragment) or sets an explicit `on`/`build` to `off`. It is safe: "Fix all" and `--fix` apply it.',
    references: ['gixy version_disclosure', 'OWASP Secure Headers Project'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    const path = ctx.file.path;
    for (const n of nodesNamed(view.cfg, path, 'server_tokens')) {
      const v = flagOf(n);
      if (v !== 'on' && v !== 'build') continue;
      ctx.report({
        span: n.args[0].span,
        message: `server_tokens ${v} sends the nginx version in the Server header and on error pages.`,
        fixes: [{ title: 'Set server_tokens off', safe: true, edits: [ctx.replace(n.args[0].span, 'off')] }],
      });
    }

    const http = view.cfg.nodes.find((n) => n.name === 'http' && n.children);
    // Explicit on/build values are reported above; here only the default (`on`) left in force.
    const unset = (s: ConfNode) => !effectiveDirective(s, 'server_tokens', view.cfg.nodes);
    if (http) {
      if (http.file !== path || effectiveDirective(http, 'server_tokens', [])) return;
      const servers = httpServers(http.children ?? []);
      if (servers.length && !servers.some(unset)) return;
      ctx.report({
        span: http.d.nameSpan,
        message: 'server_tokens is not set to off: nginx sends its version in the Server header and on error pages (the default is on).',
        fixes: [{ title: 'Add server_tokens off; to the http block', safe: true, edits: [insertInBlock(view.file, http.d, [LINE], { after: sibling, before: (c) => !!c.block || c.name === 'include' })] }],
      });
      return;
    }
    if (view.cfg.context !== 'http') return;
    const parent = enablingParent(ctx.workspace, path);
    if (parent && effectiveDirective(parent.http, 'server_tokens', [])) return;
    const lacking = view.servers.filter(unset);
    if (!lacking.length) return;
    // A fragment meant for `http {}`: a top-level server_tokens could clash with the includer's, so set it per server.
    ctx.report({
      span: lacking[0].d.nameSpan,
      message: `server_tokens is not set to off${lacking.length > 1 ? ` in ${lacking.length} servers of this file` : ''}: nginx sends its version in the Server header and on error pages (the default is on).`,
      fixes: [{
        title: 'Add server_tokens off; to each server', safe: true,
        edits: lacking.filter((s) => s.file === path).map((s) => insertInBlock(view.file, s.d, [LINE], {
          after: (c) => c.name === 'server_name' || c.name === 'listen' || c.name === 'server_tokens', before: (c) => !!c.block,
        })),
      }],
    });
  },
};
