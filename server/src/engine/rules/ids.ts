import { editDistance } from '../text';

/**
 * Every rule id, spelled once. Config keys, suppression comments, findings and tests are typed by
 * it, so a misspelt id is a compile error or a reported mistake rather than a setting or a negative
 * test that silently checks nothing. A test holds this list to the registered rules.
 */
export const RULE_IDS = [
  // compose
  'compose/exposed-datastore-port',
  'compose/port-all-interfaces',
  'compose/port-bypasses-proxy',
  'compose/datastore-without-auth',
  'compose/hardcoded-secret',
  'compose/weak-secret',
  'compose/undefined-variable',
  'compose/exposed-admin-ui',
  'compose/open-setup-wizard',
  'compose/committed-default-secret',
  'compose/datastore-plaintext',
  'compose/privileged',
  'compose/docker-socket',
  'compose/host-namespace',
  'compose/dangerous-capability',
  'compose/security-opt-disabled',
  'compose/no-new-privileges',
  'compose/sensitive-mount',
  'compose/runs-as-root',
  'compose/no-resource-limits',
  'compose/unpinned-image',
  'compose/no-healthcheck',
  'compose/no-log-rotation',
  'compose/datastore-not-isolated',
  'compose/traefik-unused-middleware',
  'compose/unknown-key',
  'compose/syntax',
  // nginx
  'nginx/no-https',
  'nginx/http-not-redirected',
  'nginx/missing-hsts',
  'nginx/weak-hsts',
  'nginx/missing-security-headers',
  'nginx/missing-csp',
  'nginx/header-inheritance',
  'nginx/header-without-always',
  'nginx/unsafe-csp',
  'nginx/deprecated-xss-protection',
  'nginx/server-tokens',
  'nginx/weak-tls-protocol',
  'nginx/weak-tls-cipher',
  'nginx/ssl-session-tickets',
  'nginx/missing-ocsp-stapling',
  'nginx/no-rate-limit',
  'nginx/unlimited-body-size',
  'nginx/autoindex',
  'nginx/alias-traversal',
  'nginx/host-spoofing',
  'nginx/http-splitting',
  'nginx/ssrf',
  'nginx/cors-wildcard',
  'nginx/proxy-missing-headers',
  'nginx/dotfiles-exposed',
  'nginx/private-key-permissions',
  'nginx/allow-without-deny',
  'nginx/return-bypasses-access',
  'nginx/filesystem-root',
  'nginx/status-page-exposed',
  'nginx/valid-referers-none',
  'nginx/weak-origin-check',
  'nginx/proxy-pass-normalized',
  'nginx/proxy-header-inheritance',
  'nginx/ambiguous-default-server',
  'nginx/map-without-default',
  'nginx/rewrite-capture-overflow',
  'nginx/stale-dns',
  'nginx/real-ip-spoofable',
  'nginx/forwarded-proto-trusted',
  'nginx/ssl-early-data',
  'nginx/syntax',
  // env
  'env/weak-secret',
  'env/insecure-connection',
  'env/insecure-setting',
  'env/weak-policy',
  'env/not-gitignored',
  'env/file-permissions',
  'env/truncated-value',
  'env/duplicate-key',
  'env/secret-reused',
  'env/template-value-copied',
  'env/leaked-credential',
  'env/syntax',
] as const;

export type RuleId = typeof RULE_IDS[number];

const KNOWN: ReadonlySet<string> = new Set(RULE_IDS);

export function isRuleId(s: string): s is RuleId { return KNOWN.has(s); }

/** The known id nearest a misspelt one, if it is near enough to be the one meant. */
export function closestRuleId(s: string): RuleId | undefined {
  const wanted = s.trim().toLowerCase();
  // Up to a quarter of the id may differ (at least 2 edits): "compose/privilege" or a swapped language prefix, not an unrelated rule.
  const limit = Math.max(2, Math.floor(wanted.length / 4));
  let best: RuleId | undefined;
  let bestDistance = limit + 1;
  for (const id of RULE_IDS) {
    // The lengths alone bound the distance; this also keeps a huge word in a comment from costing length x length.
    if (Math.abs(wanted.length - id.length) > Math.min(limit, bestDistance - 1)) continue;
    const d = editDistance(wanted, id);
    if (d < bestDistance) { best = id; bestDistance = d; }
  }
  return best;
}

/** " (did you mean x?)" for an unknown id, or nothing when no rule is close. */
export function didYouMean(s: string): string {
  const near = closestRuleId(s);
  return near ? ` (did you mean ${near}?)` : '';
}
