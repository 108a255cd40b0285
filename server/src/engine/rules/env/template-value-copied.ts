import type { Rule } from '../../types';
import type { EnvFile } from '../../parse/dotenv';
import { envValues } from '../../parse/dotenv';
import { parsed } from '../../languages';
import { basename, dirname } from '../../paths';
import { isTemplateFile } from '../../files';
import { generateSecret } from '../../secrets';
import { credentialEntries, holdsSecret, isTemplate, replaceValue, type EnvContext } from './support/context';

/** Templates next to the file that describe env files: `.env.example`, `env.sample`, `app.env.dist`... */
function siblingTemplates(ctx: EnvContext): string[] {
  const dir = dirname(ctx.file.path);
  const names = ctx.workspace.readDir(dir) ?? [];
  return names
    .filter((n) => n !== basename(ctx.file.path) && isTemplateFile(n) && /(^|[._-])env([._-]|$)/i.test(n))
    .map((n) => (dir === '/' ? '' : dir) + '/' + n)
    .filter((p) => ctx.workspace.stat(p)?.isFile !== false);
}

export const envTemplateValueCopied: Rule<EnvContext> = {
  id: 'env/template-value-copied', language: 'env', severity: 'warning',
  title: 'Secret copied from the template',
  docs: {
    why: 'A secret in a real env file has the same value as in the template beside it (`.env.example`, `.env.sample`, `.env.template`...). Templates are committed and published with the app, so that value is public: anyone who read the repository knows it. SEEN guide: "Never use default or example secrets".',
    fixSafety: 'The fix regenerates the value. The service that uses it must be updated too, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['SEEN guide: Generate Strong Secrets'],
  },
  fixable: true,
  check(ctx) {
    if (isTemplate(ctx)) return;
    const secrets = credentialEntries(ctx).filter(({ entry }) => holdsSecret(entry.value));
    if (!secrets.length) return;
    for (const path of siblingTemplates(ctx)) {
      const doc = ctx.workspace.document(path);
      if (!doc) continue;
      const values = envValues(parsed<EnvFile>(doc, 'env'));
      for (const { entry: e, kind } of secrets) {
        if (values.get(e.key) !== e.value) continue;
        ctx.report({
          span: e.valueSpan,
          message: `${e.key} has the same value as in ${basename(path)}: a template is public, so this secret is known.`,
          fixes: kind === 'token' ? [] : [{ title: `Regenerate ${e.key}`, safe: false, sensitive: true, edits: [replaceValue(ctx, e, generateSecret(e.key, e.value))] }],
        });
      }
    }
  },
};
