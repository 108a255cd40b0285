import { isMap, isPair, isScalar, isSeq } from '../../parse/compose-yaml';
import type { Scalar } from 'yaml';
import type { Rule, Span } from '../../types';
import type { Service } from '../../parse/compose';
import { scanInterpolation, type VarRef } from '../../parse/interpolation';
import { composeProject } from '../../project/compose-project';
import { parsed } from '../../languages';
import type { EnvFile } from '../../parse/dotenv';
import { classifyKey, generateSecret } from '../../secrets';
import { resolve } from '../../paths';
import { appendEnv } from './support/env-file';
import { reportOnce, type ComposeContext } from './support/report';

interface Use { ref: VarRef; key?: string }

export const undefinedVariable: Rule<ComposeContext> = {
  id: 'compose/undefined-variable', language: 'compose', severity: 'warning',
  title: 'Variable used without a value in .env',
  description: [
    'A `${VAR}` (or `$VAR`) with no default is not defined in the `.env` beside the compose file. Unless the shell that runs compose exports it, compose substitutes an empty string — for a credential key that is an empty password.',
    'Files listed under `env_file:` do not help: they set the container\'s environment, they never feed `${}` interpolation in the compose file. Define the variable in `.env`, give it a default (`${VAR:-value}`), or make it required (`${VAR:?VAR must be set}`) so compose refuses to start without it.',
    '',
    'SEEN and AFFiNE guides: secrets live in `.env` and compose reads them with `${VAR}`.',
  ].join('\n'),
  fixable: true,
  sources: ['SEEN guide', 'AFFiNE guide', 'Compose interpolation: https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/'],
  check(ctx) {
    const doc = ctx.doc.doc;
    if (!doc || !ctx.doc.root || !ctx.file.text.includes('$')) return;
    const project = composeProject(ctx.workspace, ctx.file.path);
    const envFiles = envFileDefinitions(ctx);
    const report = reportOnce(ctx);
    const keyAt = environmentKeys(ctx.doc.services);
    eachValueScalar(doc.contents, (node) => {
      if (!node.range) return;
      const [start, end] = node.range;
      const raw = ctx.file.text.slice(start, end);
      if (!raw.includes('$')) return;
      for (const use of unsetUses(scanInterpolation(raw, start))) {
        const name = use.ref.name;
        if (project.variable(name)) continue;
        const envKey = keyAt(start);
        const credential = classifyKey(name) ?? (envKey ? classifyKey(envKey) : undefined);
        const inEnvFile = envFiles.get(name);
        const reason = inEnvFile
          ? `is only set in env_file ${inEnvFile.label}, which sets the container's environment but never feeds \${} interpolation`
          : project.envDoc ? 'is not defined in .env' : 'is not defined: this project has no .env';
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
  },
};

/** Every scalar that is a value (not a mapping key), in document order; aliases are not followed. */
function eachValueScalar(node: unknown, fn: (s: Scalar) => void): void {
  if (isScalar(node)) fn(node);
  else if (isMap(node)) {
    for (const p of node.items) {
      if (!isPair(p)) continue;
      if (!isScalar(p.key)) eachValueScalar(p.key, fn);
      eachValueScalar(p.value, fn);
    }
  } else if (isSeq(node)) for (const it of node.items) eachValueScalar(it, fn);
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

