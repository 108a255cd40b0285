import type { Language } from './types';
import type { SourceDocument } from './workspace-files';
import { parseCompose } from './parse/compose';
import { parseNginx } from './parse/nginx';
import { parseDotenv } from './parse/dotenv';

/** Each takes the text and, when the editor replaced an earlier version of it, that version's parse. */
const PARSERS: Record<Language, (text: string, previous?: never) => unknown> = {
  compose: parseCompose,
  nginx: parseNginx,
  env: parseDotenv,
};

/** The parse tree of a document for a language, computed once per document version. */
export function parsed<P>(doc: SourceDocument, language: Language): P {
  const key = `parse:${language}`;
  return doc.memo(key, () => PARSERS[language](doc.text, doc.previous<never>(key))) as P;
}
