import type { NginxArg, NginxDirective } from '../parse/nginx';

/**
 * One directive of the expanded config (includes followed). `d` is the parsed directive in `file`;
 * `children` are the block's directives with every `include` followed: the `include` node itself
 * stays in the list (to anchor edits and findings) and the nodes it brought in come right after it,
 * each with `via` = that include node. `parent` is the enclosing block node, across files.
 */
export interface ConfNode {
  readonly d: NginxDirective;
  readonly file: string;
  readonly name: string;
  readonly args: NginxArg[];
  children?: ConfNode[];
  parent?: ConfNode;
  /** The `include` node (in the including file) this node came in through, when it lives in another file. */
  via?: ConfNode;
}

export function argValues(n: { args: NginxArg[] }): string[] {
  return n.args.map((a) => a.value);
}

/** Direct children named `name` (includes expanded). The list is shared: read it, never change it. */
export function childrenNamed(n: ConfNode | undefined, name: string, top?: readonly ConfNode[]): readonly ConfNode[] {
  const list = n ? n.children : top;
  if (!list) return NONE;
  if (list.length <= SCAN_MAX) {
    // Most blocks (a server, its locations) hold a few dozen directives at most: reading them is cheaper
    // than building and keeping an index of each (names compare as the same string, see `directiveName`).
    let first: ConfNode | undefined;
    let more: ConfNode[] | undefined;
    for (const c of list) {
      if (c.name !== name) continue;
      if (!first) first = c; else (more ??= [first]).push(c);
    }
    return more ?? (first ? [first] : NONE);
  }
  // A large block (an http block of many servers) is asked for one directive after another: index it once.
  let index = byName.get(list);
  if (!index) {
    index = new Map();
    for (const c of list) {
      const same = index.get(c.name);
      if (same) same.push(c); else index.set(c.name, [c]);
    }
    byName.set(list, index);
  }
  return index.get(name) ?? NONE;
}

const NONE: readonly ConfNode[] = Object.freeze([]);
/** Blocks up to this size are searched rather than indexed by `childrenNamed`. */
const SCAN_MAX = 24;
const byName = new WeakMap<readonly ConfNode[], Map<string, ConfNode[]>>();

/** The last direct child named `name` (nginx: the last one wins for most single-value directives). */
export function lastChild(n: ConfNode | undefined, name: string, top?: readonly ConfNode[]): ConfNode | undefined {
  const list = n ? n.children : top;
  if (!list) return undefined;
  if (list.length <= SCAN_MAX) {
    // Searched from the end, without the list `childrenNamed` would make.
    for (let i = list.length - 1; i >= 0; i--) if (list[i].name === name) return list[i];
    return undefined;
  }
  const all = childrenNamed(n, name, top);
  return all[all.length - 1];
}

/** Depth-first walk over nodes and their expanded children. Return false from `fn` to skip a subtree. */
export function walk(nodes: readonly ConfNode[], fn: (n: ConfNode) => boolean | void): void {
  for (const n of nodes) {
    if (fn(n) === false) continue;
    if (n.children) walk(n.children, fn);
  }
}

export function findAll(nodes: readonly ConfNode[], pred: (n: ConfNode) => boolean): ConfNode[] {
  const out: ConfNode[] = [];
  walk(nodes, (n) => { if (pred(n)) out.push(n); });
  return out;
}

/**
 * `walk` over the nodes that have children only, in the same order: most nodes of a config are leaf
 * directives, and a rule that looks for blocks need not be called for each of them.
 */
export function walkBlocks(nodes: readonly ConfNode[], fn: (n: ConfNode) => void): void {
  for (const n of nodes) {
    if (!n.children) continue;
    fn(n);
    walkBlocks(n.children, fn);
  }
}

/** `findAll` for a predicate that only blocks (nodes with children) can meet. */
export function findBlocks(nodes: readonly ConfNode[], pred: (n: ConfNode) => boolean): ConfNode[] {
  const out: ConfNode[] = [];
  walkBlocks(nodes, (n) => { if (pred(n)) out.push(n); });
  return out;
}

/** Whether any node of the nodes or below them meets `pred` (stops at the first). */
export function someNode(nodes: readonly ConfNode[], pred: (n: ConfNode) => boolean): boolean {
  for (const n of nodes) if (pred(n) || (n.children && someNode(n.children, pred))) return true;
  return false;
}

/** Nearest enclosing node named one of `names`. */
export function ancestor(n: ConfNode, ...names: string[]): ConfNode | undefined {
  for (let p = n.parent; p; p = p.parent) if (names.includes(p.name)) return p;
  return undefined;
}

/**
 * The node in `file` that stands for `n`: `n` itself when it lives there, else the include
 * directive of `file` through which it was reached. Undefined when `n` is not reachable from `file`.
 */
export function anchorIn(n: ConfNode, file: string): ConfNode | undefined {
  for (let x: ConfNode | undefined = n; x; x = x.via ?? undefined) {
    if (x.file === file) return x;
    if (!x.via) return undefined;
  }
  return undefined;
}

// The top-level list of the config each top-level node belongs to: a fragment's http-level
// directives (`map`, `geo`) are siblings of its servers, which no `parent` link reaches.
const topLists = new WeakMap<ConfNode, readonly ConfNode[]>();

/** Records `nodes` as the top level of one expanded config (done once by the config view). */
export function registerTopLevel(nodes: readonly ConfNode[]): void {
  for (const n of nodes) topLists.set(n, nodes);
}

/** The top-level list of the config that `n` (any node) belongs to, when it was registered. */
export function topLevelOf(n: ConfNode): readonly ConfNode[] | undefined {
  let root = n;
  while (root.parent) root = root.parent;
  return topLists.get(root);
}
