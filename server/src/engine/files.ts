import type { Language } from './types';
import { basename } from './paths';
import { isComposeName, kindOf, mightBeDeployFile, needsContent } from '../../../common/file-kinds';

export { isComposeName, mightBeDeployFile, needsContent };

/** Which kind of deployment file a path is (ARCHITECTURE.md, File kinds), or undefined. `text` lets content decide. */
export function languageOf(path: string, text?: string): Language | undefined {
  return kindOf(path, text);
}

/** `.env.example`, `.env.sample`, `*.env.dist`, anything named example/sample/template (ARCHITECTURE.md, File kinds). */
export function isTemplateFile(path: string): boolean {
  const name = basename(path).toLowerCase();
  return /example|sample|template|\.dist$|\.defaults?$/.test(name);
}
