import type { AnyRule } from '../../context';

/** Every env rule, in catalogue order. */
export const envRules: AnyRule[] = [];
