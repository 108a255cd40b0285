/**
 * The view of a config after a keystroke inside one of its servers (`parse/nginx-reparse.ts` read only
 * that block again): every other node is the previous view's, only the edited server and the blocks
 * above it are made anew. A keystroke then builds the nodes of one server, and what is cached on the
 * other servers' nodes (their listens, TLS and content answers, variable scopes, child indexes) stays.
 *
 * Why a node can be kept: its directive and everything below it are the very objects of the previous
 * tree (the reparse moved their offsets in place), and what the engine caches on a node is read from
 * the node, its descendants and the `set`, `map`, `geo` and regex blocks above it (`servers.ts`,
 * `variables.ts`, `tree.ts`), none of which a server is. So only a view of one file without includes,
 * edited inside a server at its top level or in its `http` block, is reused; the kept nodes get the
 * new blocks above them as their `parent`. The previous view is used up, like the tree it was built on.
 */
import type { NginxDirective, NginxFile } from '../parse/nginx';
import { reparseOrigin } from '../parse/nginx-reparse';
import type { ConfNode } from './tree';

/** The top-level nodes of the one-file views built, by the tree they were built from. */
const views = new WeakMap<NginxFile, readonly ConfNode[]>();

/** Notes the nodes of a view of `tree` alone (no includes followed) for the view of the next version to reuse. */
export function rememberView(tree: NginxFile, nodes: readonly ConfNode[]): void {
  views.set(tree, nodes);
}

/**
 * The top-level nodes of the view of `tree` (in `file`), made from the previous version's view; undefined
 * when the edit was not inside one server or that view is not at hand. `fresh` makes the nodes of a directive
 * and of everything below it.
 */
export function reusedNodes(tree: NginxFile, file: string, fresh: (d: NginxDirective, parent: ConfNode | undefined) => ConfNode): ConfNode[] | undefined {
  const origin = reparseOrigin(tree);
  const previous = origin && views.get(origin.before);
  if (!origin || !previous || previous[0]?.file !== file) return undefined;
  const path = origin.path;
  const at = path[0]?.name === 'server' ? 0 : path[0]?.name === 'http' && path[1]?.name === 'server' ? 1 : -1;
  if (at < 0 || hasInclude(path[at])) return undefined;
  views.delete(origin.before);
  const top = previous.slice();
  const i = indexOfDirective(top, path[0]);
  if (i < 0 || top.length !== tree.directives.length) return undefined;
  if (at === 0) {
    top[i] = fresh(path[0], undefined);
    return top;
  }
  const http = top[i];
  const kids = http.children;
  const j = kids ? indexOfDirective(kids, path[1]) : -1;
  if (!kids || j < 0 || kids.length !== (path[0].block ?? []).length) return undefined;
  const newHttp: ConfNode = { d: http.d, file, name: http.name, args: http.args };
  const children = kids.slice();
  for (const c of children) c.parent = newHttp;
  children[j] = fresh(path[1], newHttp);
  newHttp.children = children;
  top[i] = newHttp;
  return top;
}

function indexOfDirective(nodes: readonly ConfNode[], d: NginxDirective): number {
  for (let i = 0; i < nodes.length; i++) if (nodes[i].d === d) return i;
  return -1;
}

function hasInclude(d: NginxDirective): boolean {
  if (d.name === 'include') return true;
  for (const c of d.block ?? []) if (hasInclude(c)) return true;
  return false;
}
