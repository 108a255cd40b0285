/** Shared nginx helpers for rules: the expanded config view, servers, effective headers, edits. */
export * from './tree';
export * from './include';
export * from './view';
export * from './servers';
export * from './headers';
export * from './edit';
export * from './rule-context';
export * from './header-fixes';
export * from './https-fixes';
