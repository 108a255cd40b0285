/** The credential-bearing values of services' `environment`, shared by hardcoded-secret and weak-secret. */
import type { ComposeFile, EnvEntry, Service } from '../../../parse/compose';
import { isJudged } from './report';
import { hasInterpolation } from '../../../parse/interpolation';
import type { Span } from '../../../types';
import { urlPassword } from '../../../secrets';
import { credentialKind, judge } from './secrets';
import { isNotASecretValue, type SecretVerdict } from '../../../secrets';
import type { EngineConfig } from '../../../config';

export interface LiteralSecret {
  svc: Service;
  env: EnvEntry;
  /** The secret's characters: the whole value, or the password inside a connection string. */
  value: string;
  span: Span;
  /** `span` covers exactly `value` in the source (else it is the whole scalar). */
  exact: boolean;
  /** Inside a connection string: offsets of the password within the value. */
  url?: { start: number; end: number };
}

/**
 * Why a literal secret is weak, if it is (compose/weak-secret reports it; compose/hardcoded-secret then
 * leaves the token alone: one token, one finding, ARCHITECTURE.md, Precision).
 */
export function literalVerdict(s: LiteralSecret, config: EngineConfig['secrets'], template: boolean): SecretVerdict | undefined {
  const name = s.url ? `${s.env.key}_PASSWORD` : s.env.key;
  let value = s.value;
  if (s.url) { try { value = decodeURIComponent(value); } catch { /* kept as written */ } }
  return judge(name, value, config, template);
}

/** The host a connection-string password opens (`postgres://u:p@db:5432/x` -> `db`). */
export function literalHost(s: LiteralSecret): string | undefined {
  if (!s.url) return undefined;
  return /^@\[?([^\]:/?#,\s]+)/.exec((s.env.value ?? '').slice(s.url.end))?.[1];
}

/**
 * Literal (not `${VAR}`) credential values and literal passwords inside connection strings, of the
 * services rules judge (`servicesOf`); read once per parse, for the two rules that ask.
 */
export function literalSecretsOf(file: ComposeFile): LiteralSecret[] {
  let out = secretsByFile.get(file);
  if (!out) secretsByFile.set(file, out = literalSecrets(file.services.filter(isJudged)));
  return out;
}

const secretsByFile = new WeakMap<ComposeFile, LiteralSecret[]>();

function literalSecrets(services: Service[]): LiteralSecret[] {
  const out: LiteralSecret[] = [];
  const seen = new Set<string>();
  for (const svc of services) {
    for (const env of svc.environment) {
      const id = `${env.itemSpan.start}:${env.itemSpan.end}`;
      if (seen.has(id) || env.value === undefined) continue;
      seen.add(id);
      const url = urlPassword(env.value);
      if (url) {
        if (hasInterpolation(url.password) || !url.password) continue;
        const span = env.valueExact ? { start: env.valueSpan.start + url.start, end: env.valueSpan.start + url.end } : env.valueSpan;
        out.push({ svc, env, value: url.password, span, exact: env.valueExact, url: { start: url.start, end: url.end } });
        continue;
      }
      if (!credentialKind(env.key) || env.interpolated || env.value.trim() === '' || runtimeReference(env.value) || isNotASecretValue(env.value)) continue;
      out.push({ svc, env, value: env.value, span: env.valueSpan, exact: env.valueExact });
    }
  }
  return out;
}

/**
 * `$${SECRET}`, `$$SECRET` or `$$(cat /run/secrets/x)`: compose passes a literal `${SECRET}` on for the
 * container's shell or entrypoint to expand at start. The value names where the secret comes from; it is
 * not the secret (`pa$$word`, a dollar inside a literal, still is).
 */
export function runtimeReference(value: string): boolean {
  const v = value.trim().replace(/\$\$/g, '$');
  if (v === value.trim()) return false;
  return /^\$\{[A-Za-z_][A-Za-z0-9_]*(:?[-=?+][^}]*)?\}$/.test(v) || /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(v) || /^\$\(.*\)$/s.test(v);
}

/** A name compose can interpolate (`spring.datasource.password` -> `SPRING_DATASOURCE_PASSWORD`). */
export function varName(key: string): string {
  const n = key.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(n) ? n : `_${n}`;
}
