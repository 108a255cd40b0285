/**
 * The house style of generated nginx text, checked line by line without the engine's parser (so it
 * holds whatever state that parser is in): 4-space indent per block level, every statement ends in
 * `;`, balanced braces and quotes, no tabs, no trailing spaces, no doubled blank lines.
 */
export function layoutProblems(text: string): string[] {
  const problems: string[] = [];
  if (!text.endsWith('}\n') || text.endsWith('\n\n')) problems.push('the text must end with "}" and one newline');
  if (text.includes('\r')) problems.push('carriage return in output');
  let depth = 0;
  let blank = false;
  text.replace(/\n$/, '').split('\n').forEach((line, i) => {
    const at = `line ${i + 1}`;
    if (/\t/.test(line)) problems.push(`${at}: tab`);
    if (/ $/.test(line)) problems.push(`${at}: trailing space`);
    const body = line.trim();
    if (!body) {
      if (blank) problems.push(`${at}: two blank lines in a row`);
      blank = true;
      return;
    }
    blank = false;
    if (body === '}') depth--;
    if (depth < 0) problems.push(`${at}: "}" without an open block`);
    const indent = line.length - line.trimStart().length;
    if (indent !== 4 * Math.max(depth, 0)) problems.push(`${at}: indent ${indent}, expected ${4 * depth}`);
    if (body.startsWith('#')) return;
    if ((body.match(/"/g) ?? []).length % 2) problems.push(`${at}: unbalanced double quote`);
    if (body.endsWith('{')) depth++;
    else if (body !== '}' && !body.endsWith(';')) problems.push(`${at}: statement without ";": ${body}`);
  });
  if (depth !== 0) problems.push(`unbalanced braces at the end (depth ${depth})`);
  return problems;
}
