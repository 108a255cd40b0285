/** How a compose file is written (indent width, sequence indent, line breaks), so inserted text matches it. */
import { Scalar } from 'yaml';
import type { ComposeFile } from '../../../parse/compose';
import type { SourceDocument } from '../../../workspace-files';
import { eolOf } from '../../../text';

export interface YamlStyle {
  eol: string;
  /** One indentation step: two or four spaces, as the file uses. */
  unit: string;
  /** Extra indent of `- item` under its key: '' for indentless sequences (`ports:\n- x`). */
  seqIndent: string;
}

export function styleOf(file: SourceDocument, compose: ComposeFile): YamlStyle {
  return file.memo('compose:style', () => {
    const unit = indentUnit(file, compose);
    return { eol: eolOf(file.text), unit, seqIndent: sequenceIndent(file.text) ?? unit };
  });
}

function indentUnit(file: SourceDocument, compose: ComposeFile): string {
  const svc = compose.services[0];
  const top = compose.servicesEntry;
  if (svc && top) {
    const d = file.lines.position(svc.keySpan.start).character - file.lines.position(top.keySpan.start).character;
    if (d > 0 && d <= 8) return ' '.repeat(d);
  }
  const m = /^[^\s#][^\n]*:[ \t]*\r?\n( +)[^\s#]/m.exec(file.text);
  return m && m[1].length <= 8 ? m[1] : '  ';
}

function sequenceIndent(text: string): string | undefined {
  const m = /^( *)[^\s#-][^\n]*:[ \t]*(?:#[^\n]*)?\r?\n( *)- /m.exec(text);
  if (!m) return undefined;
  const d = m[2].length - m[1].length;
  return d > 0 ? ' '.repeat(d) : '';
}

/** A plain scalar is safe when YAML reads it back as this same string (no indicator, no type change). */
export function plainSafe(s: string, flow: boolean): boolean {
  if (s === '' || s !== s.trim()) return false;
  if (/^[,[\]{}#&*!|>'"%@`]|^[-?:](\s|$)|^(---|\.\.\.)/.test(s)) return false;
  if (/: |:$| #|\t/.test(s)) return false;
  if (flow && /[,[\]{}]/.test(s)) return false;
  if (/^(true|false|yes|no|on|off|y|n|null|~|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan)$/i.test(s)) return false;
  return true;
}

export function doubleQuoted(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

/** Writes `value` as a scalar in the style of the one it replaces (quotes kept; plain when safe). */
export function scalarLike(value: string, style: string | undefined, flow: boolean): string {
  if (style === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  if (style === Scalar.QUOTE_DOUBLE) return doubleQuoted(value);
  return plainSafe(value, flow) ? value : doubleQuoted(value);
}
