import type { RuleContext } from '../../../context';
import type { EnvEntry, EnvFile } from '../../../parse/dotenv';
import type { Span } from '../../../types';
import { isTemplateFile } from '../../../files';
import { classifyKey, isNotASecretValue, isReference, isTemplateBlank, type SecretKind } from '../../../secrets';
import { variableUses, type VariableUse } from '../../../project/env-usage';
import { basename } from '../../../paths';

export type EnvContext = RuleContext<EnvFile>;

/** `.env.example` and friends: placeholders are normal there (ARCHITECTURE.md, File kinds). */
export function isTemplate(ctx: EnvContext): boolean {
  return isTemplateFile(ctx.file.path);
}

/** The entry that wins for each key (dotenv keeps the last one), in file order. */
export function effectiveEntries(ctx: EnvContext): EnvEntry[] {
  return ctx.file.memo('env:effective', () => {
    const last = new Map<string, EnvEntry>();
    for (const e of ctx.doc.entries) last.set(e.key, e);
    return ctx.doc.entries.filter((e) => last.get(e.key) === e);
  });
}

/** The non-secret endings that name an identity (`*_USER`, `*_NAME`, `*_ID`; ARCHITECTURE.md, Secrets), plus their spellings. */
const NAMES_IDENTITY = /(^|_)(USER|USERNAME|USER_NAME|NAME|ID|EMAIL|LOGIN)$/;

export interface CredentialEntry {
  entry: EnvEntry;
  kind: SecretKind;
  /** The name to judge the value as: the key itself, or the compose key it feeds (`POSTGRES_PASSWORD: ${PG}`). */
  judgeAs: string;
  /** Where compose files of this project read the variable (ARCHITECTURE.md, Cross-file model): shown as related information. */
  uses: VariableUse[];
}

/**
 * Effective entries that hold a credential (ARCHITECTURE.md, Secrets): by their own name, or — in a project's `.env` —
 * because a compose file passes them to a credential-shaped environment key.
 */
export function credentialEntries(ctx: EnvContext): CredentialEntry[] {
  const uses = basename(ctx.file.path) === '.env' ? variableUses(ctx.workspace, ctx.file.path) : new Map<string, VariableUse[]>();
  return effectiveEntries(ctx).flatMap((entry) => {
    const used = uses.get(entry.key) ?? [];
    const own = classifyKey(entry.key);
    if (own) return [{ entry, kind: own, judgeAs: entry.key, uses: used }];
    // `MINIO_ROOT_USER` passed as `APPFLOWY_S3_ACCESS_KEY`: a name that says identity stays a non-secret.
    const viaCompose = NAMES_IDENTITY.test(entry.key.toUpperCase()) ? undefined : used.find((u) => u.key && classifyKey(u.key));
    return viaCompose ? [{ entry, kind: classifyKey(viaCompose.key!)!, judgeAs: viaCompose.key!, uses: used }] : [];
  });
}

/** A credential value worth protecting: not empty, not a placeholder, not a `${VAR}` reference, not a switch or a file path. */
export function holdsSecret(value: string): boolean {
  return !isTemplateBlank(value) && !isReference(value) && !isNotASecretValue(value);
}

/** Whether the value text in the file is exactly the parsed value, so value offsets map to file offsets. */
export function valueIsVerbatim(ctx: EnvContext, e: EnvEntry): boolean {
  return ctx.file.text.slice(e.valueSpan.start, e.valueSpan.end) === e.value;
}

/** Where a finding about a value goes: the value, or the key when the value is empty. */
export function valueAnchor(e: EnvEntry): Span {
  return e.valueSpan.end > e.valueSpan.start ? e.valueSpan : e.keySpan;
}

/** The whole lines an entry occupies, with their line break (for removing it). */
export function entryLines(ctx: EnvContext, e: EnvEntry): Span {
  const starts = ctx.file.lines.lineStarts;
  const start = starts[e.line];
  const end = e.endLine + 1 < starts.length ? starts[e.endLine + 1] : ctx.file.text.length;
  return { start, end };
}

/** Where a file-wide finding goes: the first line. */
export function firstLine(ctx: EnvContext): Span {
  return { start: 0, end: ctx.file.lines.lineEnd(0) };
}

/** Replacement text for a value, respecting how it was written (inside its quotes, or bare). */
export function replaceValue(ctx: EnvContext, e: EnvEntry, newValue: string) {
  return e.quote ? ctx.replace(e.valueSpan, newValue) : ctx.replace(e.rawSpan, newValue);
}
