/**
 * Placeholders and known default secrets (ARCHITECTURE.md, Secrets). zxcvbn's dictionaries know `password` and
 * `admin` but not the defaults that guides and images ship (`minioadmin`, `hello456`, jwt.io's
 * `your-256-bit-secret`, Supabase's demo secrets), and it scores long phrases as strong.
 */

/** Known defaults, compared case-insensitively with `-`, `_`, `.` and spaces removed. */
const KNOWN_DEFAULTS = new Set([
  'changeme', 'changeit', 'changethis', 'changemenow', 'changeme123', 'pleasechangeme',
  'secret', 'secrets', 'password', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'pass', 'pass123', 'pwd',
  'admin', 'admin123', 'admin1234', 'administrator', 'root', 'toor', 'example', 'test', 'test123', 'testing',
  'demo', 'default', 'guest', 'user', 'qwerty', 'letmein', 'welcome', '123456', '12345678', '123456789', '1234567890',
  'minioadmin', 'minio123', 'hello456', 'hello123', 'postgres', 'postgrespassword', 'mysql', 'mariadb', 'mongo', 'mongodb', 'redis', 'rabbitmq', 'elastic',
  'mysecretkey123', 'your256bitsecret', 'supersecret', 'supersecretkey', 'supersecretpassword', 'topsecret', 'secret123', 'secretkey',
  'mysecret', 'mysecretkey', 'mypassword', 'password123', 'password1', 'keyboardcat', 'shhhhh', 's3cr3t', 'foobar',
  'insecure', 'notsecure', 'notasecret', 'jwtsecret', 'appsecret', 'sessionsecret', 'cookiesecret', 'thisisasecret', 'thisismysecret',
  'thispasswordisinsecureandshouldbeupdated', 'yoursupersecretjwttokenwithatleast32characterslong',
  'supersecretjwttokenwithatleast32characterslong', 'yoursupersecretandlongpostgrespassword', 'mmuserpassword',
  // Dify's docker/.env.example (one password for a dozen services, the sandbox key, stand-ins for provider keys),
  // Firefly III's `APP_KEY`.
  'difyai123456', 'difysandbox', 'dify', 'somerandomstringof32charsexactly',
  // SOGo's built-in SOGoURLEncryptionPassphrase (mailcow's fallback).
  'sogosupersecret0',
]);

/**
 * Random-looking secrets that popular self-hosting templates publish as working defaults: compared
 * exactly. Anyone who read the template knows them (SEEN guide: "Never use default or example secrets").
 */
const PUBLISHED_DEFAULTS = new Set([
  // Supabase docker/.env.example: SECRET_KEY_BASE, S3_PROTOCOL_ACCESS_KEY_SECRET.
  'UpNVntn3cDxHJpq99YMc1T1AQgQpc8kfYTuRgBiYa15BLrx8etQoXz3gZv1/u2oq',
  '850181e4652dd023b7a98c58ae0d2d34bd487ee0cc3254aed6eda37307425907',
  // Dify docker/.env.example: SECRET_KEY, WEAVIATE_API_KEY, PLUGIN_DAEMON_KEY, PLUGIN_DIFY_INNER_API_KEY.
  'sk-9f73s3ljTXVcMT3Blb3ljTqtsKiGHXVcMT3BlbkFJLK7U',
  'WVF5YThaHlkYwhGUSmCRgsX3tD5ngdN8pkih',
  'lYkiYYT6owG+71oLerGzA7GXCgOT++6ovaezWAjpCjf+Sjc3ZtU+qUEi',
  'QaHbTe77CtuXmsfyhR7+vRjI/+XbV1AaFy691iy+kGDv2Jvy0/eAh8Y1',
  // Cal.com .env.example: CRON_API_KEY.
  '0cc0e6c35519bba620c9360cfe3e68d0',
]);

/**
 * A secret published as a default in a public template: the exact values above, and JWTs issued by
 * Supabase's demo project (`"iss": "supabase-demo"`, the ANON_KEY / SERVICE_ROLE_KEY of its template,
 * signed with the equally public demo JWT secret).
 */
export function isPublishedDefault(value: string): boolean {
  const v = value.trim();
  if (PUBLISHED_DEFAULTS.has(v)) return true;
  const jwt = /^eyJ[\w-]*\.e[wy][\w-]*\.[\w-]*$/.test(v);
  if (!jwt) return false;
  try {
    const payload = Buffer.from(v.split('.')[1], 'base64url').toString('utf8');
    return /"iss"\s*:\s*"supabase-demo"/.test(payload);
  } catch {
    return false;
  }
}

/** Values that only stand for "put your secret here". */
const PLACEHOLDER_PATTERNS: RegExp[] = [
  /^<[^<>]*>$/, /^\[[^\]]*\]$/, /^\{\{[^}]*\}\}$/, /^%[^%]+%$/,
  /^[x*.?#_-]+$/i,
  // Plausible CE's `{replace-me}`; not JSON (`{"a": 1}`).
  /^\{[\w .-]+\}$/,
  /(^|[-_.:])x{4,}|x{8,}/i,
  /^your([-_. ]|[A-Z])/i, /^(?:my|the)[-_]?(?:api[-_]?)?(?:key|token|secret|password)[-_]?here$/i,
  /[-_. ](here|goes[-_]?here)$/i,
  /^(replace|change|update|insert|enter|put|set|fill|add)[-_. ]?(me|this|it|with|your|in)\b/i,
  /^(replace|change|update|generate|insert|enter)[-_ ]/i,
  // Outline's `get_a_key_from_aws`, `get_the_secret_of_above_key`.
  /^(get|paste|obtain|create|put|add|set)[-_ ](a|an|the|your|one|some|new|it|this)[-_ ]/i,
  /^(change|replace|update|enter|insert)[A-Z]/,
  /^(todo|tbd|fixme|placeholder|dummy|none|null|nil|undefined|empty|required|optional|secret[-_]?here|key[-_]?here)$/i,
  /^(sk|pk|rk)[-_](live|test)?[-_]?\.{3}/, /\.\.\.$/,
];

function squash(v: string): string {
  return v.toLowerCase().replace(/[-_. ]/g, '');
}

/** A value known to ship as a default (`changeme`, `minioadmin`, jwt.io's sample secret...). */
export function isKnownDefault(value: string): boolean {
  const s = squash(value.trim());
  if (KNOWN_DEFAULTS.has(s) || isPublishedDefault(value)) return true;
  // Django's generated-but-public dev key, and "secret"/"password" with a digit or two.
  return /^django-insecure-/.test(value) || /^(secret|password|changeme|admin|root|test)\d{1,4}!?$/.test(s);
}

/** A stand-in the user was meant to replace (`<secret>`, `your_key_here`, `xxx`, `replace-me`). */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (!v) return false;
  return PLACEHOLDER_PATTERNS.some((re) => re.test(v));
}

/** Placeholders that cannot be mistaken for a working secret: normal in a template (ARCHITECTURE.md, File kinds). */
export function isTemplateBlank(value: string): boolean {
  const v = value.trim();
  return !v || (isPlaceholder(v) && !isKnownDefault(v));
}
