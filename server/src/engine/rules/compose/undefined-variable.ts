import { isMap, isPair, isScalar, isSeq } from '../../parse/compose-yaml';
import type { Scalar } from 'yaml';
import type { Rule, Span } from '../../types';
import type { Service } from '../../parse/compose';
import { scanInterpolation, type VarRef } from '../../parse/interpolation';
import { composeProject } from '../../project/compose-project';
import { parsed } from '../../languages';
import type { EnvFile } from '../../parse/dotenv';
import { classifyKey, generateSecret } from '../../secrets';
import { basename, dirname, resolve } from '../../paths';
import type { Report } from '../../types';
import { appendEnv } from './support/env-file';
import { reportOnce, type ComposeContext } from './support/report';
import { offsetsOf, someWithin } from '../../text';

interface Use { ref: VarRef; key?: string }

export const undefinedVariable: Rule<ComposeContext> = {
  id: 'compose/undefined-variable', language: 'compose', severity: 'warning',
  title: 'Variable used without a value in .env',
  docs: {
    why: [
      'A `${VAR}` (or `$VAR`) with no default is not defined in the `.env` beside the compose file. Unless the shell that runs compose exports it, compose substitutes an empty string — for a credential key that is an empty password.',
      'Files listed under `env_file:` do not help: they set the container\'s environment, they never feed `${}` interpolation in the compose file. Define the variable in `.env`, give it a default (`${VAR:-value}`), or make it required (`${VAR:?VAR must be set}`) so compose refuses to start without it.',
      '',
      'A project with no `.env` but with a template beside the compose file (`.env.example`, `deploy.env` ...) gets one finding per compose file for the variables the template defines: the template is meant to be copied to `.env` (ARCHITECTURE.md, Precision: no flood).',
      '',
      'SEEN and AFFiNE guides: secrets live in `.env` and compose reads them with `${VAR}`.',
    ].join('\n'),
    fixSafety: 'The fix copies the template to `.env` (generating values for credentials), or creates `.env` with the variables. The values it writes change what the stack runs with, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['SEEN guide', 'AFFiNE guide', 'Compose interpolation: https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/'],
  },
  fixable: true,
  check(ctx) {
    const doc = ctx.doc.doc;
    if (!doc || !ctx.doc.root || !ctx.file.text.includes('$')) return;
    const project = composeProject(ctx.workspace, ctx.file.path);
    const envFiles = envFileDefinitions(ctx);
    const report = reportOnce(ctx);
    const keyAt = environmentKeys(ctx.doc.services);
    const template = project.envDoc ? undefined : templateOf(ctx);
    const fromTemplate: { name: string; span: Span }[] = [];
    const withoutEnv: { name: string; span: Span; credential?: string }[] = [];
    // Most scalars hold no `$`: they are passed over by where the file's `$`s are, without copying their text.
    const dollars = offsetsOf(ctx.file.text, '$');
    const hasDollar = (start: number, end: number) => someWithin(dollars, start, end);
    eachValueScalar(doc.contents, hasDollar, (node) => {
      const range = node.range;
      if (!range) return;
      // Indexed, not destructured: this runs for every scalar, mostly before the code is optimised.
      const start = range[0], end = range[1];
      if (!hasDollar(start, end)) return;
      const raw = ctx.file.text.slice(start, end);
      for (const use of unsetUses(scanInterpolation(raw, start))) {
        const name = use.ref.name;
        if (project.variable(name)) continue;
        const inEnvFile = envFiles.get(name);
        // Gathered into one finding below: the fix is one copy, not a line per variable.
        if (!inEnvFile && template?.names.has(name)) { fromTemplate.push({ name, span: use.ref.span }); continue; }
        const envKey = keyAt(start);
        const credential = classifyKey(name) ?? (envKey ? classifyKey(envKey) : undefined);
        // No .env at all (often generated, or kept out of git): one finding for the file, not one per variable.
        if (!inEnvFile && !project.envDoc) { withoutEnv.push({ name, span: use.ref.span, credential }); continue; }
        const reason = inEnvFile
          ? `is only set in env_file ${inEnvFile.label}, which sets the container's environment but never feeds \${} interpolation`
          : 'is not defined in .env';
        const value = credential && credential !== 'token' ? generateSecret(name) : '';
        const append = appendEnv(ctx.workspace, ctx.file.path, name, value);
        report({
          span: use.ref.span,
          message: `${name} ${reason}; compose substitutes an empty string${credential ? ` (an empty ${credential === 'password' ? 'password' : 'secret'})` : ''} unless the shell exports it.`,
          fixes: append.edit ? [{
            title: value ? `Add ${name} to .env with a generated value` : `Add ${name}= to .env`,
            safe: false, sensitive: !!value, edits: [append.edit],
          }] : [],
          related: inEnvFile ? [{ file: inEnvFile.file, span: inEnvFile.span, message: `${name} is set here, for the container only` }] : undefined,
        });
      }
    });
    if (template && fromTemplate.length) report(templateFinding(ctx, project.envPath, template, fromTemplate));
    if (withoutEnv.length) report(noEnvFinding(project.envPath, withoutEnv, !!template));
  },
};

/**
 * Every scalar that is a value (not a mapping key), in document order; aliases are not followed. A
 * collection whose source `wanted` declines is passed over whole: its scalars lie within it.
 */
