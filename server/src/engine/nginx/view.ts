import type { NginxDirective, NginxFile } from '../parse/nginx';
import { parsed } from '../languages';
import { basename, dirname } from '../paths';
import type { WorkspaceFiles, SourceDocument } from '../workspace-files';
import { resolveInclude, type IncludeTarget } from './include';
import { registerTopLevel, walk, type ConfNode } from './tree';
import { rememberView, reusedNodes } from './view-reuse';

/**
 * The expanded view of one nginx config: a root file with every `include` followed
 * (globs, cycles guarded), each node attributed to the file that holds it.
 */
export interface NginxConfig {
  root: string;
  /** Top level of the root file, includes expanded. */
  nodes: ConfNode[];
  /** Every file whose directives are in the view (the root first). */
  files: string[];
  /** What each `include` node resolved to. */
  includes: Map<ConfNode, IncludeTarget>;
  /** `include` nodes with a literal path that matches no file (stock nginx files excluded). */
  unresolved: ConfNode[];
  /** What the top level of the root file is: a whole nginx.conf, or a fragment meant for `http {}` / `server {}`. */
  context: TopContext;
}

export type TopContext = 'main' | 'http' | 'server';

const MAX_DEPTH = 12;

function parseOf(doc: SourceDocument): NginxFile { return parsed<NginxFile>(doc, 'nginx'); }

/** Builds the view rooted at `rootPath` (uncached; see `configOf`). */
export function buildConfig(ws: WorkspaceFiles, rootPath: string): NginxConfig {
  const cfg: NginxConfig = { root: rootPath, nodes: [], files: [rootPath], includes: new Map(), unresolved: [], context: 'http' };
  const facts = newFacts();
  factsByConfig.set(cfg, facts);
  const doc = ws.document(rootPath);
  if (!doc) return cfg;
  const tree = parseOf(doc);
  if (tree.sections.length) {
    // An `nginx -T` dump: includes resolve to the dumped files first.
    const used = new Set<number>([0]);
    const expanded = new Set<number>();
    const sectionOf = (pattern: string): number[] => tree.sections
      .map((s, i) => (matchesPath(pattern, s.path, tree.sections[0].path) ? i : -1)).filter((i) => i > 0);
    const expandSection = (i: number, parent: ConfNode | undefined, via: ConfNode | undefined, stack: number[]): ConfNode[] => {
      if (expanded.has(i)) facts.repeats = true;
      expanded.add(i);
      return tree.sections[i].directives.flatMap((d) => toNodes(d, parent, via, stack));
    };
    const toNodes = (d: NginxDirective, parent: ConfNode | undefined, via: ConfNode | undefined, stack: number[]): ConfNode[] => {
      const n = makeNode(facts, d, rootPath, parent, via);
      const out = [n];
      if (d.block) n.children = d.block.flatMap((c) => toNodes(c, n, via, stack));
      if (d.name === 'include' && d.args.length === 1 && stack.length < MAX_DEPTH) {
        const hits = sectionOf(d.args[0].value).filter((i) => !stack.includes(i));
        if (hits.length) {
          cfg.includes.set(n, { files: [rootPath], glob: true, stock: false });
          for (const i of hits) { used.add(i); out.push(...expandSection(i, parent, n, [...stack, i])); }
        } else out.push(...followInclude(ws, cfg, facts, n, parent, [rootPath]));
      }
      return out;
    };
    cfg.nodes = expandSection(0, undefined, undefined, [0]);
    tree.sections.forEach((_s, i) => { if (!used.has(i)) cfg.nodes.push(...expandSection(i, undefined, undefined, [i])); });
  } else {
    const scratch = newFacts();
    const reused = reusedNodes(tree, rootPath, (d, parent) => expandDirectives(ws, cfg, scratch, rootPath, [d], parent, undefined, [rootPath])[0]);
    if (reused) {
      cfg.nodes = reused;
      walk(reused, (n) => { noteNode(facts, n); });
    } else cfg.nodes = expandDirectives(ws, cfg, facts, rootPath, tree.directives, undefined, undefined, [rootPath]);
    if (cfg.files.length === 1 && !cfg.includes.size) rememberView(tree, cfg.nodes);
  }
  cfg.context = guessContext(cfg.nodes);
  registerTopLevel(cfg.nodes);
  return cfg;
}

/** Nodes of one name in view order, with their rank in that order (for merging lists of several names). */
interface NameList { nodes: ConfNode[]; rank: number[] }

/**
 * What is noted while a view is built, so that no rule walks the whole view again to learn it: every
 * node by name. Nodes are made in view order (a block, its children, then what its includes bring
 * in), which is the order of `walk`.
 */
interface ViewFacts {
  byName: Map<string, NameList>;
  /** Some file (or dump section) was expanded more than once: a directive may appear twice. */
  repeats: boolean;
  /** The offsets of the nodes grow along the view (not in an `nginx -T` dump that includes a later section). */
  inOrder: boolean;
  count: number;
  lastStart: number;
}

const factsByConfig = new WeakMap<NginxConfig, ViewFacts>();

