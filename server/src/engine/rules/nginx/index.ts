import type { AnyRule } from '../../context';

/** Every nginx rule, in catalogue order. */
export const nginxRules: AnyRule[] = [];
