/**
 * zxcvbn-ts and its common and English dictionaries (about 1.6 MB of data). Bundled on its own as
 * `dist/zxcvbn-dictionaries.js` so the server and CLI bundles stay small and only load it when a
 * secret needs a strength estimate (`strength.ts` requires it lazily); imported as-is from source.
 * The estimator comes from here too: it is 100 KB that no run without a secret to judge needs.
 */
export { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as common } from '@zxcvbn-ts/language-common';
import { dictionary as en, translations } from '@zxcvbn-ts/language-en';

/** @public strength.ts loads this module with require(), which knip cannot follow. */
export const dictionary = { ...common, ...en };
export { adjacencyGraphs, translations };
