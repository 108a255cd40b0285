import type { AnyRule } from '../../context';

/** Every compose rule, in catalogue order. */
export const composeRules: AnyRule[] = [];
