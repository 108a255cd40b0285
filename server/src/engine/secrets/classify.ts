import type { SecretKind } from './index';

/**
 * Credential-shaped names (ARCHITECTURE.md, Secrets). A name is split into words (`_`, `.`, `-`, camelCase); the last
 * credential word decides the kind, and only "neutral" words may follow it (`SECRET_KEY_BASE`), so
 * settings about a secret (`GOTRUE_JWT_ADMIN_ROLES`, `PASSWORD_REQUIRED_CHARACTERS`) are not secrets.
 */

/** SPEC exclusions, plus settings that name a secret but hold something else (a URL, a size, a switch). */
const EXCLUDED = new RegExp([
  '_FILE$', '_PATH$', '_ID$', '_USER$', '_NAME$', 'PUBLIC', 'PUBLISHABLE', '_LENGTH$', '_EXP$', '_TTL$', '_MIN',
  '_MAX', '^MAX_', '_(URL|URI|ENDPOINT|HOST|PORT|ENABLED?|DISABLED?|TYPE|ALGORITHM|ALG|ISSUER|AUDIENCE|HEADER|EXPIRY|EXPIRES|EXPIRES_IN|EXPIRATION|EXPIRE|LIFETIME|TIMEOUT|SIZE|COUNT|LIMIT|ROUNDS|COST|LEN|POLICY|MODE|METHOD|PROVIDER|DIR|FOLDER|REGION|PREFIX|VERSION|REQUIRED|ROTATION|HASH|HASHED|FORMAT|FIELD|STRATEGY|USERNAME|EMAIL|SECONDS|INTERVAL|DURATION|BITS|STORE|BACKEND|CHARACTERS|ATTEMPTS|RETRIES|AGE|SCOPES?|LOCATION|CERT|CERTIFICATE|COMMAND|CMD|SCRIPT|RESET|LOGIN|AUTH|LEVEL|STATUS)$',
].join('|'));

const NEUTRAL = new Set(['KEY', 'BASE', 'VALUE', 'STRING', 'B64', 'BASE64', 'HEX', 'RAW', 'DATA', 'TEXT', 'ENCODED', 'OLD', 'NEW', 'CURRENT', 'PREVIOUS', 'PRIMARY', 'SECONDARY', 'FALLBACK', 'SECRET', 'ROOT', 'ADMIN']);

/** Providers whose keys are issued to you: never judged by length, only empty or placeholder. */
const PROVIDERS = /^(STRIPE|AWS|AMAZON|RECAPTCHA|HCAPTCHA|TURNSTILE|CF|CLOUDFLARE|OPENAI|ANTHROPIC|CLAUDE|GITHUB|GH|GITLAB|GOOGLE|GCP|GEMINI|FIREBASE|AZURE|SLACK|TWILIO|SENDGRID|MAILGUN|MAILJET|POSTMARK|RESEND|BREVO|SENDINBLUE|DISCORD|TELEGRAM|SENTRY|PUSHER|ALGOLIA|MAPBOX|PAYPAL|PLAID|OKTA|AUTH0|HUGGINGFACE|HF|COHERE|MISTRAL|GROQ|REPLICATE|DEEPSEEK|OPENROUTER|TOGETHER|PERPLEXITY|TAVILY|SERPAPI|FIRECRAWL|JINA|ELEVENLABS|DATADOG|DD|NEWRELIC|SEGMENT|MIXPANEL|NOTION|LINEAR|JIRA|ATLASSIAN|DROPBOX|BOX|SHOPIFY|SQUARE|BRAINTREE|VONAGE|NEXMO|DIGITALOCEAN|DO|HETZNER|LINODE|VULTR|NETLIFY|VERCEL|HEROKU|NPM|DOCKERHUB|DOCKER_HUB|CODECOV|SONAR|SNYK|FACEBOOK|META|TWITTER|X|LINKEDIN|MICROSOFT|MS|APPLE|SPOTIFY|ZOOM)_/;

const SWITCH_WORDS = new Set(['RANDOM', 'ALLOW', 'EMPTY', 'GENERATE', 'RESET', 'FORGOT', 'FORGOTTEN', 'REQUIRE', 'ENABLE', 'DISABLE', 'SKIP', 'CHANGE', 'SHOW', 'HIDE', 'USE', 'NO']);

/** Verbs that make a trailing `JWT` a switch about tokens (Supabase `FUNCTIONS_VERIFY_JWT=false`), not a token. */
const JWT_VERBS = new Set(['VERIFY', 'VALIDATE', 'CHECK', 'DECODE', 'REQUIRE', 'ENFORCE']);

