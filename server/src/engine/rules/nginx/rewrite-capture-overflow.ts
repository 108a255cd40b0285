import type { Rule, EditSpec, FixSpec } from '../../types';
import type { RuleContext } from '../../context';
import type { NginxArg, NginxFile } from '../../parse/nginx';
import { compareVersions } from '../../config';
import { nginxView } from '../../nginx/rule-context';
import { nodesNamed } from '../../nginx/view';
import type { ConfNode } from '../../nginx/tree';
import { capturesOf, type Capture } from '../../nginx/regex';
import { varRefs } from '../../nginx/variables';

/**
 * The two heap overflows of nginx's rewrite script engine that Gixy-Next documents, with the releases
 * that fixed them (an unparseable version setting counts as affected).
 */
const OVERLAP_CVE = 'CVE-2026-9256';
const ARGS_FLAG_CVE = 'CVE-2026-42945';

function known(version: string): boolean {
  return /^\d+\.\d+(\.\d+)?$/.test(version.trim());
}

/** 0.1.17 .. 1.30.1 and 1.31.0; fixed in 1.30.2 (stable) and 1.31.1 (mainline). */
export function overlapAffected(version: string): boolean {
  if (!known(version)) return true;
  return compareVersions(version, '1.30.2') < 0 || (compareVersions(version, '1.31.0') >= 0 && compareVersions(version, '1.31.1') < 0);
}

/** 0.6.27 .. 1.30.0; fixed in 1.30.1 (stable) and 1.31.0 (mainline). */
export function argsFlagAffected(version: string): boolean {
  if (!known(version)) return true;
  return compareVersions(version, '1.30.1') < 0;
}

export const rewriteCaptureOverflow: Rule<RuleContext<NginxFile>> = {
  id: 'nginx/rewrite-capture-overflow', language: 'nginx', severity: 'warning',
  title: 'rewrite pattern that triggers an nginx capture overflow (CVE-2026-9256, CVE-2026-42945)',
  docs: {
    why: 'Two heap buffer overflows in nginx\'s rewrite script engine let an unauthenticated request crash a worker '
      + 'or run code, and both need a particular shape of config:\n\n- **CVE-2026-9256** ("nginx-poolslip"): a '
      + '`rewrite` whose regex has nested captures (`^/((.*))$`), whose replacement references two or more of '
      + 'them by number (`$1$2`, none twice, no other variable), in a redirect (`http(s)://` replacement, '
      + '`redirect`/`permanent` flag) or after a `?` (arguments context). The buffer is sized for the raw '
      + 'captures, the escaped ones are written. Affected: nginx 0.1.17 to 1.30.1 and 1.31.0; fixed in **1.30.2** '
      + '(stable) and **1.31.1** (mainline); NGINX Plus R32 P7, R36 P5, R37.0.1.1.\n- **CVE-2026-42945**: a '
      + '`rewrite` whose replacement contains `?` leaves the engine\'s arguments flag set, so a later `set $x $1` '
      + '(or an `if` reading `$1`) in the same block escapes the capture into a buffer sized for the raw value. '
      + 'Affected: nginx 0.6.27 to 1.30.0; fixed in **1.30.1** (stable) and **1.31.0** (mainline); NGINX Plus R32 '
      + 'P6, R36 P4.\n\nThe shapes follow Gixy-Next\'s `overlapping_captures` and `unnamed_groups` plugins. '
      + 'Gixy-Next cannot know the nginx version and reports them at INFORMATION; deploylint reads '
      + '`deploylint.nginx.version` and reports them at `warning` only when that version is affected (a value it '
      + 'cannot read counts as affected), and not at all on a fixed one. For the second CVE an `if` that reads '
      + '`$N` after the rewrite is reported too: its condition runs in the same script engine. A trailing `?` '
      + 'alone is stripped by nginx before compiling and does not count.\n\nUpgrading nginx is the real fix. Until '
      + 'then, named captures referenced by name take the other (correct) length calculation: for the first CVE '
      + 'the fix renames the groups (`(?<c1>...)`) and writes `$c1` in the replacement. Captures are still '
      + 'numbered alongside names, so only the reference by name helps.',
    fixSafety: 'For the first CVE the fix renames the groups (`(?<c1>...)`) and writes `$c1` in the replacement. A name could clash with a variable of yours, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['Gixy-Next overlapping_captures (CVE-2026-9256)', 'Gixy-Next unnamed_groups (CVE-2026-42945)', 'https://nvd.nist.gov/vuln/detail/CVE-2026-9256', 'https://nvd.nist.gov/vuln/detail/CVE-2026-42945'],
  },
  fixable: true,
  check(ctx) {
    const version = ctx.config.nginx.version;
    const overlap = overlapAffected(version);
    const argsFlag = argsFlagAffected(version);
    if (!overlap && !argsFlag) return;
    const view = nginxView(ctx);
    const rewrites = nodesNamed(view.cfg, ctx.file.path, 'rewrite');
    const on = known(version) ? `nginx ${version}` : `nginx "${version}" (version unknown)`;
    for (const rw of rewrites) {
      const [pattern, repl] = rw.args;
      if (!pattern || !repl) continue;
      if (overlap) {
        const pair = overlappingPair(pattern.value, repl.value, rw.args[2]?.value);
        if (pair) {
          const fix = namedCapturesFix(ctx, pattern, repl);
          ctx.report({
            span: repl.span,
            message: `${on} is affected by ${OVERLAP_CVE}: $${pair[0].index} and $${pair[1].index} are nested captures escaped into a `
              + 'redirect or arguments; a crafted URI overflows the worker\'s heap. Upgrade to 1.30.2/1.31.1, or reference named captures by name.',
            ...(fix ? { fixes: [fix] } : {}),
          });
        }
      }
      if (argsFlag && setsArgs(repl.value)) {
        for (const reader of laterCaptureReaders(rw)) {
          ctx.report({
            span: reader.node.file === ctx.file.path ? reader.arg.span : repl.span,
            message: `${on} is affected by ${ARGS_FLAG_CVE}: the rewrite's "?" leaves arguments escaping on, and ${reader.node.name} `
              + `reads ${reader.ref} into a buffer sized for the raw value. Upgrade to 1.30.1/1.31.0, or use a named capture.`,
            related: [{ file: rw.file, span: repl.span, message: 'the rewrite with "?"' }],
          });
        }
      }
    }
  },
};

