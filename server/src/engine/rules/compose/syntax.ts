import type { Rule } from '../../types';
import type { ComposeContext } from './support/report';

export const composeSyntax: Rule<ComposeContext> = {
  id: 'compose/syntax', language: 'compose', severity: 'error',
  title: 'Invalid YAML or compose structure',
  docs: {
    why: 'The file is not valid YAML, or `services` (or a service) is not a mapping. Compose refuses to start the stack, and every other check only sees the part of the file that could be read.',
  },
  fixable: false,
  check(ctx) {
    // One error per line: yaml reports a broken line several ways, and the first says it best.
    const lines = new Set<number>();
    for (const e of ctx.doc.errors) {
      const line = ctx.file.lines.position(e.span.start).line;
      if (lines.has(line)) continue;
      lines.add(line);
      ctx.report({ span: e.span, message: e.message, severity: e.severity });
    }
  },
};
