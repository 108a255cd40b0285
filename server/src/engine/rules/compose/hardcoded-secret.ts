import type { Rule, FixSpec, EditSpec } from '../../types';
import type { EnvEntry } from '../../parse/compose';
import { appendEnv } from './support/env-file';
import { literalSecretsOf, literalVerdict, varName, type LiteralSecret } from './support/env-secrets';
import { isTemplateFile } from '../../files';
import { scalarLike } from './support/yaml-style';
import type { ComposeContext } from './support/report';

export const hardcodedSecret: Rule<ComposeContext> = {
  id: 'compose/hardcoded-secret', language: 'compose', severity: 'warning',
  title: 'Secret written in the compose file',
  docs: {
    why: [
      'A credential-shaped variable (PASSWORD, SECRET, TOKEN, API_KEY, JWT ... see ARCHITECTURE.md, Secrets) in `environment` holds a literal value, or a connection string (`postgres://user:pass@host/db`) has a literal password.',
      'Compose files are committed, shared in issues and copied into guides; the secret goes with them. Keep the value in `.env` (not committed) and reference it: `DB_PASSWORD: ${DB_PASSWORD}`.',
      'Fluxbase guide: "Don\'t hardcode secrets"; AFFiNE guide: set the database password in .env.',
    ].join('\n'),
    bad: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: Kq8vR2mZ7xW4nT9pL3sB6dF1',
    good: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}',
    fixSafety: 'The fix replaces the value with `${KEY}` and appends `KEY=value` to the `.env` beside the compose file (creating it); compose reads the same value, so it is safe: "Fix all" and `--fix` apply it.',
    references: ['Fluxbase guide', 'AFFiNE guide'],
  },
  fixable: true,
  check(ctx) {
    // compose/weak-secret reports a weak literal once, with this rule's move among its fixes (ARCHITECTURE.md, Precision).
    const weakOwns = ctx.config.rules['compose/weak-secret'] !== 'off';
    const template = isTemplateFile(ctx.file.path);
    for (const s of literalSecretsOf(ctx.doc)) {
      if (weakOwns && literalVerdict(s, ctx.config.secrets, template)) continue;
      const what = s.url ? `the connection string in \`${s.env.key}\` has a literal password` : `\`${s.env.key}\` holds a literal secret`;
      const fix = moveToEnv(ctx, s);
      ctx.report({
        span: s.span,
        message: `In service \`${s.svc.name}\`, ${what}: it is committed with the file. Move it to .env and reference it as \${${varName(s.env.key)}}.`,
        fixes: fix ? [fix] : [],
      });
    }
  },
};

/** The value becomes `${NAME}` and `.env` gets NAME: the value as it is, or `fresh` for a weak one. */
export function moveToEnv(ctx: ComposeContext, s: LiteralSecret, fresh?: string): FixSpec | undefined {
  // Compose reads `$$` in the file as `$`; the .env value must be what the container got.
  const old = (s.env.value ?? '').replace(/\$\$/g, '$');
  const value = fresh === undefined ? old : s.url ? old.slice(0, s.url.start) + encodeURIComponent(fresh) + old.slice(s.url.end) : fresh;
  const base = varName(s.env.key);
  for (const name of [base, varName(`${s.svc.name}_${s.env.key}`).toUpperCase()]) {
    const env = appendEnv(ctx.workspace, ctx.file.path, name, value);
    if (env.status === 'conflict') continue;
    const edits: EditSpec[] = [replaceValue(s.env, `\${${name}}`)];
    if (env.edit) edits.push(env.edit);
    return { title: `Move the value to .env as ${name}`, safe: true, edits };
  }
  return undefined;
}

/** The env entry with its value replaced, written in the entry's own quoting. */
export function replaceValue(env: EnvEntry, newValue: string): EditSpec {
  if (env.form === 'map') {
    const span = env.node?.range ? { start: env.node.range[0], end: env.node.range[1] } : env.valueSpan;
    return { ...span, newText: scalarLike(newValue, env.style, env.flow) };
  }
  return { ...env.itemSpan, newText: scalarLike(`${env.key}=${newValue}`, env.style, env.flow) };
}
