import type { Rule, EditSpec } from '../../types';
import { eolOf } from '../../text';
import { basename, dirname } from '../../paths';
import { gitIgnoreStatus, ignoreLineFor } from './support/gitignore';
import { credentialEntries, firstLine, holdsSecret, isTemplate, type EnvContext } from './support/context';
import { isPlaceholder } from '../../secrets';

export const envNotGitignored: Rule<EnvContext> = {
  id: 'env/not-gitignored', language: 'env', severity: 'warning',
  title: 'Env file with secrets is not ignored by git',
  docs: {
    why: [
      'A real env file (not a template) that holds secrets and that no `.gitignore` rule ignores: the next `git add .` commits its secrets, and they stay in the history after the file is removed. The rule reads the repository\'s real `.gitignore` files (root and nested, plus `.git/info/exclude`) with git\'s matching rules.',
      '',
      'Placeholders (`changeit`, `your-password-here`) are not secrets: a sample `.env` committed with only those is not reported (env/weak-secret reports the values). A known default such as `secret` may be the working credential and counts.',
      '',
      'AI Notes guide: "Never commit secrets: Use `.env` files and add to `.gitignore`"; SEEN guide: never commit `.env` files to version control.',
    ].join('\n'),
    fixSafety: 'The fix appends the file name to the nearest `.gitignore` (creating one at the repository root when there is none). It changes nothing the app does, so it is safe: "Fix all" and `--fix` apply it.',
    references: ['AI Notes guide: Environment Variables', 'SEEN guide: Environment Files'],
  },
  fixable: true,
  check(ctx) {
    if (isTemplate(ctx)) return;
    // A sample `.env` committed with only placeholders (`changeit`, `your-key-here`) has nothing to leak yet:
    // env/weak-secret asks for real values, and this rule speaks once one is there. A known default
    // (`secret`) may be the working credential, and stays a secret here.
    const secrets = credentialEntries(ctx).filter(({ entry }) => holdsSecret(entry.value) && !isPlaceholder(entry.value.trim()));
    if (!secrets.length) return;
    const status = gitIgnoreStatus(ctx.workspace, ctx.file.path);
    if (status.ignored) return;
    const target = status.nearest ?? `${status.root === '/' ? '' : status.root}/.gitignore`;
    const existing = ctx.workspace.readFile(target);
    const line = ignoreLineFor(dirname(target), ctx.file.path);
    let edit: EditSpec;
    if (existing === undefined) {
      edit = { file: target, start: 0, end: 0, newText: line + '\n', create: true };
    } else {
      const eol = eolOf(existing);
      const sep = existing === '' || /[\r\n]$/.test(existing) ? '' : eol;
      edit = { file: target, start: existing.length, end: existing.length, newText: sep + line + eol };
    }
    const name = basename(ctx.file.path);
    ctx.report({
      span: firstLine(ctx),
      message: `${name} holds secrets (${secrets.slice(0, 3).map((s) => s.entry.key).join(', ')}${secrets.length > 3 ? ', ...' : ''}) and is not ignored by git: \`git add .\` would commit them.`,
      fixes: [{ title: `Add ${line} to ${existing === undefined ? 'a new ' : ''}.gitignore`, safe: true, edits: [edit] }],
    });
  },
};
