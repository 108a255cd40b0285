/**
 * Live credential formats (ARCHITECTURE.md, Rules env/leaked-credential): prefixes providers put on real keys so
 * that scanners can find them. Each pattern must match the whole token, so placeholders such as
 * `ghp_xxxx` or `sk_live_...` are not taken for live keys.
 */
const FORMATS: { name: string; re: RegExp }[] = [
  { name: 'an AWS access key id', re: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: 'a GitHub token', re: /\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}\b/ },
  { name: 'a GitHub fine-grained token', re: /\bgithub_pat_[A-Za-z0-9_]{50,}\b/ },
  { name: 'a Stripe live key', re: /\b(sk|rk)_live_[A-Za-z0-9]{20,}\b/ },
  { name: 'a Slack token', re: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/ },
  { name: 'a Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { name: 'a private key', re: /-----BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED) )?PRIVATE KEY-----/ },
];

/** Names the live credential format found in a value (never the value), or undefined. */
export function leakedCredentialFormat(value: string): { name: string; start: number; end: number } | undefined {
  for (const f of FORMATS) {
    const m = f.re.exec(value);
    if (!m) continue;
    // Placeholders, and the documentation's examples (AWS: `AKIAIOSFODNN7EXAMPLE`).
    if (f.name !== 'a private key' && /x{6,}|(.)\1{7,}|EXAMPLE/i.test(m[0])) continue;
    return { name: f.name, start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}
