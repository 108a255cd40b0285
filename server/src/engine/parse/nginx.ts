import type { ParseError } from '../types';

export interface NginxFile { errors: ParseError[] }

export function parseNginx(text: string): NginxFile {
  void text;
  return { errors: [] };
}
