import { childrenNamed, lastChild, type ConfNode } from './tree';

/**
 * Directives that nginx inherits from the enclosing level when a level does not set them
 * (ssl_protocols, ssl_ciphers, server_tokens, limit_req...): the value in force for a block is
 * the one of the nearest level that sets it. The top level of a fragment file counts as the
 * http level it is included in.
 */
export function effectiveDirective(block: ConfNode, name: string, top: readonly ConfNode[]): ConfNode | undefined {
  for (let n: ConfNode | undefined = block; n; n = n.parent) {
    const own = lastChild(n, name);
    if (own) return own;
  }
  return lastChild(undefined, name, top);
}

/** Like `effectiveDirective` for directives that add up within a level (`proxy_set_header`, `limit_req`): the whole list of the nearest level that has any. */
export function effectiveList(block: ConfNode, name: string, top: readonly ConfNode[]): readonly ConfNode[] {
  for (let n: ConfNode | undefined = block; n; n = n.parent) {
    const own = childrenNamed(n, name);
    if (own.length) return own;
  }
  return top.filter((c) => c.name === name);
}

/** The directive's first argument, lower-cased (`on`, `off`, `build`...). */
export function flagOf(n: ConfNode | undefined): string | undefined {
  return n?.args[0]?.value.toLowerCase();
}
