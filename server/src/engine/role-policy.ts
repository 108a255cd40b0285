import type { Finding, Fix, Severity, Span } from './types';
import type { RoleInfo } from './roles';
import type { Markup } from './markup';
import { insideMarkup, touchesMarkup } from './markup';
import { isTemplateBlank } from './secrets/placeholders';

/** A finding with the span of the linted file it was reported at. */
export interface PlacedFinding { finding: Finding; span: Span }

/** Rules about a secret's value: in a template only values that work as they stand are worth a word. */
const VALUE_RULES = /\/(weak-secret|hardcoded-secret|committed-default-secret|secret-reused|leaked-credential)$/;
/** Rules about a real file on disk, meaningless for a file that is copied or rendered first. */
const REAL_FILE_RULES = new Set(['env/not-gitignored', 'env/file-permissions', 'env/template-value-copied']);

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/**
 * ARCHITECTURE.md, Precision, applied once after every rule ran so no rule needs to know: development files are capped
 * at info; templates keep only what survives copying or rendering (never an empty value, a
 * placeholder, the markup itself, or a real-file rule), copied ones at info; markup is never a
 * syntax error, and where the renderer includes other files, what seems missing may be there (info).
 * Test files never get here unless the team turned them on.
 */
export function applyRolePolicy(items: PlacedFinding[], role: RoleInfo, text: string, markup: Markup | undefined, path: string): Finding[] {
  const out: Finding[] = [];
  for (const { finding: found, span } of items) {
    if (markup && (found.rule.endsWith('/syntax') || insideMarkup(markup, span) || (VALUE_RULES.test(found.rule) && touchesMarkup(markup, span)))) continue;
    // Rules saw the markup as filler: messages name it as the template value it is.
    const finding = markup ? { ...found, message: found.message.replace(/x{5,}/g, '{{…}}'), fixes: found.fixes.filter((f) => keepsMarkup(f, markup, path)) } : found;
    if (markup?.includes) { out.push(capped(finding, 'rendered template', 'the files its markup includes are not seen')); continue; }
    if (markup?.conditional.some((c) => c.start <= span.start && span.end <= c.end)) { out.push(capped(finding, 'inside a template condition', 'rendered only for some settings')); continue; }
    if (role.role === 'template') {
      if (REAL_FILE_RULES.has(finding.rule)) continue;
      if (VALUE_RULES.test(finding.rule) && isTemplateBlank(valueAt(text, span))) continue;
      if (!role.rendered) { out.push(capped(finding, 'template', 'users who copy it keep this')); continue; }
    }
    out.push(role.role === 'development' ? capped(finding, 'development file') : finding);
  }
  return out;
}

/**
 * Rules see the markup as filler (`xxxx`): a fix that edits the markup, or copies filler from
 * elsewhere in the file, would break the template. Such fixes are not offered.
 */
function keepsMarkup(fix: Fix, markup: Markup, path: string): boolean {
  return fix.edits.every((e) => (e.file !== path || !touchesMarkup(markup, { start: e.start, end: Math.max(e.end, e.start + 1) })) && !/x{5}/.test(e.newText));
}

/** `(development file: capped at info)`, `(template: capped at info; users who copy it keep this)`. */
function capped(f: Finding, what: string, why?: string): Finding {
  if (RANK[f.severity] >= RANK.info) return f;
  return { ...f, severity: 'info', message: `${f.message} (${what}: capped at info${why ? `; ${why}` : ''})` };
}

/** The value a finding points at: its own text, or — when it points at the key of an empty value (`KEY=`, `KEY: ""`) — what follows the key. */
function valueAt(text: string, span: Span): string {
  const lineEnd = text.indexOf('\n', span.end);
  const after = /^\s*[:=]\s*(.*)$/.exec(text.slice(span.end, lineEnd < 0 ? text.length : lineEnd));
  return unquote(after ? after[1].replace(/\s+#.*$/, '') : text.slice(span.start, span.end));
}

function unquote(s: string): string {
  const t = s.trim();
  return /^(["']).*\1$/s.test(t) ? t.slice(1, -1) : t;
}