function eachValueScalar(node: unknown, wanted: (start: number, end: number) => boolean, fn: (s: Scalar) => void): void {
  if (isScalar(node)) fn(node);
  else if (isMap(node)) {
    if (node.range && !wanted(node.range[0], node.range[1])) return;
    for (const p of node.items) {
      if (!isPair(p)) continue;
      if (!isScalar(p.key)) eachValueScalar(p.key, wanted, fn);
      eachValueScalar(p.value, wanted, fn);
    }
  } else if (isSeq(node)) {
    if (node.range && !wanted(node.range[0], node.range[1])) return;
    for (const it of node.items) eachValueScalar(it, wanted, fn);
  }
}

/** References whose value is unknown when unset: plain `${VAR}`/`$VAR`, and those inside defaults. */
function unsetUses(refs: VarRef[]): Use[] {
  const out: Use[] = [];
  for (const ref of refs) {
    if (!ref.operator) out.push({ ref });
    else if ((ref.operator === ':-' || ref.operator === '-') && ref.arg && ref.argSpan) {
      out.push(...unsetUses(scanInterpolation(ref.arg, ref.argSpan.start)));
    }
  }
  return out;
}

/** Which environment key (if any) a value offset belongs to. */
function environmentKeys(services: Service[]): (offset: number) => string | undefined {
  const spans: { span: Span; key: string }[] = [];
  for (const s of services) for (const e of s.environment) spans.push({ span: e.itemSpan, key: e.key });
  return (offset) => spans.find((x) => offset >= x.span.start && offset < x.span.end)?.key;
}

/** Variables defined by the project's env_file lists: name -> where. */
function envFileDefinitions(ctx: ComposeContext): Map<string, { file: string; span: Span; label: string }> {
  const out = new Map<string, { file: string; span: Span; label: string }>();
  const dir = ctx.file.path.slice(0, ctx.file.path.lastIndexOf('/')) || '/';
  for (const s of ctx.doc.services) {
    for (const item of s.envFile) {
      const file = resolve(dir, item.text);
      const doc = ctx.workspace.document(file);
      if (!doc) continue;
      for (const e of parsed<EnvFile>(doc, 'env').entries) {
        if (!out.has(e.key)) out.set(e.key, { file, span: e.keySpan, label: item.text });
      }
    }
  }
  return out;
}


interface Template { path: string; label: string; text: string; names: Map<string, Span> }

/** Env files beside the compose file that users copy to `.env`: `.env.example`, `.env.sample`, `deploy.env`, `example.env`. */
const TEMPLATE_NAME = /^(\.env\.(?!local$|development$|dev$|test$|ci$)[\w.-]+|[\w.-]+\.env|env\.(example|sample|template|dist))$/i;

/** The template that defines the most names, when the project has no `.env`. */
function templateOf(ctx: ComposeContext): Template | undefined {
  const dir = dirname(ctx.file.path);
  const used = new Set(ctx.doc.services.flatMap((s) => s.envFile.map((f) => resolve(dir, f.text))));
  let best: Template | undefined;
  for (const n of ctx.workspace.readDir(dir) ?? []) {
    if (n === '.env' || !TEMPLATE_NAME.test(n)) continue;
    const path = resolve(dir, n);
    // An env_file is the container's environment, not a template (its own message says so).
    if (used.has(path)) continue;
    const doc = ctx.workspace.document(path);
    if (!doc) continue;
    const names = new Map<string, Span>();
    for (const e of parsed<EnvFile>(doc, 'env').entries) if (!names.has(e.key)) names.set(e.key, e.keySpan);
    if (!best || names.size > best.names.size) best = { path, label: basename(path), text: doc.text, names };
  }
  return best && best.names.size ? best : undefined;
}

function noEnvFinding(envPath: string, uses: { name: string; span: Span; credential?: string }[], template: boolean): Report {
  const names = [...new Set(uses.map((u) => u.name))];
  const kinds = new Map<string, string>();
  for (const u of uses) if (u.credential && !kinds.has(u.name)) kinds.set(u.name, u.credential);
  const secrets = kinds.size;
  const lines = names.map((n) => `${n}=${kinds.get(n) && kinds.get(n) !== 'token' ? generateSecret(n) : ''}\n`).join('');
  return {
    span: uses[0].span,
    message: `${names.length} variable${names.length === 1 ? ' has' : 's have'} no value and no default (${listed(names)})${template ? ', not even in the template' : ''}: this project has no .env, so compose substitutes empty strings unless the shell exports them${secrets ? ` (${secrets} of them credentials: empty secrets)` : ''}. Create .env with them, or give them defaults.`,
    fixes: [{ title: secrets ? 'Create .env with these variables (generated values for credentials)' : 'Create .env with these variables', safe: false, sensitive: secrets > 0, edits: [{ file: envPath, start: 0, end: 0, newText: lines, create: true }] }],
  };
}

function listed(names: string[]): string {
  return names.slice(0, 5).join(', ') + (names.length > 5 ? ', ...' : '');
}

function templateFinding(ctx: ComposeContext, envPath: string, t: Template, uses: { name: string; span: Span }[]): Report {
  const names = [...new Set(uses.map((u) => u.name))];
  const shown = listed(names);
  return {
    span: uses[0].span,
    message: `${names.length} variable${names.length === 1 ? ' is' : 's are'} only defined in the template ${t.label} (${shown}): copy it to .env, which is the only file compose reads for \${} interpolation; until then compose substitutes empty strings.`,
    fixes: [{ title: `Copy ${t.label} to .env`, safe: false, edits: [{ file: envPath, start: 0, end: 0, newText: t.text, create: true }] }],
    related: names.slice(0, 10).map((n) => ({ file: t.path, span: t.names.get(n)!, message: `${n} is defined in the template` })),
  };
}
