import type { Workspace } from '../workspace';
import type { ConfNode } from './tree';
import { markupOf } from '../languages';
import { touchesMarkup } from '../markup';

/**
 * Whether a directive's arguments are template markup (`{{ port }}`, `{% if %}`), rendered before
 * nginx reads the file. Parsers see such markup blanked, so the original text is what tells.
 */
export function argsTemplated(ws: Workspace, n: ConfNode): boolean {
  const doc = ws.document(n.file);
  const markup = doc && markupOf(doc, 'nginx');
  return !!markup && n.args.some((a) => touchesMarkup(markup, a.span));
}