function newFacts(): ViewFacts {
  return { byName: new Map(), repeats: false, inOrder: true, count: 0, lastStart: -1 };
}

/** The facts of a view; one not made by `buildConfig` is walked for them (and assumed to repeat directives). */
function factsOf(cfg: NginxConfig): ViewFacts {
  let facts = factsByConfig.get(cfg);
  if (!facts) {
    const f = newFacts();
    f.repeats = true;
    walk(cfg.nodes, (n) => { noteNode(f, n); });
    factsByConfig.set(cfg, facts = f);
  }
  return facts;
}

function noteNode(facts: ViewFacts, n: ConfNode): void {
  addNamed(facts.byName, n, facts.count++);
  if (n.d.span.start < facts.lastStart) facts.inOrder = false;
  facts.lastStart = n.d.span.start;
}

function makeNode(facts: ViewFacts, d: NginxDirective, file: string, parent: ConfNode | undefined, via: ConfNode | undefined): ConfNode {
  // One literal per case rather than properties added afterwards: a view has a node per directive,
  // and an added property costs each of them a separate property store.
  const n: ConfNode = parent
    ? (via ? { d, file, name: d.name, args: d.args, parent, via } : { d, file, name: d.name, args: d.args, parent })
    : (via ? { d, file, name: d.name, args: d.args, via } : { d, file, name: d.name, args: d.args });
  noteNode(facts, n);
  return n;
}

function addNamed(byName: Map<string, NameList>, n: ConfNode, rank: number): void {
  const list = byName.get(n.name);
  if (list) { list.nodes.push(n); list.rank.push(rank); } else byName.set(n.name, { nodes: [n], rank: [rank] });
}

/** Every node named `name` in the whole view (all its files), in `walk` order. Shared: read it, never change it. */
export function viewNodesNamed(cfg: NginxConfig, name: string): readonly ConfNode[] {
  return factsOf(cfg).byName.get(name)?.nodes ?? NONE;
}

function expandDirectives(
  ws: WorkspaceFiles, cfg: NginxConfig, facts: ViewFacts, file: string, dirs: NginxDirective[],
  parent: ConfNode | undefined, via: ConfNode | undefined, stack: string[],
): ConfNode[] {
  const out: ConfNode[] = [];
  for (const d of dirs) {
    const n = makeNode(facts, d, file, parent, via);
    out.push(n);
    if (d.block) n.children = expandDirectives(ws, cfg, facts, file, d.block, n, via, stack);
    if (d.name === 'include' && d.args.length === 1) out.push(...followInclude(ws, cfg, facts, n, parent, stack));
  }
  return out;
}

function followInclude(ws: WorkspaceFiles, cfg: NginxConfig, facts: ViewFacts, inc: ConfNode, parent: ConfNode | undefined, stack: string[]): ConfNode[] {
  const target = resolveInclude(ws, inc.args[0].value, inc.file, cfg.root);
  cfg.includes.set(inc, target);
  if (!target.files.length) {
    if (!target.glob && !target.stock) cfg.unresolved.push(inc);
    return [];
  }
  if (stack.length >= MAX_DEPTH) return [];
  const out: ConfNode[] = [];
  for (const f of target.files) {
    if (stack.includes(f)) continue;
    const doc = ws.document(f);
    if (!doc) continue;
    if (!cfg.files.includes(f)) cfg.files.push(f); else facts.repeats = true;
    out.push(...expandDirectives(ws, cfg, facts, f, parseOf(doc).directives, parent, inc, [...stack, f]));
  }
  return out;
}

