import type { Rule, Severity } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxFile } from '../../parse/nginx';
import { nginxView } from '../../nginx/rule-context';
import { nodesNamed } from '../../nginx/view';
import { ancestor, type ConfNode } from '../../nginx/tree';
import { reachOf, serverOf } from '../../nginx/access';

/** `/`, `//`, `/./`, `/usr/..` and the like: the path resolved textually, as nginx hands it to the kernel. */
export function isFilesystemRoot(path: string): boolean {
  if (!path.startsWith('/') || path.includes('$')) return false;
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop(); else parts.push(seg);
  }
  return parts.length === 0;
}

/** Handlers that answer without reading a file under `root` (`fastcgi_pass` reads it: `$document_root` names the script). */
const NOT_FROM_DISK = new Set(['proxy_pass', 'grpc_pass', 'uwsgi_pass', 'scgi_pass', 'return', 'memcached_pass']);

/** Whether some request handled under `block` reads files below the `root` set there (a block with its own root or alias uses that instead). */
function readsFiles(block: ConfNode): boolean {
  const kids = block.children ?? [];
  // A server-level return answers every request before any location is chosen.
  if (block.name === 'server' && kids.some((c) => c.name === 'return')) return false;
  // A `location /` takes every request that no other location takes: none ends at the server level then.
  const catchAll = block.name !== 'location' && kids.some((c) => c.name === 'location' && /^(\^~ )?\/$/.test(c.args.map((a) => a.value).join(' ')));
  const endsHere = block.name !== 'http' && !catchAll && !kids.some((c) => NOT_FROM_DISK.has(c.name));
  return endsHere || kids.some((c) => (c.name === 'location' || c.name === 'server') && !!c.children
    && !(c.children ?? []).some((k) => k.name === 'root' || k.name === 'alias') && readsFiles(c));
}

function isPrefixLocation(loc: ConfNode): string | undefined {
  const a = loc.args.map((x) => x.value);
  if (a.length === 1 && !a[0].startsWith('@')) return a[0];
  if (a.length === 2 && a[0] === '^~') return a[1];
  return undefined;
}

export const filesystemRoot: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/filesystem-root', language: 'nginx', severity: 'error',
  title: 'root or alias serves the whole filesystem',
  docs: {
    why: 'nginx builds the file path of a request by appending the URI to `root` (or by putting the rest of the '
      + 'URI after `alias`). When that base is `/` — also spelt `//`, `/./` or `/srv/..` — `GET /etc/passwd` '
      + 'returns `/etc/passwd`: every file the worker can read is served, the app\'s source, its `.env`, keys. '
      + 'With `fastcgi_pass` and `$document_root$fastcgi_script_name` any PHP file on the disk can also be run. '
      + 'Point `root` at a folder that holds only what you publish, or remove it where nothing is served from '
      + 'disk.\n\nAs in Gixy-Next\'s `filesystem_root_exposure`: paths with variables are not judged, `..` is '
      + 'resolved as text, and `alias` counts only in prefix locations (in a regex or exact location it names one '
      + 'file), in a location ending with `/` only when the alias ends with `/` too. deploylint also looks at '
      + 'whether the root is used: when every request under it is proxied or answered with `return`, the finding '
      + 'is `info` (a location added later would serve the filesystem); `warning` in a server that listens only '
      + 'on loopback or unix sockets.',
    references: ['nginx ngx_http_core_module documentation (root, alias)', 'Gixy-Next filesystem_root_exposure'],
  },
  fixable: false,
  check(ctx) {
    const view = nginxView(ctx);
    for (const n of nodesNamed(view.cfg, ctx.file.path, 'root', 'alias')) {
      const arg = n.args[0];
      if (!arg || !isFilesystemRoot(arg.value)) continue;
      const loc = ancestor(n, 'location');
      if (n.name === 'alias') {
        const prefix = loc && isPrefixLocation(loc);
        if (!prefix || (prefix.endsWith('/') && !arg.value.endsWith('/'))) continue;
      }
      const block = n.parent;
      const used = n.name === 'alias' || !block || readsFiles(block);
      const reach = reachOf(block && serverOf(block));
      let severity: Severity | undefined;
      if (!used) severity = 'info';
      else if (reach !== 'network') severity = 'warning';
      ctx.report({
        span: arg.span,
        ...(severity ? { severity } : {}),
        message: used
          ? `${n.name} "${arg.value}" is the filesystem root: a request for /etc/passwd returns /etc/passwd, and so does any file the nginx worker can read.`
          : `${n.name} "${arg.value}" is the filesystem root; every request here is proxied or answered today, but a location added later would serve any readable file.`,
      });
    }
  },
};
