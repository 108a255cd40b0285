/* eslint-disable @typescript-eslint/no-require-imports */
import { DOCS_BASE } from '../../../../common/protocol';
import type { AnyRule } from '../context';
import type { Language } from '../types';
import type { RuleId } from './ids';

/**
 * Each language's rules are required on first use, so a run over compose files alone never loads
 * (nor compiles) the nginx and .env rules: a fresh CLI process pays only for what it lints.
 */
const LOADERS: Record<Language, () => AnyRule[]> = {
  compose: () => (require('./compose') as typeof import('./compose')).composeRules,
  nginx: () => (require('./nginx') as typeof import('./nginx')).nginxRules,
  env: () => (require('./env') as typeof import('./env')).envRules,
};
const LANGUAGES: Language[] = ['compose', 'nginx', 'env'];
const loaded = new Map<Language, AnyRule[]>();

export function rulesFor(language: Language): AnyRule[] {
  let rules = loaded.get(language);
  if (!rules) loaded.set(language, rules = LOADERS[language]());
  return rules;
}

/** Every rule, in catalogue order (compose, nginx, env). */
export function allRules(): AnyRule[] { return LANGUAGES.flatMap(rulesFor); }

let byId: Map<RuleId, AnyRule> | undefined;

export function getRule(id: string): AnyRule | undefined {
  return (byId ??= new Map(allRules().map((r) => [r.id, r]))).get(id as RuleId);
}

export { DOCS_BASE };

export function docsUrl(id: string): string { return `${DOCS_BASE}${id}.md`; }
