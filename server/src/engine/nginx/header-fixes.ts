import type { EditSpec } from '../types';
import { parseNginx, type NginxDirective, type NginxFile } from '../parse/nginx';
import { parsed } from '../languages';
import type { SourceDocument, WorkspaceFiles } from '../workspace-files';
import { directiveText, insertInBlock, isHeaderSibling } from './edit';
import { HEADER_LEVELS, sends, type HeaderEntry } from './headers';
import type { NginxView } from './rule-context';
import type { ConfNode } from './tree';
import { hasIncludes } from './view';

/** The values the fixes write (../shared/reference/security-headers.md). */
export const RECOMMENDED: Record<string, { name: string; value: string }> = {
  'strict-transport-security': { name: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
  'x-content-type-options': { name: 'X-Content-Type-Options', value: 'nosniff' },
  'x-frame-options': { name: 'X-Frame-Options', value: 'DENY' },
  'referrer-policy': { name: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  'permissions-policy': { name: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  'content-security-policy': { name: 'Content-Security-Policy', value: "default-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'; frame-ancestors 'none'; upgrade-insecure-requests" },
};

/** The quote the file prefers for values (double unless its quoted arguments are mostly single-quoted). */
export function preferredQuote(file: string | SourceDocument, value: string): '"' | "'" {
  if (value.includes("'")) return '"';
  const q = typeof file === 'string' ? countQuotes(parseNginx(file)) : file.memo('nginx:quotes', () => countQuotes(parsed<NginxFile>(file, 'nginx')));
  return q.singles > q.doubles ? "'" : '"';
}

function countQuotes(tree: NginxFile): { singles: number; doubles: number } {
  let singles = 0, doubles = 0;
  const visit = (ds: NginxDirective[]) => {
    for (const d of ds) {
      for (const a of d.args) { if (a.quote === "'") singles++; else if (a.quote === '"') doubles++; }
      if (d.block) visit(d.block);
    }
  };
  visit(tree.directives);
  return { singles, doubles };
}

/**
 * `add_header Name "value" always;` in the file's quoting style. Given the document (not its text),
 * the quote count is taken from its parse once, however many servers and headers ask.
 */
export function headerLine(file: string | SourceDocument, key: string): string {
  const r = RECOMMENDED[key];
  const needsQuotes = /[\s;'"{}]/.test(r.value);
  const q = preferredQuote(file, r.value);
  return `add_header ${r.name} ${needsQuotes ? q + r.value + q : r.value} always;`;
}

function textOfEntry(ws: WorkspaceFiles, e: HeaderEntry): string | undefined {
  const t = ws.readFile(e.node.file);
  return t === undefined ? undefined : directiveText(t, e.node.d);
}

/** Copies of inherited `add_header` directives (unique, in order), to repeat them in a block that gets its own. */
export function repeatInherited(ws: WorkspaceFiles, entries: readonly HeaderEntry[], except: (e: HeaderEntry) => boolean = () => false): string[] {
  const seen = new Set<NginxDirective>();
  const out: string[] = [];
  for (const e of entries) {
    if (e.node.name !== 'add_header' || seen.has(e.node.d) || except(e)) continue;
    seen.add(e.node.d);
    const t = textOfEntry(ws, e);
    if (t) out.push(t);
  }
  return out;
}

/**
 * Edits that make `level` (a server, in the linted file) send the given header lines:
 * - inserted next to the block's header directives (before its locations when it has none);
 * - when the block had no `add_header` of its own but inherited some, those are repeated too,
 *   since one `add_header` in the block would otherwise drop them (no new inheritance hole);
 * - every nested location/if of the linted file that has its own headers (and so inherits
 *   nothing) gets the lines as well.
 */
export function addHeaderEdits(ws: WorkspaceFiles, view: NginxView, level: ConfNode, lines: { key: string; line: string }[]): EditSpec[] {
  const path = view.file.path;
  const hl = view.headers.at(level);
  const addingAddHeader = lines.length > 0;
  const hasOwnAdd = hl.own.some((e) => e.node.name === 'add_header');
  const repeated = addingAddHeader && !hasOwnAdd && hl.mode === 'on'
    ? repeatInherited(ws, hl.inherited, (e) => lines.some((l) => l.key === e.key))
    : [];
  const edits: EditSpec[] = [];
  if (level.file === path) {
    edits.push(insertInBlock(view.file, level.d, [...repeated, ...lines.map((l) => l.line)], {
      after: isHeaderSibling(level), before: (c) => !!c.block,
    }));
  }
  const visit = (n: ConfNode) => {
    for (const c of n.children ?? []) {
      if (!c.children) continue;
      if (HEADER_LEVELS.has(c.name) && c.file === path) {
        const cl = view.headers.at(c);
        const missing = lines.filter((l) => !sends(cl.own, l.key));
        if (cl.own.some((e) => e.node.name === 'add_header') && cl.mode === 'on' && missing.length) {
          edits.push(insertInBlock(view.file, c.d, missing.map((l) => l.line), { after: isHeaderSibling(c), before: (x) => !!x.block }));
        }
      }
      visit(c);
    }
  };
  visit(level);
  return edits;
}

/** Unresolved includes in a block or its ancestors whose name says they may hold headers: we cannot know what they send. */
export function mayHideHeaders(view: NginxView, level: ConfNode): boolean {
  if (!hasIncludes(view.cfg)) return false;
  const suspicious = (n: ConfNode) => view.cfg.unresolved.includes(n) && /header|secur|hsts|csp|policy/i.test(n.args[0]?.value ?? '');
  for (let p: ConfNode | undefined = level; p; p = p.parent) if ((p.children ?? []).some(suspicious)) return true;
  return view.cfg.nodes.some(suspicious);
}
