import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { nodesNamed } from '../../nginx/view';

/** The upload limit of the AFFiNE guide's proxy config. */
const LIMIT = '100M';

export const unlimitedBodySize: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/unlimited-body-size', language: 'nginx', severity: 'warning',
  title: 'Request body size unlimited',
  description: '`client_max_body_size 0` turns off nginx\'s check of the request body size: any client can stream '
    + 'gigabytes to the app, filling its disk or memory. Set a limit that fits the largest upload the app takes '
    + '(the AFFiNE guide uses `client_max_body_size 100M;`). The fix writes 100M; check it against your uploads, '
    + 'which is why it is not applied by "Fix all".',
  fixable: true,
  sources: ['AFFiNE guide'],
  check(ctx) {
    const view = nginxView(ctx);
    for (const n of nodesNamed(view.cfg, ctx.file.path, 'client_max_body_size')) {
      const arg = n.args[0];
      if (!arg || !/^0+[kKmMgG]?$/.test(arg.value)) continue;
      ctx.report({
        span: arg.span,
        message: 'client_max_body_size 0 disables the request body limit: clients can upload without bound.',
        fixes: [{ title: `Set client_max_body_size ${LIMIT}`, safe: false, edits: [ctx.replace(arg.span, LIMIT)] }],
      });
    }
  },
};
