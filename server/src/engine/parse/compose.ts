import type { ParseError } from '../types';

export interface ComposeFile { errors: ParseError[] }

export function parseCompose(text: string): ComposeFile {
  void text;
  return { errors: [] };
}
