import { isAcmeLocation } from './servers';
import { childrenNamed, type ConfNode } from './tree';

/**
 * Where a server's responses come from. nginx sees the headers it adds, never the ones an upstream
 * app sends: a location that passes the request on (`proxy_pass`, `fastcgi_pass`, ...) answers with
 * the app's headers plus nginx's, while a location that serves files (`root`, `alias`, `try_files`
 * without a pass, uploads kept on disk) answers with nginx's alone. Header rules judge a gap as real
 * only where nginx answers by itself.
 */
export type AnswerKind = 'files' | 'app';

export interface Answer {
  /** The server or location whose headers the response carries. */
  block: ConfNode;
  kind: AnswerKind;
}

const PASS = new Set(['proxy_pass', 'fastcgi_pass', 'uwsgi_pass', 'scgi_pass', 'grpc_pass', 'memcached_pass']);

/** `proxy_pass` and friends in the block itself or in one of its `if` blocks. */
function passes(block: ConfNode): boolean {
  for (const c of block.children ?? []) {
    if (PASS.has(c.name)) return true;
    if (c.name === 'if' && (c.children ?? []).some((x) => PASS.has(x.name))) return true;
  }
  return false;
}

/** A block that only answers with `return` (a redirect, 204, 444...) or `deny all`: no content of its own. */
function onlyReturns(block: ConfNode): boolean {
  const kids = block.children ?? [];
  if (kids.some((c) => c.name === 'try_files' || c.name === 'alias' || PASS.has(c.name))) return false;
  if (kids.some((c) => c.name === 'return')) return true;
  return kids.some((c) => c.name === 'deny' && c.args[0]?.value === 'all') && !kids.some((c) => c.name === 'allow');
}

/** `/.well-known/...` holds ACME challenges, security.txt and other metadata files, not pages. */
function isWellKnown(loc: ConfNode): boolean {
  return isAcmeLocation(loc) || loc.args.some((a) => /^\/\.well-known(\/|$)/.test(a.value));
}

/**
 * The blocks of `server` that answer requests, with what they answer with: every location that
 * passes on or serves files (nested ones too), and the server itself when requests can end there
 * (no `location /`, or a `root` of its own that its locations serve from). `/.well-known/` locations
 * and locations that only `return` or deny are left out. A location with an include that is not in the
 * workspace counts as passing on: what it holds is unknown.
 */
export function answersOf(server: ConfNode, unread: (include: ConfNode) => boolean): Answer[] {
  const out: Answer[] = [];
  const visit = (block: ConfNode) => {
    for (const loc of childrenNamed(block, 'location')) {
      if (!loc.children || isWellKnown(loc) || onlyReturns(loc)) continue;
      const nested = childrenNamed(loc, 'location').length > 0;
      // An include we cannot read may hold the proxy_pass: nginx may not be the one answering there.
      if (passes(loc) || childrenNamed(loc, 'include').some(unread)) out.push({ block: loc, kind: 'app' });
      else if (!nested || handlesFiles(loc)) out.push({ block: loc, kind: 'files' });
      visit(loc);
    }
  };
  visit(server);
  const locations = childrenNamed(server, 'location');
  const catchAll = locations.some((l) => l.args.length === 1 && l.args[0].value === '/');
  if (!locations.length || (!catchAll && childrenNamed(server, 'root').length > 0)) {
    if (!onlyReturns(server)) out.unshift({ block: server, kind: 'files' });
  }
  return out;
}

function handlesFiles(block: ConfNode): boolean {
  return (block.children ?? []).some((c) => c.name === 'root' || c.name === 'alias' || c.name === 'try_files');
}

/** `location /system/` for messages. */
export function blockLabel(n: ConfNode): string {
  return n.name === 'location' ? `location ${n.args.map((a) => a.raw).join(' ')}` : 'files under its root';
}
