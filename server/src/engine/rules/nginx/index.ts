import type { AnyRule } from '../../context';
import { syntax } from './syntax';

/** Every nginx rule, in catalogue order. */
export const nginxRules: AnyRule[] = [
  syntax,
];
