/**
 * nginx config parser with exact source spans (reference: ../shared/reference/nginx-syntax.md).
 * The tree is described in `nginx-tree.ts`; tokens come from `nginx-lexer.ts`, the grammar is in
 * `nginx-parser.ts`. This file is the entry point: it splits `nginx -T` dumps into their sections.
 *
 * The parser never throws: problems become positioned `errors` (reported by `nginx/syntax`).
 * A file may be a fragment (bare directives or `server { }` blocks): the parser does not care which
 * context the top level is; `engine/nginx/context.ts` guesses it.
 */
import { NginxParser } from './nginx-parser';
import { walkAll, type NginxFile } from './nginx-tree';
import { noteSource, reparseEdit } from './nginx-reparse';

export type { NginxArg, NginxComment, NginxDirective, NginxFile, NginxSection } from './nginx-tree';

const DUMP_MARKER = /^# configuration file ([^\r\n]+):[ \t]*\r?$/gm;
const DUMP_MARKER_TEXT = '# configuration file ';

/** `previous`: the tree of the text this one replaced in the editor; reused (and used up) when the edit is inside one block. */
export function parseNginx(text: string, previous?: NginxFile): NginxFile {
  const reparsed = previous && reparseEdit(previous, text, DUMP_MARKER_TEXT);
  if (reparsed) return reparsed;
  const out = parseFull(text);
  if (!out.errors.length && !out.sections.length) noteSource(out, text);
  return out;
}

function parseFull(text: string): NginxFile {
  const out: NginxFile = { directives: [], comments: [], errors: [], sections: [] };
  try {
    // The marker's fixed text is searched first: a regex scan over every line start of a large file costs more.
    const markers = text.includes(DUMP_MARKER_TEXT) ? [...text.matchAll(DUMP_MARKER)] : [];
    if (markers.length === 0) {
      out.directives = new NginxParser(text, 0, text.length, out).parseAll();
      return out;
    }
    // Anything before the first marker (nginx -T prints "syntax is ok" lines there) is not config.
    markers.forEach((m, i) => {
      const start = m.index;
      const end = i + 1 < markers.length ? markers[i + 1].index : text.length;
      const bodyStart = start + m[0].length;
      const dirs = new NginxParser(text, bodyStart, end, out).parseAll();
      for (const d of dirs) walkAll(d, (x) => { x.section = i; });
      out.sections.push({ path: m[1].trim(), span: { start, end }, directives: dirs });
      out.directives.push(...dirs);
    });
    if (markers[0].index > 0) out.comments.unshift({ span: { start: 0, end: markers[0].index }, text: text.slice(0, markers[0].index) });
  } catch (e) {
    // A bug here must not take the linter down: keep what was parsed and say where it stopped.
    out.errors.push({ span: { start: 0, end: Math.min(1, text.length) }, message: `internal parser error: ${(e as Error).message}` });
  }
  return out;
}
