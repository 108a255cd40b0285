import { parseDotenv } from '../../../../server/src/engine/parse/dotenv';

/** checkFix's re-parse for env files: the fixed text has no syntax error. Other files (.gitignore) pass. */
export function reparseEnv(text: string, path: string): boolean {
  if (/\.gitignore$/.test(path)) return true;
  return parseDotenv(text).errors.length === 0;
}
