/** Builds nginx text line by line with one indent unit per block level and no doubled blank lines. */
export class ConfWriter {
  private readonly out: string[] = [];
  private depth = 0;

  constructor(private readonly unit = '    ') {}

  line(text: string): this {
    this.out.push(this.unit.repeat(this.depth) + text);
    return this;
  }

  lines(texts: readonly string[]): this {
    for (const t of texts) this.line(t);
    return this;
  }

  /** A blank separator line, never two in a row and never right after an opening brace. */
  blank(): this {
    const last = this.out[this.out.length - 1];
    if (last !== undefined && last !== '' && !last.endsWith('{')) this.out.push('');
    return this;
  }

  block(head: string, body: (w: this) => void): this {
    this.line(`${head} {`);
    this.depth++;
    body(this);
    if (this.out[this.out.length - 1] === '') this.out.pop();
    this.depth--;
    return this.line('}');
  }

  toString(): string {
    const lines = [...this.out];
    while (lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n') + '\n';
  }
}
