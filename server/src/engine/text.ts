import type { Position, Range, Span } from './types';

/** Maps offsets to LSP positions and back; built once per text. */
export class LineIndex {
  readonly lineStarts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      // The common case, with the engine's native search: a keystroke re-indexes the whole document.
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number { return this.lineStarts.length; }

  position(offset: number): Position {
    let o = Math.max(0, Math.min(offset, this.text.length));
    // Between the \r and the \n of a CRLF is not a column of the line: it is the line's end.
    if (o > 0 && this.text.charCodeAt(o) === 10 && this.text.charCodeAt(o - 1) === 13) o--;
    let lo = 0, hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  offset(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[pos.line];
    return Math.min(start + Math.max(0, pos.character), this.lineEnd(pos.line));
  }

  range(span: Span): Range { return { start: this.position(span.start), end: this.position(span.end) }; }

  /** Offset of the end of a line, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string { return this.text.slice(this.lineStarts[line], this.lineEnd(line)); }

  /** Leading whitespace of a line. */
  indentOf(line: number): string { return /^[ \t]*/.exec(this.lineText(line))![0]; }
}

/** The line break the file already uses, for inserted lines. */
export function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** The offsets of `ch` in `text`, ascending: for asking of many ranges whether they hold one, without copying them. */
export function offsetsOf(text: string, ch: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) out.push(i);
  return out;
}

/** Whether an offset of the ascending `offsets` lies in [start, end). */
export function someWithin(offsets: readonly number[], start: number, end: number): boolean {
  let lo = 0, hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] < start) lo = mid + 1; else hi = mid;
  }
  return lo < offsets.length && offsets[lo] < end;
}

/**
 * A copy of `s` that keeps no larger string alive (a slice of a document's text would keep that whole
 * version in memory). Shorter strings are copies already; a longer slice of a joined string is a slice
 * of its flat copy, made just for it.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
