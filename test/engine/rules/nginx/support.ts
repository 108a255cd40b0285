import { parseNginx } from '../../../../server/src/engine/parse/nginx';

/** `checkFix` re-parse check for nginx text: no parse error at all. */
export const reparse = (text: string): boolean => parseNginx(text).errors.length === 0;

/** The 1-based "line:col-line:col" of the `nth` occurrence of `needle` in `text` (what `rangeOf` prints for it). */
export function spanOf(text: string, needle: string, nth = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" not in the fixture`);
  const pos = (o: number) => { const before = text.slice(0, o).split('\n'); return `${before.length}:${before[before.length - 1].length + 1}`; };
  return `${pos(at)}-${pos(at + needle.length)}`;
}
