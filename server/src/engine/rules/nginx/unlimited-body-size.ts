import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { nodesNamed, type NginxConfig } from '../../nginx/view';
import { configSet } from '../../nginx/rule-context';
import { httpServers } from '../../nginx/servers';
import { childrenNamed, type ConfNode } from '../../nginx/tree';
import type { WorkspaceFiles } from '../../workspace-files';

const UNLIMITED = /^0+[kKmMgG]?$/;

/**
 * An http-level `0` that no server uses: every server of the view sets its own limit, or the view has
 * no server and another file of the deployment sets `0` in the servers itself (that one is the
 * finding; fixing this one would change nothing).
 */
function shadowed(ws: WorkspaceFiles, path: string, cfg: NginxConfig, n: ConfNode): boolean {
  if (n.parent?.name !== 'http') return false;
  const servers = httpServers(n.parent.children ?? []);
  if (servers.length) return servers.every((s) => childrenNamed(s, 'client_max_body_size').length > 0);
  return configSet(ws, path).some((c) => c !== cfg && c.files.some((f) => f !== path
    && nodesNamed(c, f, 'client_max_body_size').some((x) => x.parent?.name !== 'http' && UNLIMITED.test(x.args[0]?.value ?? ''))));
}

/** The upload limit of the AFFiNE guide's proxy config. */
const LIMIT = '100M';

export const unlimitedBodySize: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/unlimited-body-size', language: 'nginx', severity: 'warning',
  title: 'Request body size unlimited',
  docs: {
    why: '`client_max_body_size 0` turns off nginx\'s check of the request body size: any client can stream '
      + 'gigabytes to the app, filling its disk or memory. Set a limit that fits the largest upload the app takes '
      + '(the AFFiNE guide uses `client_max_body_size 100M;`).\n\nAn http-level `0` that no server uses (each sets '
      + 'its own limit, or the sites come from a fragment that sets `0` itself) is not reported: the fragment\'s '
      + 'setting is the one to change.',
    bad: 'client_max_body_size 0;',
    good: 'client_max_body_size 100M;',
    fixSafety: 'The fix writes `client_max_body_size 100M;`. Check it against your uploads: it is lightbulb-only, "Fix all" and `--fix` do not apply it.',
    references: ['AFFiNE guide'],
  },
  fixable: true,
  check(ctx) {
    const view = nginxView(ctx);
    for (const n of nodesNamed(view.cfg, ctx.file.path, 'client_max_body_size')) {
      const arg = n.args[0];
      if (!arg || !UNLIMITED.test(arg.value) || shadowed(ctx.workspace, ctx.file.path, view.cfg, n)) continue;
      ctx.report({
        span: arg.span,
        message: 'client_max_body_size 0 disables the request body limit: clients can upload without bound.',
        fixes: [{ title: `Set client_max_body_size ${LIMIT}`, safe: false, edits: [ctx.replace(arg.span, LIMIT)] }],
      });
    }
  },
};
