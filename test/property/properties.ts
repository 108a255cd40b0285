import fc from 'fast-check';
import type { Language } from '../../server/src/engine';
import { arbitraryText, checkLint, checkParser, mutatedFixture, params, RUNS } from './support';

/** The same four properties for every language: parser and rules, on arbitrary and on mutated real text. */
export function languageProperties(language: Language, tokens: string[]): void {
  it('the parser never throws on arbitrary text', () => {
    fc.assert(fc.property(arbitraryText(tokens), (t) => checkParser(language, t)), params(RUNS * 10));
  });

  it('the parser never throws on mutated fixtures (CRLF, BOM, tabs, long lines, deep nesting, random bytes ...)', () => {
    fc.assert(fc.property(mutatedFixture(language), (t) => checkParser(language, t)), params(RUNS * 3));
  });

  it('every rule on mutated fixtures: no throw, ranges and fix edits inside, fixes add no parse error', () => {
    fc.assert(fc.property(mutatedFixture(language), (t) => { checkLint(language, t); }), params());
  });

  it('every rule on arbitrary text: no throw, ranges and fix edits inside, fixes add no parse error', () => {
    fc.assert(fc.property(arbitraryText(tokens), (t) => { checkLint(language, t); }), params());
  });
}
