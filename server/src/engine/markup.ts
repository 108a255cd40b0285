import type { Span } from './types';

/**
 * Templating markup (Jinja/Ansible, Liquid, Nunjucks, gomplate/Go templates) in a deployment file:
 * the file is rendered before nginx or compose reads it. The parsers get the text with the markup
 * blanked out at the same offsets, so what lies around the tags is linted and ranges stay exact.
 */
export interface Markup {
  /** The engine flavour that named it, for messages. */
  flavour: 'Jinja/Liquid' | 'Go template';
  /** Where the markup is in the original text. */
  spans: Span[];
  /** The text with every markup span replaced by filler of the same length (line breaks kept). */
  masked: string;
  /** The renderer pulls in other files (`{% include %}`, `{{ template }}`): what the file lacks may come from them. */
  includes: boolean;
  /** Text between `{% if %}`/`{% for %}` (or `{{ if }}`/`{{ range }}`) and its end: rendered only for some settings. */
  conditional: Span[];
}

/** Bounded: a stray `{%` must not make every later one scan to the end of the file. */
const BLOCK_TAG = /\{%-?[\s\S]{0,1000}?-?%\}|\{#[^\n]{0,1000}?#\}/g;
const EXPRESSION = /\{\{-?[^{}\n]*?-?\}\}/g;
const INCLUDE = /^\{[{%]-?\s*(include|import|extends|render|template)\b/;
/** Go template control words: a `{{ if ... }}` line is structure, not a value. */
const GO_CONTROL = /^\{\{-?\s*(if|else|end|range|with|define|block|template)\b/;

/**
 * Whether `text` holds markup a renderer consumes. `{{ }}` alone counts where nothing else writes it:
 * on a line of its own, as a whole value (`image: {{ img }}`, `KEY={{ .Base }}`), or anywhere in
 * nginx text; a `--format '{{.Names}}'` argument inside a compose command does not.
 */
export function findMarkup(text: string, nginx: boolean): Markup | undefined {
  if (!text.includes('{%') && !text.includes('{{') && !text.includes('{#')) return undefined;
  const spans: Span[] = [];
  let jinja = false;
  for (const m of text.matchAll(BLOCK_TAG)) {
    spans.push({ start: m.index, end: m.index + m[0].length });
    jinja = true;
  }
  let structural = jinja;
  const expressions: Span[] = [];
  for (const m of text.matchAll(EXPRESSION)) {
    expressions.push({ start: m.index, end: m.index + m[0].length });
    if (!structural && (nginx || isStructural(text, m.index, m[0]))) structural = true;
  }
  if (!structural) return undefined;
  spans.push(...expressions.filter((e) => !spans.some((s) => s.start <= e.start && e.end <= s.end)));
  spans.sort((a, b) => a.start - b.start);
  // `{{ .Env.X }}`, `{{ $var }}` and `{{ if }}` are Go templates (gomplate, confd); Jinja writes `{% if %}`.
  const goTemplate = !jinja && expressions.some((e) => /^\{\{-?\s*[.$]/.test(text.slice(e.start, e.end)) || GO_CONTROL.test(text.slice(e.start, e.end)));
  const includes = spans.some((s) => INCLUDE.test(text.slice(s.start, s.end)));
  return { flavour: goTemplate ? 'Go template' : 'Jinja/Liquid', spans, masked: mask(text, spans), includes, conditional: conditionals(text, spans) };
}

const OPENS = /^\{[{%]-?\s*(if|for|range|with|unless|case)\b/;
const CLOSES = /^\{[{%]-?\s*(endif|endfor|endunless|endcase|end)\b/;

/** The bodies of conditional and loop tags, outermost and inner alike; unbalanced tags run to the end of the file. */
function conditionals(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  const open: number[] = [];
  for (const s of spans) {
    const tag = text.slice(s.start, s.end);
    if (OPENS.test(tag)) open.push(s.end);
    else if (CLOSES.test(tag) && open.length) out.push({ start: open.pop()!, end: s.start });
  }
  for (const start of open) out.push({ start, end: text.length });
  return out;
}

function isStructural(text: string, at: number, expr: string): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEndAt = text.indexOf('\n', at);
  const line = text.slice(lineStart, lineEndAt < 0 ? text.length : lineEndAt);
  const before = text.slice(lineStart, at);
  if (GO_CONTROL.test(expr) || /^\s*(-\s*)?$/.test(before)) return true;
  return /^\s*(-\s*)?["']?[\w.-]+["']?\s*[:=]\s*["']?$/.test(before) && line.trim().length > 0;
}

/**
 * Blanks markup: a tag alone on its line becomes spaces (the renderer drops the line), an inline
 * expression becomes `x`s, which every parser reads as a plain word where a value was.
 */
function mask(text: string, spans: Span[]): string {
  let out = '';
  let last = 0;
  for (const s of spans) {
    out += text.slice(last, s.start);
    const piece = text.slice(s.start, s.end);
    const lineStart = text.lastIndexOf('\n', s.start - 1) + 1;
    const lineEndAt = text.indexOf('\n', s.end);
    const alone = !text.slice(lineStart, s.start).trim() && !text.slice(s.end, lineEndAt < 0 ? text.length : lineEndAt).trim();
    const control = alone && (piece.startsWith('{%') || piece.startsWith('{#') || GO_CONTROL.test(piece));
    out += piece.replace(/[^\n]/g, control ? ' ' : 'x');
    last = s.end;
  }
  return out + text.slice(last);
}

/** Whether a span of the original text touches markup (a value the renderer fills in). */
export function touchesMarkup(markup: Markup, span: Span): boolean {
  return markup.spans.some((s) => s.start < span.end && span.start < s.end);
}

/** Whether a span lies wholly inside markup (a finding about the tag itself, not the config around it). */
export function insideMarkup(markup: Markup, span: Span): boolean {
  return markup.spans.some((s) => s.start <= span.start && span.end <= s.end);
}
