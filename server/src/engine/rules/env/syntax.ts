import type { Rule } from '../../types';
import type { EnvContext } from './support/context';

export const envSyntax: Rule<EnvContext> = {
  id: 'env/syntax', language: 'env', severity: 'error',
  title: 'Line that dotenv ignores or misreads',
  docs: {
    why: 'A line that is not `KEY=VALUE`, a comment or a blank line, a name with characters dotenv does not accept, or a quote that is never closed. dotenv (and the apps that use it) silently skip such lines or keep the quote in the value, so a setting you think is applied is not. A quoted value that runs over lines which look like entries of their own usually means a closing quote is missing (warning). A bare `NAME` line is a warning: docker compose reads it as inherited from the shell, dotenv ignores it.',
  },
  fixable: false,
  check(ctx) {
    for (const e of ctx.doc.errors) ctx.report({ span: e.span, message: e.message, severity: e.severity });
  },
};
