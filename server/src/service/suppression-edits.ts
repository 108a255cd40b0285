import { eolOf, LineIndex, type Span } from '../engine';

/** A splice on the document that adds a suppression comment. */
export interface SuppressionEdit extends Span { newText: string }

const NEXT_LINE = /^([ \t]*#+[ \t]*deploylint-disable-next-line\b)([^\r\n]*)$/;
const WHOLE_FILE = /^([ \t]*#+[ \t]*deploylint-disable(?!-)\b)([^\r\n]*)$/;

/**
 * "Disable <rule> for this line": `# deploylint-disable-next-line <rule>` above the line, with its
 * indentation; when the line above already holds such a comment, the rule joins its list.
 */
export function disableForLine(text: string, line: number, rule: string): SuppressionEdit | undefined {
  const lines = new LineIndex(text);
  if (line < 0 || line >= lines.lineCount) return undefined;
  if (line > 0) {
    const joined = joinDirective(lines, line - 1, NEXT_LINE, rule);
    if (joined !== null) return joined;
  }
  const at = lines.lineStarts[line];
  return { start: at, end: at, newText: `${lines.indentOf(line)}# deploylint-disable-next-line ${rule}${eolOf(text)}` };
}

/**
 * "Disable <rule> for this file": joins an existing `# deploylint-disable` comment, else adds one
 * at the top (below a shebang, which must stay first).
 */
export function disableForFile(text: string, rule: string): SuppressionEdit | undefined {
  const lines = new LineIndex(text);
  for (let i = 0; i < lines.lineCount; i++) {
    const joined = joinDirective(lines, i, WHOLE_FILE, rule);
    if (joined !== null) return joined;
  }
  const eol = eolOf(text);
  if (text.startsWith('#!')) {
    const end = lines.lineEnd(0);
    return { start: end, end, newText: `${eol}# deploylint-disable ${rule}` };
  }
  return { start: 0, end: 0, newText: `# deploylint-disable ${rule}${eol}` };
}

/**
 * null: line `i` is not such a directive. undefined: it already covers the rule (nothing to add).
 * Otherwise the splice that appends the rule to its list, before any `-- reason`.
 */
function joinDirective(lines: LineIndex, i: number, re: RegExp, rule: string): SuppressionEdit | undefined | null {
  const m = re.exec(lines.lineText(i));
  if (!m) return null;
  const rest = m[2];
  const reason = rest.search(/\s--(\s|$)/);
  const list = (reason < 0 ? rest : rest.slice(0, reason)).trimEnd();
  const ids = list.split(/[,\s]+/).filter(Boolean);
  if (!ids.length || ids.includes(rule)) return undefined;
  const at = lines.lineStarts[i] + m[1].length + list.length;
  return { start: at, end: at, newText: `, ${rule}` };
}
