import type { RuleContext } from '../context';
import type { NginxFile } from '../parse/nginx';
import { mightBeNginx } from '../../../../common/file-kinds';
import { dirname } from '../paths';
import type { WorkspaceFiles } from '../workspace-files';
import type { Span } from '../types';
import { HeaderModel, appendEntries, type HeaderEntry } from './headers';
import { httpServers } from './servers';
import { anchorIn, type ConfNode } from './tree';
import { configFor, nodesNamed, type NginxConfig } from './view';
import type { FileText } from './edit';

/** What nginx rules work on: the config the linted file belongs to and its header model. */
export interface NginxView {
  cfg: NginxConfig;
  headers: HeaderModel;
  /** `server` blocks of the linted file (http servers only). */
  servers: ConfNode[];
  /** The linted file's text, for edits. */
  file: FileText;
  /** Where a node of the view shows in the linted file (itself, or the include that brought it in). */
  spanIn(n: ConfNode): Span | undefined;
}

const models = new WeakMap<NginxConfig, Map<string, HeaderModel>>();

export function nginxView(ctx: RuleContext<NginxFile>): NginxView {
  const path = ctx.file.path;
  const cfg = configFor(ctx.workspace, path);
  let byVersion = models.get(cfg);
  if (!byVersion) { byVersion = new Map(); models.set(cfg, byVersion); }
  let headers = byVersion.get(ctx.config.nginx.version);
  if (!headers) { headers = new HeaderModel(cfg, ctx.config.nginx.version); byVersion.set(ctx.config.nginx.version, headers); }
  // Every nginx rule asks for the view: built once per (document, config, header model), not once per rule.
  const views = ctx.file.memo('nginx:views', () => new WeakMap<HeaderModel, NginxView>());
  let view = views.get(headers);
  if (!view) { view = buildView(ctx, cfg, headers); views.set(headers, view); }
  return view;
}

function buildView(ctx: RuleContext<NginxFile>, cfg: NginxConfig, headers: HeaderModel): NginxView {
  const path = ctx.file.path;
  const serverSet = new Set(httpServers(cfg.nodes));
  const servers = nodesNamed(cfg, path, 'server').filter((n) => serverSet.has(n));
  return {
    cfg, headers, servers, file: ctx.file,
    spanIn(n) {
      const a = anchorIn(n, path);
      return a ? a.d.span : undefined;
    },
  };
}

/**
 * The configs that together make up a deployment for `path` (for "is there any TLS server?"):
 * its own config plus the configs of the other nginx files in the same folder (a separate
 * `ssl.conf` or `app-tls.conf` next to the plain one counts).
 */
export function configSet(ws: WorkspaceFiles, path: string): NginxConfig[] {
  const out = [configFor(ws, path)];
  const dir = dirname(path);
  for (const name of ws.readDir(dir) ?? []) {
    const p = dir === '/' ? `/${name}` : `${dir}/${name}`;
    // A `site.conf.sample` next to `site.conf` is an alternative to copy, not part of the running set.
    if (p === path || !mightBeNginx(p) || /\.(sample|dist|example)$/i.test(name) || out.some((c) => c.files.includes(p))) continue;
    const doc = ws.document(p);
    if (doc?.language !== 'nginx') continue;
    const cfg = configFor(ws, p);
    if (!out.includes(cfg)) out.push(cfg);
  }
  return out;
}

/** Every header entry set by a directive of the linted file (add_header, more_set_headers). Shared: read it, never change it. */
export function headerEntriesInFile(view: NginxView): readonly HeaderEntry[] {
  let entries = headerEntries.get(view);
  if (!entries) {
    const list: HeaderEntry[] = [];
    const nodes = nodesNamed(view.cfg, view.file.path, 'add_header', 'more_set_headers');
    for (let i = 0; i < nodes.length; i++) appendEntries(nodes[i], list);
    headerEntries.set(view, entries = list);
  }
  return entries;
}

// Five header rules read the same list of the same view.
const headerEntries = new WeakMap<NginxView, readonly HeaderEntry[]>();
