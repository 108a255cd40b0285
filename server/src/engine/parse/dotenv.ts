import type { ParseError } from '../types';

export interface EnvFile { errors: ParseError[] }

export function parseDotenv(text: string): EnvFile {
  void text;
  return { errors: [] };
}