/** Words between a key's kind and `KEY` that do not change it: `ENCRYPTION_SECONDARY_KEY`, `JWT_OLD_KEY`. */
const KEY_MODIFIERS = new Set(['OLD', 'NEW', 'CURRENT', 'PREVIOUS', 'PRIMARY', 'SECONDARY', 'FALLBACK', 'BACKUP', 'NEXT']);

/** Prefixes of `*_KEY` that make it a signing or encryption key (`VAULT_ENC_KEY`, `PG_META_CRYPTO_KEY`). */
const KEY_PREFIXES = ['PRIVATE', 'AUTH', 'SIGNING', 'ENCRYPTION', 'ENCRYPT', 'ENC', 'CRYPTO', 'CIPHER', 'AES', 'MASTER', 'SESSION', 'SECRET', 'COOKIE', 'KMS', 'JWT', 'HMAC'];

type Hit = { index: number; kind: SecretKind };

/** Splits `dbPassword`, `DB_PASSWORD`, `db.password`, `db-password` into upper-case words. */
export function nameWords(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
}

function wordHit(words: string[], i: number): SecretKind | undefined {
  const w = words[i];
  const prev = words[i - 1] ?? '';
  // Laravel's (and Firefly III's, BookStack's...) `APP_KEY` is the application's encryption key; `DROPBOX_APP_KEY` is not.
  if (w === 'KEY' && prev === 'APP' && words.length === 2) return 'key';
  if (/PASSWORD|PASSWD|PASSPHRASE/.test(w)) return 'password';
  if (w === 'PASS' || (w.endsWith('PASS') && !/(BY|COM|SUR|OVER|UNDER|TRES)PASS$/.test(w))) return 'password';
  if (w === 'PWD' || (w.endsWith('PWD') && w !== 'OLDPWD')) return 'password';
  if (w === 'KEY') {
    // Fluxbase/Supabase `*_CLIENT_KEY`, `*_SERVICE_ROLE_KEY`: issued API keys (the Fluxbase guide: never commit them).
    // Not a TLS client key (`REDIS_TLS_CLIENT_KEY=/certs/client.key`), which is a file.
    const tls = words.some((x) => /^(TLS|SSL|MTLS|CERT|X509)$/.test(x));
    if (prev === 'API' || prev === 'ACCESS' || (!tls && (prev === 'CLIENT' || prev === 'SERVICE' || (prev === 'ROLE' && words[i - 2] === 'SERVICE')))) return 'token';
    let j = i - 1;
    while (j > 0 && KEY_MODIFIERS.has(words[j])) j--;
    if (KEY_PREFIXES.includes(words[j] ?? '')) return 'key';
    return undefined;
  }
  if (w.endsWith('APIKEY')) return 'token';
  if (/^(PRIVATE|SIGNING|ENCRYPTION|MASTER|SESSION|SECRET|AUTH)KEY$/.test(w)) return 'key';
  if (w === 'TOKEN' || (w.endsWith('TOKEN') && w.length > 5)) return 'token';
  if (w.startsWith('CREDENTIAL')) return 'token';
  if (w.includes('SECRET')) return prev === 'CLIENT' || w === 'CLIENTSECRET' ? 'token' : 'key';
  if (w === 'SALT' || w.endsWith('SALT')) return 'key';
  if (w.includes('JWT')) return 'key';
  return undefined;
}

/** The kind of secret a variable name holds, or undefined when it is not credential-shaped. */
export function classifyName(name: string): SecretKind | undefined {
  const words = nameWords(name);
  if (!words.length) return undefined;
  const joined = words.join('_');
  if (joined === 'PWD' || EXCLUDED.test(joined)) return undefined;
  // Switches about a secret: MYSQL_RANDOM_ROOT_PASSWORD=yes, MYSQL_ALLOW_EMPTY_PASSWORD, VITE_RESET_PASSWORD.
  if (words.some((w) => SWITCH_WORDS.has(w))) return undefined;
  let last: Hit | undefined;
  for (let i = 0; i < words.length; i++) {
    const kind = wordHit(words, i);
    if (kind) last = { index: i, kind };
  }
  if (!last) return undefined;
  if (last.index === words.length - 1 && words[last.index] === 'JWT' && JWT_VERBS.has(words[last.index - 1] ?? '')) return undefined;
  for (let i = last.index + 1; i < words.length; i++) {
    if (!NEUTRAL.has(words[i]) && !/^\d+$/.test(words[i]) && !wordHit(words, i)) return undefined;
  }
  if (last.kind === 'key' && PROVIDERS.test(joined + '_') && !/JWT|SESSION|COOKIE|SALT|ENCRYPT|SIGNING|MASTER/.test(joined)) {
    // STRIPE_SECRET_KEY, RECAPTCHA_SECRET_KEY: issued by the provider, not chosen by the operator.
    return 'token';
  }
  return last.kind;
}
