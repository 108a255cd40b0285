import type { Rule } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { nodesNamed } from '../../nginx/view';
import { resolveKeyPath } from '../../nginx/key-path';
import { COMMANDS } from '../../../../../common/commands';

export const privateKeyPermissions: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/private-key-permissions', language: 'nginx', severity: 'warning',
  title: 'TLS private key readable by other users',
  docs: {
    why: 'The file named by `ssl_certificate_key` is in the workspace and its permissions let the group or other '
      + 'users read it (`mode & 077` is not 0): any local account or compromised service can copy the key and '
      + 'impersonate the site. nginx reads it as root before dropping privileges, so owner-only is enough. '
      + 'AppFlowy guide: `chmod 600` the key.',
    fixSafety: 'The code action runs `chmod 600` on the key through the language server (command `deploylint.chmod600`). It is lightbulb-only: "Fix all" and `--fix` do not run commands.',
    references: ['AppFlowy guide'],
  },
  fixable: true,
  check(ctx) {
    if (typeof process !== 'undefined' && process.platform === 'win32') return;
    const view = nginxView(ctx);
    for (const n of nodesNamed(view.cfg, ctx.file.path, 'ssl_certificate_key')) {
      const arg = n.args[0];
      if (!arg) continue;
      const key = resolveKeyPath(ctx, arg.value);
      if (!key) continue;
      const mode = (key.mode & 0o777).toString(8).padStart(3, '0');
      if ((key.mode & 0o077) === 0) continue;
      ctx.report({
        span: arg.span,
        message: `The private key ${arg.value} has mode ${mode}: other users of the machine can read it. Restrict it to the owner (chmod 600).`,
        fixes: [{
          title: 'Restrict permissions (chmod 600)', safe: false, edits: [],
          command: { command: COMMANDS.chmod600, title: 'Restrict permissions (chmod 600)', arguments: [key.path] },
        }],
      });
    }
  },
};
