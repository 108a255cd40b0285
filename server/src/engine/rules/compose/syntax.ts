import type { Rule } from '../../types';
import type { ComposeContext } from './support/report';

export const composeSyntax: Rule<ComposeContext> = {
  id: 'compose/syntax', language: 'compose', severity: 'error',
  title: 'Invalid YAML or compose structure',
  description: 'The file is not valid YAML, or `services` (or a service) is not a mapping. Compose refuses to start the stack, and every other check only sees the part of the file that could be read.',
  fixable: false,
  check(ctx) {
    for (const e of ctx.doc.errors) ctx.report({ span: e.span, message: e.message, severity: e.severity });
  },
};
