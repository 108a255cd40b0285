/**
 * ARCHITECTURE.md, Precision "Disabled is not weak": an empty credential is only a weakness when something uses it. These
 * are the cases where, from the file itself, nothing does (or the image fills it in).
 */
import type { EnvEntry } from '../../../parse/dotenv';
import { nameWords } from '../../../secrets';
import { effectiveEntries, type EnvContext } from './context';

const OFF = /^(0|false|no|off|disabled?)$/i;

/** Credentials of a third-party service the app talks to (OAuth apps, an SMTP relay, a provider's API): optional integrations. */
const THIRD_PARTY = /(^|_)(OAUTH2?|OIDC|CLIENT_SECRET|SMTP|MAIL(ER)?|EMAIL|RELAY|SES|SENDGRID|MAILGUN|POSTMARK|TWILIO|SLACK|DISCORD|TELEGRAM|GITHUB|GITLAB|GOOGLE|MICROSOFT|AZURE|APPLE|FACEBOOK|TWITTER|OPENAI|ANTHROPIC|GROQ|MISTRAL|COHERE|HUGGINGFACE|HF|SENTRY|STRIPE|PAYPAL|RECAPTCHA|HCAPTCHA|TURNSTILE|CAPTCHA|WEBHOOK|PUSH|VAPID|FCM|APNS|ALGOLIA|MAPBOX|GIPHY|UNSPLASH|LDAP|SAML)(_|$)/i;

/** Why an empty credential is not reported, or undefined when it is. */
export function emptyButUnused(ctx: EnvContext, e: EnvEntry): string | undefined {
  if (e.value.trim() !== '') return undefined;
  const entries = effectiveEntries(ctx);
  const value = (key: string) => entries.find((x) => x.key.toUpperCase() === key)?.value.trim();
  const words = nameWords(e.key).map((w) => w.toUpperCase());
  // `SRS_SECRET=` beside `ENABLE_SRS=0`; `SASLAUTHD_LDAP_PASSWORD=` beside `ENABLE_SASLAUTHD=0`.
  for (let n = words.length - 1; n >= 1; n--) {
    const p = words.slice(0, n).join('_');
    for (const sw of [`ENABLE_${p}`, `${p}_ENABLED`, `${p}_ENABLE`, `USE_${p}`, `${p}_ON`]) {
      const v = value(sw);
      if (v !== undefined && OFF.test(v)) return `its integration is off (${sw}=${v})`;
    }
  }
  if (generatedWhenEmpty(ctx, e)) return 'the image generates a value when it is empty';
  if (THIRD_PARTY.test(e.key) || /(^|_)API_?KEY$/i.test(e.key)) return 'an optional third-party credential';
  return undefined;
}

/** The comment above the entry says an empty value is replaced by a generated one (`# empty => generated ...`). */
function generatedWhenEmpty(ctx: EnvContext, e: EnvEntry): boolean {
  // The document's own line index: a file may end lines with a lone `\r`.
  const { lines } = ctx.file;
  const block: string[] = [];
  for (let i = Math.min(e.line, lines.lineStarts.length) - 1; i >= 0 && block.length < 12; i--) {
    const l = ctx.file.text.slice(lines.lineStarts[i], lines.lineEnd(i)).trim();
    if (!l.startsWith('#')) break;
    block.push(l);
  }
  const text = block.join(' ');
  return /\b(empty|unset|not set|blank|left out)\b[^.]{0,40}\b(generat|random)/i.test(text) || /\b(auto-?generated|randomly generated|generated (automatically|on (first )?start|if empty|when empty))/i.test(text);
}
