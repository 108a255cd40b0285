import { COMMANDS } from '../../../../../common/commands';
import type { Rule } from '../../types';
import { basename } from '../../paths';
import { credentialEntries, firstLine, holdsSecret, isTemplate, type EnvContext } from './support/context';

export const envFilePermissions: Rule<EnvContext> = {
  id: 'env/file-permissions', language: 'env', severity: 'info',
  title: 'Env file with secrets readable by other users',
  docs: {
    why: 'The env file holds secrets and its permissions let the group or other users of the machine read it (`mode & 077` is not 0). SEEN guide: "Restrict file permissions: `chmod 600 .env.production.local`". Checked on POSIX systems only, for files on disk.',
    fixSafety: 'The code action runs `chmod 600` on the file through the language server (the command `deploylint.chmod600`). It is lightbulb-only: "Fix all" and `--fix` do not run commands.',
    references: ['SEEN guide: Environment Files'],
  },
  fixable: true,
  check(ctx) {
    if (typeof process !== 'undefined' && process.platform === 'win32') return;
    if (isTemplate(ctx)) return;
    const st = ctx.workspace.stat(ctx.file.path);
    if (!st || !st.isFile || (st.mode & 0o077) === 0) return;
    if (!credentialEntries(ctx).some(({ entry }) => holdsSecret(entry.value))) return;
    const mode = (st.mode & 0o777).toString(8).padStart(3, '0');
    ctx.report({
      span: firstLine(ctx),
      message: `${basename(ctx.file.path)} holds secrets and has mode ${mode}: other users of the machine can read it. Restrict it to the owner (chmod 600).`,
      fixes: [{
        title: 'Restrict permissions (chmod 600)', safe: false, edits: [],
        command: { command: COMMANDS.chmod600, title: 'Restrict permissions (chmod 600)', arguments: [ctx.file.path] },
      }],
    });
  },
};
