import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run as runCli } from '../../server/src/cli/main';

/**
 * Reviewers' verdicts on our findings over ../shared/corpus (labels.json, read-only) and the
 * problems they found missed. A label agrees when:
 * - NOISE / WRONG: no finding of that rule at that line above `info`;
 * - SEVERITY: the finding is at most `shouldBe`, and still at `error` where `shouldBe` is error;
 * - RIGHT: the finding is kept at the labelled severity or above.
 * A miss is found when a finding of its rule (reviewers' names mapped to our ids) lies within
 * a few lines of the line they gave.
 */
const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const LABELS = path.join(CORPUS, 'labels.json');

/**
 * The share of labels that must agree, and of the 28 misses that must be found. The product's bar
 * is 90% of labels (docs: issue 13); this is a ratchet at what is reached, so that no change
 * loses agreement: raise it as labels are won, never lower it.
 */
const LABEL_BAR = 0.9;
const MISSES_BAR = 20;
const MISS_WINDOW = 5;

type Severity = 'error' | 'warning' | 'info' | 'hint';
type Verdict = 'RIGHT' | 'SEVERITY' | 'NOISE' | 'WRONG';
interface Label { file: string; line: number; rule: string; severity: Severity; verdict: Verdict; shouldBe: Severity | 'none'; reason: string }
interface Miss { file: string; line: number; problem: string; suggestedRule: string }
interface Found { file: string; rule: string; severity: Severity; line: number }

const RANK: Record<Severity | 'none', number> = { none: -1, hint: 0, info: 1, warning: 2, error: 3 };

/** Reviewers named some rules before they had ids; these are the ids that report those problems. */
const RULE_ALIASES: Record<string, string> = {
  'compose/open-install-wizard': 'compose/open-setup-wizard',
  'nginx/real-ip-trust-all': 'nginx/real-ip-spoofable',
  'compose/traefik-insecure-api': 'compose/exposed-admin-ui',
  'compose/plain-http-app': 'compose/port-all-interfaces',
  'compose/app-plain-http-published': 'compose/port-all-interfaces',
};

/**
 * Right findings we report differently on purpose, after reading the file: each with why. Any other
 * right finding lost fails the suite.
 */
const DEPARTURES: Record<string, string> = {
  'NginxProxyManager+nginx-proxy-manager/docker/rootfs/etc/nginx/conf.d/production.conf.template:3 nginx/http-not-redirected':
    'reported as nginx/no-https instead: the reviewer\'s own reason says the fix is TLS, not a redirect',
  'docker+awesome-compose/gitea-postgres/compose.yaml:14 compose/port-all-interfaces': 'the stack\'s single HTTP entry point with no proxy: info, with the TLS advice',
  'n8n-io+n8n-hosting/docker-compose/withPostgres/docker-compose.yml:38 compose/port-all-interfaces': 'the stack\'s single HTTP entry point with no proxy: info, with the TLS advice',
  'docker+awesome-compose/gitea-postgres/compose.yaml:19 compose/hardcoded-secret': 'one problem, one finding: the weak literal is compose/weak-secret\'s, whose message says it is committed',
  'docker+awesome-compose/nextcloud-redis-mariadb/compose.yaml:37 compose/hardcoded-secret': 'one problem, one finding: the weak literal is compose/weak-secret\'s',
  'docker+awesome-compose/wordpress-mysql/compose.yaml:12 compose/hardcoded-secret': 'one problem, one finding: the weak literal is compose/weak-secret\'s',
  'docker+awesome-compose/nginx-flask-mongo/nginx/nginx.conf:1 nginx/missing-security-headers': 'every location is proxied: nginx cannot see what the app sends, so info',
  'docker+awesome-compose/nginx-nodejs-redis/nginx/nginx.conf:6 nginx/missing-csp': 'every location is proxied: nginx cannot see what the app sends, so info',
  'docker+awesome-compose/nginx-nodejs-redis/nginx/nginx.conf:6 nginx/missing-security-headers': 'every location is proxied: nginx cannot see what the app sends, so info',
  'frappe+frappe_docker/overrides/compose.nginxproxy-ssl.yaml:23 compose/docker-socket': 'acme-companion publishes no port: warning, as for mailcow\'s ofelia and dockerapi',
  // Reviewers split on internet-facing Traefik with the socket: warning for authelia (×2) and n8n ("not exploitable on its
  // own"), error here, with nothing in the files that differs (published 80/443, docker provider, :ro or not). Severity
  // follows what an attacker can do as deployed: a bug in the holder first, so warning everywhere.
  'frappe+frappe_docker/overrides/compose.https.yaml:29 compose/docker-socket': 'internet-facing Traefik with the socket needs a Traefik bug first: warning, as reviewers said of authelia\'s and n8n\'s',
  'docker+awesome-compose/traefik-golang/compose.yaml:10 compose/docker-socket': 'internet-facing Traefik with the socket needs a Traefik bug first: warning, as reviewers said of authelia\'s and n8n\'s',
};