function matchesPath(pattern: string, path: string, mainPath: string): boolean {
  const abs = pattern.startsWith('/') ? pattern : `${dirname(mainPath)}/${pattern}`;
  const re = abs.split('/').map((seg) => seg.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')).join('/');
  try { return new RegExp(`^${re}$`).test(path); } catch { return abs === path; }
}

export function guessContext(nodes: readonly ConfNode[]): TopContext {
  const names = new Set(nodes.map((n) => n.name));
  if (names.has('http') || names.has('events') || names.has('stream') || names.has('worker_processes')) return 'main';
  if (names.has('server') || names.has('upstream') || names.has('map')) return 'http';
  if (names.has('location') || names.has('listen') || names.has('server_name')) return 'server';
  return 'http';
}

// ---- which config a file belongs to ----

interface Cached { cfg: NginxConfig; deps: Map<string, SourceDocument | undefined> }

/** `buildConfig` cached on the root document, rebuilt when any file it read has changed. */
export function configOf(ws: WorkspaceFiles, rootPath: string): NginxConfig {
  const doc = ws.document(rootPath);
  if (!doc) return buildConfig(ws, rootPath);
  // Parsed before anything else is memoised on the document: a memo drops the replaced version the parse reuses.
  parseOf(doc);
  const cache = doc.memo('nginx:config', () => new WeakMap<WorkspaceFiles, Cached>());
  const hit = cache.get(ws);
  if (hit && [...hit.deps].every(([p, d]) => ws.document(p) === d)) return hit.cfg;
  const cfg = buildConfig(ws, rootPath);
  const deps = new Map(cfg.files.map((p) => [p, ws.document(p)] as const));
  // Unresolved includes may appear later: their folder listing is not tracked, so keep the cache short-lived for them.
  if (!cfg.unresolved.length) cache.set(ws, { cfg, deps });
  return cfg;
}

const INCLUDER_DIRS = 2;

/**
 * The config a file is linted in: the view of a nearby file that includes it (nginx.conf including
 * conf.d/*.conf, a site including a snippet), so that inherited http-level settings count;
 * else the file's own view.
 */
export function configFor(ws: WorkspaceFiles, path: string): NginxConfig {
  for (const candidate of includerCandidates(ws, path)) {
    const cfg = configOf(ws, candidate);
    if (cfg.files.includes(path)) return cfg;
  }
  return configOf(ws, path);
}

function includerCandidates(ws: WorkspaceFiles, path: string): string[] {
  const out: string[] = [];
  let dir = dirname(path);
  for (let i = 0; i < INCLUDER_DIRS && dir !== '.'; i++) {
    for (const name of ws.readDir(dir) ?? []) {
      const p = dir === '/' ? `/${name}` : `${dir}/${name}`;
      if (p === path || !/\.conf$|^nginx\.conf|\.nginx$/.test(name)) continue;
      const doc = ws.document(p);
      if (!doc || !/\binclude\b/.test(doc.text)) continue;
      out.push(p);
    }
    if (dir === '/') break;
    dir = dirname(dir);
  }
  // The main config first: it holds the http level.
  return out.sort((a, b) => Number(basename(b) === 'nginx.conf') - Number(basename(a) === 'nginx.conf'));
}

/**
 * Directives of the given names that live in `file` (what a rule linting `file` may report on), in
 * document order, read from an index of the view.
 */
export function nodesNamed(cfg: NginxConfig, file: string, ...names: string[]): ConfNode[] {
  const index = fileIndex(cfg, file);
  if (names.length === 1) return (index.byName.get(names[0])?.nodes ?? NONE).slice();
  if (!index.inOrder) {
    const out: ConfNode[] = [];
    for (const name of names) for (const n of index.byName.get(name)?.nodes ?? NONE) out.push(n);
    return out.sort((a, b) => a.d.span.start - b.d.span.start);
  }
  const lists: NameList[] = [];
  for (const name of names) {
    const list = index.byName.get(name);
    if (list) lists.push(list);
  }
  if (lists.length <= 1) return lists.length ? lists[0].nodes.slice() : [];
  // Each list is in document order already: merge them on their ranks (the earlier name first on a
  // tie, as a stable sort of the concatenation would).
  const out: ConfNode[] = [];
  const at = lists.map(() => 0);
  for (;;) {
    let best = -1;
    let bestRank = Infinity;
    for (let k = 0; k < lists.length; k++) {
      const rank = lists[k].rank[at[k]];
      if (rank !== undefined && rank < bestRank) { best = k; bestRank = rank; }
    }
    if (best < 0) return out;
    out.push(lists[best].nodes[at[best]++]);
  }
}

const NONE: readonly ConfNode[] = Object.freeze([]);

// Most nginx rules ask `nodesNamed` for something: the view of a single file is indexed as it is
// built; otherwise the tree is walked once per (config, file), in document order. A file included
// twice has its directives in the view twice: the first one counts.
const indexByConfig = new WeakMap<NginxConfig, Map<string, ViewFacts>>();

function fileIndex(cfg: NginxConfig, file: string): ViewFacts {
  const facts = factsOf(cfg);
  // A view of one file, each directive once: its own index is the view's.
  if (!facts.repeats && cfg.files.length === 1 && file === cfg.root) return facts;
  let byFile = indexByConfig.get(cfg);
  if (!byFile) { byFile = new Map(); indexByConfig.set(cfg, byFile); }
  let index = byFile.get(file);
  if (!index) {
    const own = newFacts();
    // Only a view that expanded some file twice can meet a directive twice: the others need no `seen` set.
    const seen = facts.repeats ? new Set<NginxDirective>() : undefined;
    const visit = (nodes: readonly ConfNode[]) => {
      for (const n of nodes) {
        if (n.file === file && (!seen || !seen.has(n.d))) {
          seen?.add(n.d);
          noteNode(own, n);
        }
        if (n.children) visit(n.children);
      }
    };
    visit(cfg.nodes);
    byFile.set(file, index = own);
  }
  return index;
}

/**
 * Whether any `include` is in the view. The "an include we cannot read may hide it" checks run per
 * server or per proxy_pass over the enclosing blocks' children; without any include they can stop at once.
 */
export function hasIncludes(cfg: NginxConfig): boolean {
  return factsOf(cfg).byName.has('include');
}

/** Whether an `add_header_inherit` is in the view. */
export function hasInheritDirective(cfg: NginxConfig): boolean {
  return factsOf(cfg).byName.has('add_header_inherit');
}
