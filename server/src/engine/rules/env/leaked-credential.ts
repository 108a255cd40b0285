import type { Rule } from '../../types';
import { leakedCredentialFormat } from '../../secrets';
import { gitIgnoreStatus } from './support/gitignore';
import { effectiveEntries, valueIsVerbatim, type EnvContext } from './support/context';

export const envLeakedCredential: Rule<EnvContext> = {
  id: 'env/leaked-credential', language: 'env', severity: 'info',
  title: 'Live credential in a file git would commit',
  docs: {
    why: 'A value has the format of a live credential (AWS access key `AKIA...`, GitHub `ghp_`/`github_pat_`, Stripe `sk_live_`, Slack `xox?-`, Google `AIza...`, a private key PEM) and the file is not ignored by git, so it would be committed. Treat a committed key as leaked: revoke it at the provider and issue a new one. AI Notes guide: "Never commit secrets"; "Rotate credentials".',
    fixSafety: 'No automatic fix: only the provider can issue a new key.',
    references: ['AI Notes guide: API Keys Security'],
  },
  fixable: false,
  check(ctx) {
    const found = effectiveEntries(ctx).flatMap((e) => {
      const f = leakedCredentialFormat(e.value);
      return f ? [{ e, f }] : [];
    });
    if (!found.length || gitIgnoreStatus(ctx.workspace, ctx.file.path).ignored) return;
    for (const { e, f } of found) {
      const span = valueIsVerbatim(ctx, e) ? { start: e.valueSpan.start + f.start, end: e.valueSpan.start + f.end } : e.valueSpan;
      ctx.report({ span, message: `${e.key} holds what looks like ${f.name}, in a file git would commit: revoke it and keep it out of the repository.` });
    }
  },
};
