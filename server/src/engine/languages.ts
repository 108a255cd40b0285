import type { Language } from './types';
import type { SourceDocument } from './workspace-files';
import { parseCompose } from './parse/compose';
import { parseNginx } from './parse/nginx';
import { parseDotenv } from './parse/dotenv';

const PARSERS: Record<Language, (text: string) => unknown> = {
  compose: parseCompose,
  nginx: parseNginx,
  env: parseDotenv,
};

/** The parse tree of a document for a language, computed once per document version. */
export function parsed<P>(doc: SourceDocument, language: Language): P {
  return doc.memo(`parse:${language}`, () => PARSERS[language](doc.text)) as P;
}
