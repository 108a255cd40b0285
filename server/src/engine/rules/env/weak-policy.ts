import type { Rule, Severity } from '../../types';
import { effectiveEntries, type EnvContext } from './support/context';

const MIN_LENGTH = /PASSWORD_MIN(IMUM)?_LENGTH$|MIN(IMUM)?_PASSWORD_LENGTH$|PASSWORD_MIN_LEN$/;
const BCRYPT = /BCRYPT.*(COST|ROUNDS|FACTOR|WORK)|(SALT|HASH)_ROUNDS$|BCRYPT_(COST|ROUNDS)$|PASSWORD_HASH_(COST|ROUNDS)$/;
const ACCESS_LIFETIME = /JWT_EXP|ACCESS_TOKEN_(EXP|TTL|LIFETIME|EXPIRY|EXPIRES|EXPIRATION|DURATION|TIMEOUT)/;

const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** The unit a bare number is in, from the name: `*_MS`, Dify's `ACCESS_TOKEN_EXPIRE_MINUTES`, `*_HOURS`, `*_DAYS`. */
function nameUnit(key: string): { seconds: number; oneHour?: string } {
  if (/(_|^)MS$|MILLIS/.test(key)) return { seconds: 0.001, oneHour: '3600000' };
  if (/_(MINUTES?|MINS?)$/.test(key)) return { seconds: 60, oneHour: '60' };
  if (/_(HOURS?|HRS?)$/.test(key)) return { seconds: 3600, oneHour: '1' };
  // One hour is not a whole number of days: no fix to offer.
  if (/_DAYS?$/.test(key)) return { seconds: 86400 };
  return { seconds: 1, oneHour: '3600' };
}

/** Seconds from `3600`, `3600s`, `15m`, `1h`, `7d`; a bare number in the unit the name says. */
function seconds(key: string, value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)?$/i.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  if (m[2]) return n * UNIT_SECONDS[m[2].toLowerCase()];
  return n * nameUnit(key).seconds;
}

/** One hour in the value's own style, or undefined when that style cannot say it. */
function oneHourLike(key: string, value: string): string | undefined {
  const unit = /[a-z]+$/i.exec(value.trim())?.[0];
  if (unit) return unit.toLowerCase() === 'ms' ? '3600000ms' : '1h';
  return nameUnit(key).oneHour;
}

export const envWeakPolicy: Rule<EnvContext> = {
  id: 'env/weak-policy', language: 'env', severity: 'warning',
  title: 'Weak password, hashing or token-lifetime policy',
  docs: {
    why: [
      '- `*PASSWORD_MIN_LENGTH` below 12 (AppFlowy guide: `GOTRUE_PASSWORD_MIN_LENGTH=12`; Fluxbase and AFFiNE guides: at least 12 characters).',
      '- bcrypt cost / rounds below 10 (warning), or 10-11 (info): the Fluxbase guide uses 10, the SEEN guide 12.',
      '- a JWT / access-token lifetime over one hour (info): AppFlowy guide `GOTRUE_JWT_EXP=3600`; SEEN and Fluxbase: 15 minutes. Refresh tokens are not concerned. A bare number is read in the unit the name says (`ACCESS_TOKEN_EXPIRE_MINUTES`, `*_HOURS`, `*_DAYS`, `*_MS`), else in seconds.',
    ].join('\n'),
    fixSafety: 'The fix sets the recommended value (12, 12, one hour). It changes behaviour, so it is lightbulb-only: "Fix all" and `--fix` do not apply it.',
    references: ['AppFlowy guide: Strong Password Policies, Session Management', 'Fluxbase guide: bcrypt cost factor 10', 'SEEN guide: bcrypt cost factor 12, access tokens 15 minutes'],
  },
  fixable: true,
  check(ctx) {
    for (const e of effectiveEntries(ctx)) {
      const key = e.key.toUpperCase();
      const value = e.value.trim();
      const report = (message: string, fixed: string | undefined, severity?: Severity) => ctx.report({
        span: e.valueSpan, message, severity,
        fixes: fixed === undefined ? [] : [{ title: `Set ${e.key}=${fixed}`, safe: false, edits: [ctx.replace(e.valueSpan, fixed)] }],
      });
      if (MIN_LENGTH.test(key) && /^\d+$/.test(value) && Number(value) < 12) {
        report(`${e.key} allows passwords of ${value} characters; require at least 12.`, '12');
      } else if (BCRYPT.test(key) && /^\d+$/.test(value) && Number(value) < 12) {
        const n = Number(value);
        report(`${e.key} is ${n}: bcrypt cost ${n < 10 ? 'below 10 is cheap to brute-force' : 'of 12 is the current recommendation'}.`, '12', n < 10 ? undefined : 'info');
      } else if (ACCESS_LIFETIME.test(key) && !/REFRESH/.test(key)) {
        const s = seconds(key, value);
        if (s !== undefined && s > 3600) report(`${e.key} keeps access tokens valid for ${describe(s)}: a stolen token stays usable that long; one hour or less is recommended.`, oneHourLike(key, value), 'info');
      }
    }
  },
};

function describe(s: number): string {
  if (s >= 86400 && s % 86400 === 0) return `${s / 86400} day${s === 86400 ? '' : 's'}`;
  if (s >= 3600 && s % 3600 === 0) return `${s / 3600} hours`;
  return `${Math.round(s)} seconds`;
}
