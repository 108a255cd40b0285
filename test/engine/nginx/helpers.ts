import { parseNginx } from '../../../server/src/engine/parse/nginx';

/** `reparse` for checkFix: the fixed nginx text parses without errors. */
export function nginxParses(text: string): boolean {
  const errors = parseNginx(text).errors;
  if (errors.length) throw new Error(`fixed text does not parse: ${errors.map((e) => e.message).join('; ')}\n${text}`);
  return true;
}

/** Joins lines with \n (readable multi-line fixtures). */
export function conf(...lines: string[]): string {
  return lines.join('\n') + '\n';
}
