import { DOCS_BASE } from '../../../../common/protocol';
import type { AnyRule } from '../context';
import type { Language } from '../types';
import type { RuleId } from './ids';
import { composeRules } from './compose';
import { nginxRules } from './nginx';
import { envRules } from './env';

export const allRules: AnyRule[] = [...composeRules, ...nginxRules, ...envRules];

const byId = new Map(allRules.map((r) => [r.id, r]));

export function getRule(id: string): AnyRule | undefined { return byId.get(id as RuleId); }

export function rulesFor(language: Language): AnyRule[] { return allRules.filter((r) => r.language === language); }

export { DOCS_BASE };

export function docsUrl(id: string): string { return `${DOCS_BASE}${id}.md`; }