function lintCorpus(): Found[] {
  let out = '';
  const code = runCli([CORPUS, '--format', 'json', '--fail-on', 'error'], (x) => { out += x; }, () => undefined);
  assert.ok(code === 0 || code === 1, `the CLI exited ${code}`);
  const json = JSON.parse(out) as { findings: Found[] };
  return json.findings.map((f) => ({ ...f, file: path.relative(CORPUS, path.resolve(f.file)).split(path.sep).join('/') }));
}

function agrees(label: Label, severity: number): boolean {
  switch (label.verdict) {
    case 'NOISE':
    case 'WRONG':
      return severity <= RANK.info;
    case 'SEVERITY': {
      const want = RANK[label.shouldBe];
      if (severity > want) return false;
      return label.shouldBe === 'error' ? severity === RANK.error : true;
    }
    case 'RIGHT':
      return severity >= RANK[label.severity];
  }
}

describe('corpus labels: reviewers\' verdicts on ../shared/corpus', function () {
  if (!fs.existsSync(LABELS)) {
    it('are not present on this machine (skipped)', function () { this.skip(); });
    return;
  }
  const { labels, misses } = JSON.parse(fs.readFileSync(LABELS, 'utf8')) as { labels: Label[]; misses: Miss[] };
  let findings: Found[] = [];
  const at = new Map<string, number>();
  before(function () {
    this.timeout(300_000);
    findings = lintCorpus();
    for (const f of findings) {
      const key = `${f.file}\0${f.rule}\0${f.line}`;
      at.set(key, Math.max(at.get(key) ?? -1, RANK[f.severity]));
    }
  });
  const severityAt = (l: Label) => at.get(`${l.file}\0${l.rule}\0${l.line}`) ?? RANK.none;

  it(`agree on at least ${LABEL_BAR * 100}% of the ${labels.length} labels`, () => {
    const disagree = labels.filter((l) => !agrees(l, severityAt(l)));
    const share = (labels.length - disagree.length) / labels.length;
    console.log(`    labels: ${labels.length - disagree.length}/${labels.length} agree (${(share * 100).toFixed(1)}%)`);
    for (const l of disagree) {
      const now = Object.entries(RANK).find(([, v]) => v === severityAt(l))?.[0];
      console.log(`      ${l.verdict.padEnd(8)} ${l.rule} now ${now} at ${l.file}:${l.line}`);
    }
    assert.ok(share >= LABEL_BAR, `${(share * 100).toFixed(1)}% of labels agree`);
  });

  it('keep every finding reviewers judged right, and errors they said stay errors (but for the departures listed with their reasons)', () => {
    const lost = labels
      .filter((l) => l.verdict === 'RIGHT' || (l.verdict === 'SEVERITY' && l.shouldBe === 'error'))
      .filter((l) => !agrees(l, severityAt(l)) && !DEPARTURES[`${l.file}:${l.line} ${l.rule}`])
      .map((l) => `${l.rule} at ${l.file}:${l.line}`);
    assert.deepEqual(lost, []);
  });

  it(`find at least ${MISSES_BAR} of the ${misses.length} problems reviewers found missed`, () => {
    const missed: string[] = [];
    for (const m of misses) {
      const rule = RULE_ALIASES[m.suggestedRule] ?? m.suggestedRule;
      const hit = findings.some((f) => f.file === m.file && f.rule === rule && Math.abs(f.line - m.line) <= MISS_WINDOW);
      if (!hit) missed.push(`${rule} at ${m.file}:${m.line}`);
    }
    console.log(`    misses found: ${misses.length - missed.length}/${misses.length}`);
    for (const m of missed) console.log(`      still missed: ${m}`);
    assert.ok(misses.length - missed.length >= MISSES_BAR, `${misses.length - missed.length} of ${misses.length} found`);
  });

  after(() => {
    const byRule = new Map<string, number>();
    for (const f of findings) if (RANK[f.severity] >= RANK.warning) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    const total = [...byRule.values()].reduce((a, b) => a + b, 0);
    console.log(`    warning+ findings over the corpus: ${total}`);
    for (const [r, n] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`      ${String(n).padStart(5)}  ${r}`);
  });
});
