/**
 * Placeholders and known default secrets (SPEC §4). zxcvbn's dictionaries know `password` and
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
]);

/** Values that only stand for "put your secret here". */
const PLACEHOLDER_PATTERNS: RegExp[] = [
  /^<[^<>]*>$/, /^\[[^\]]*\]$/, /^\{\{[^}]*\}\}$/, /^%[^%]+%$/,
  /^[x*.?#_-]+$/i,
  /(^|[-_.:])x{4,}|x{8,}/i,
  /^your([-_. ]|[A-Z])/i, /^(?:my|the)[-_]?(?:api[-_]?)?(?:key|token|secret|password)[-_]?here$/i,
  /[-_. ](here|goes[-_]?here)$/i,
  /^(replace|change|update|insert|enter|put|set|fill|add)[-_. ]?(me|this|it|with|your|in)\b/i,
  /^(replace|change|update|generate|insert|enter)[-_ ]/i,
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
  if (KNOWN_DEFAULTS.has(s)) return true;
  // Django's generated-but-public dev key, and "secret"/"password" with a digit or two.
  return /^django-insecure-/.test(value) || /^(secret|password|changeme|admin|root|test)\d{1,4}!?$/.test(s);
}

/** A stand-in the user was meant to replace (`<secret>`, `your_key_here`, `xxx`, `replace-me`). */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (!v) return false;
  return PLACEHOLDER_PATTERNS.some((re) => re.test(v));
}

/** Placeholders that cannot be mistaken for a working secret: normal in a template (SPEC §2). */
export function isTemplateBlank(value: string): boolean {
  const v = value.trim();
  return !v || (isPlaceholder(v) && !isKnownDefault(v));
}
