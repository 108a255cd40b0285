import type { Language } from './types';
import type { SourceDocument } from './workspace-files';
import { parseCompose } from './parse/compose';
import { parseNginx } from './parse/nginx';
import { parseDotenv } from './parse/dotenv';
import { findMarkup, type Markup } from './markup';

/** Each takes the text and, when the editor replaced an earlier version of it, that version's parse. */
const PARSERS: Record<Language, (text: string, previous?: never) => unknown> = {
  compose: parseCompose,
  nginx: parseNginx,
  env: parseDotenv,
};

/** The parse tree of a document for a language, computed once per document version. */
export function parsed<P>(doc: SourceDocument, language: Language): P {
  const key = `parse:${language}`;
  return doc.memo(key, () => {
    const markup = markupOf(doc, language);
    // A rendered template is parsed around its tags: the tags are blanked at the same offsets.
    return markup ? PARSERS[language](markup.masked) : PARSERS[language](doc.text, doc.previous<never>(key));
  }) as P;
}

// Not `doc.memo`: a memo drops the replaced version, and the parse below still wants it for an incremental reparse.
const markups = new WeakMap<SourceDocument, Partial<Record<Language, Markup | null>>>();

/** The templating markup of a document read as `language`, if any (computed once per version). */
export function markupOf(doc: SourceDocument, language: Language): Markup | undefined {
  let byLanguage = markups.get(doc);
  if (!byLanguage) markups.set(doc, byLanguage = {});
  if (byLanguage[language] === undefined) byLanguage[language] = findMarkup(doc.text, language === 'nginx') ?? null;
  return byLanguage[language] ?? undefined;
}