/** A `?` that starts arguments: any but a sole trailing one, which nginx strips before compiling. */
function setsArgs(repl: string): boolean {
  const i = repl.indexOf('?');
  return i >= 0 && i !== repl.length - 1;
}

/** The first pair of referenced captures of which one contains the other, when the rewrite has the CVE's shape. */
function overlappingPair(pattern: string, repl: string, flag: string | undefined): [Capture, Capture] | undefined {
  const refs = varRefs(repl);
  if (refs.length < 2 || refs.some((r) => !/^\d$/.test(r.name))) return undefined;
  const nums = refs.map((r) => Number(r.name));
  if (new Set(nums).size !== nums.length) return undefined;
  const q = repl.indexOf('?');
  const redirect = /^https?:\/\//.test(repl) || flag === 'redirect' || flag === 'permanent';
  const inArgs = setsArgs(repl) ? refs.filter((r) => r.start > q).map((r) => Number(r.name)) : [];
  const escaped = redirect ? nums : inArgs;
  if (escaped.length < 2) return undefined;
  const caps = capturesOf(pattern);
  const used = escaped.map((n) => caps.find((c) => c.index === n)).filter((c): c is Capture => !!c);
  for (const a of used) {
    for (const b of used) if (a !== b && a.open < b.open && b.close <= a.close) return [a, b];
  }
  return undefined;
}

interface Reader { node: ConfNode; arg: NginxArg; ref: string }

/** `set`/`if` after the rewrite in its block (and in `if` blocks there, which compile into the same script) reading `$N`. */
function laterCaptureReaders(rw: ConfNode): Reader[] {
  const siblings = rw.parent?.children;
  if (!siblings) return [];
  const out: Reader[] = [];
  const visit = (list: readonly ConfNode[]) => {
    for (const n of list) {
      if (n.name === 'set' || n.name === 'if') {
        const args = n.name === 'set' ? n.args.slice(1) : n.args;
        for (const a of args) {
          const ref = varRefs(a.value).find((r) => /^\d$/.test(r.name));
          if (ref) { out.push({ node: n, arg: a, ref: `$${ref.name}` }); break; }
        }
      }
      if (n.name === 'if' && n.children) visit(n.children);
    }
  };
  visit(siblings.slice(siblings.indexOf(rw) + 1));
  return out;
}

/** Every unnamed capture becomes `(?<cN>`, every `$N` of the replacement its name (when the text maps onto the value). */
function namedCapturesFix(ctx: RuleContext<NginxFile>, pattern: NginxArg, repl: NginxArg): FixSpec | undefined {
  const inner = (a: NginxArg) => { const q = a.quote ? 1 : 0; return a.raw.slice(q, a.raw.length - q) === a.value ? a.span.start + q : undefined; };
  const p0 = inner(pattern), r0 = inner(repl);
  if (p0 === undefined || r0 === undefined) return undefined;
  const caps = capturesOf(pattern.value);
  const edits: EditSpec[] = [];
  const names = new Map<number, string>();
  for (const c of caps) {
    const name = c.name ?? `c${c.index}`;
    names.set(c.index, name);
    if (!c.name) edits.push(ctx.insert(p0 + c.open + 1, `?<${name}>`));
  }
  for (const r of varRefs(repl.value)) {
    const name = names.get(Number(r.name));
    if (!name) return undefined;
    const text = /\w/.test(repl.value[r.end] ?? '') ? `\${${name}}` : `$${name}`;
    edits.push(ctx.replace({ start: r0 + r.start, end: r0 + r.end }, text));
  }
  return { title: 'Use named captures referenced by name (upgrading nginx is the real fix)', safe: false, edits };
}
