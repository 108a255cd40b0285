/**
 * What an attacker can get past an Origin/Referer allowlist regex (nginx/weak-origin-check). The
 * pattern is read for the origins its author meant (samples: literals kept, optional parts both
 * ways, `.` read as the dot it usually stands for), and origins an attacker can register are
 * derived from them — a suffix (`https://app.example.com.attacker.com`), a prefix without a dot
 * (`https://attackerexample.com`), a dot swapped for a hyphen, a foreign page carrying the URL in
 * its path (Referer), plain http — and tried against the pattern itself. Only what matches is
 * reported, so the verdict is as good as the samples: a pattern we cannot read yields none.
 */

export type HeaderKind = 'origin' | 'referer';

export interface Bypass {
  /** An attacker-made value the pattern accepts. */
  example: string;
  /** `domain`: a host the attacker registers; `scheme`: plain http where https was meant. */
  kind: 'domain' | 'scheme';
  /** What in the pattern lets it through, for the message. */
  why: string;
}

type Node =
  | { t: 'lit'; s: string; dot?: boolean }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; branches: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number };

const MAX_SAMPLES = 24;

/** JavaScript's reading of a PCRE pattern, or undefined for PCRE-only syntax (atomic groups, possessive quantifiers, verbs). */
export function toJsRegExp(pattern: string, caseless: boolean): RegExp | undefined {
  let p = pattern;
  let flags = caseless ? 'i' : '';
  const inline = /^\(\?([a-z]+)\)/.exec(p);
  if (inline) {
    if (/[^imsx]/.test(inline[1]) || /[msx]/.test(inline[1])) return undefined;
    flags = 'i';
    p = p.slice(inline[0].length);
  }
  if (/\(\?>|\(\*|[*+?}]\+|\(\?[a-z-]*[:)]|\\[AzZQ]/.test(p.replace(/\(\?:/g, ''))) return undefined;
  // A quantified group whose body is one quantified atom (`(\w+)+`) backtracks exponentially on a near miss, and
  // JavaScript cannot time a match out: such a pattern is not tried.
  if (/\((?:\?:)?(?:\[[^\]]*\]|\\.|[^()\\])[+*]\)[+*{]/.test(p)) return undefined;
  p = p.replace(/\(\?P</g, '(?<');
  try { return new RegExp(p, flags); } catch { return undefined; }
}

/** A small parser for the sample generator: literals, classes, groups, alternation, quantifiers. */
function parse(p: string): Node | undefined {
  let i = 0;
  const alt = (): Node => {
    const branches: Node[] = [seq()];
    while (p[i] === '|') { i++; branches.push(seq()); }
    return branches.length === 1 ? branches[0] : { t: 'alt', branches };
  };
  const seq = (): Node => {
    const items: Node[] = [];
    while (i < p.length && p[i] !== '|' && p[i] !== ')') {
      let atom = atomAt();
      const q = /^(?:([*+?])|\{(\d+)(?:,(\d*))?\})[?+]?/.exec(p.slice(i));
      if (q) {
        i += q[0].length;
        const min = q[1] === '+' ? 1 : q[1] ? 0 : Number(q[2]);
        const max = q[1] === '?' ? 1 : q[1] ? Infinity : q[3] === undefined ? Number(q[2]) : q[3] === '' ? Infinity : Number(q[3]);
        atom = { t: 'rep', node: atom, min, max };
      }
      items.push(atom);
    }
    return { t: 'seq', items };
  };
  const atomAt = (): Node => {
    const c = p[i];
    if (c === '(') {
      const head = /^\((\?(?::|P?<\w+>|'\w+'|[=!]|<[=!]))?/.exec(p.slice(i))![0];
      i += head.length;
      const inner = alt();
      if (p[i] === ')') i++;
      // A lookaround consumes nothing.
      return /^\(\?<?[=!]$/.test(head) ? { t: 'lit', s: '' } : inner;
    }
    if (c === '[') {
      let j = i + 1;
      if (p[j] === '^') j++;
      if (p[j] === ']') j++;
      while (j < p.length && p[j] !== ']') j += p[j] === '\\' ? 2 : 1;
      const body = p.slice(i + 1, j);
      i = j + 1;
      return { t: 'lit', s: classSample(body) };
    }
    if (c === '\\') {
      const e = p[i + 1] ?? '';
      i += 2;
      if (e === 'd') return { t: 'lit', s: '0' };
      if (e === 'w') return { t: 'lit', s: 'a' };
      if ('bBAzZG'.includes(e)) return { t: 'lit', s: '' };
      return { t: 'lit', s: e };
    }
    i++;
    if (c === '^' || c === '$') return { t: 'lit', s: '' };
    if (c === '.') return { t: 'lit', s: '.', dot: true };
    return { t: 'lit', s: c };
  };
  try {
    const node = alt();
    return i >= p.length ? node : undefined;
  } catch { return undefined; }
}

function classSample(body: string): string {
  const negated = body.startsWith('^');
  if (negated) return /[a\\/.:]/.test(body.slice(1)) && body.includes('a') ? 'b' : 'a';
  if (/a-z|[a-z]/.test(body)) { const m = /([a-z])(?:-[a-z])?/.exec(body); return m ? m[1] : 'a'; }
  if (/0-9|\\d/.test(body)) return '0';
  return body.replace(/\\/g, '')[0] ?? 'a';
}

/** The strings the pattern's author meant (bounded): each alternative, optional parts with and without. */
function samples(node: Node): string[] {
  switch (node.t) {
    case 'lit': return [node.s];
    case 'alt': return node.branches.flatMap(samples).slice(0, MAX_SAMPLES);
    case 'seq': {
      let acc = [''];
      for (const item of node.items) {
        const next: string[] = [];
        for (const a of acc) for (const b of samples(item)) if (next.length < MAX_SAMPLES) next.push(a + b);
        acc = next;
      }
      return acc;
    }
    case 'rep': {
      const inner = node.node.t === 'lit' && node.node.dot ? ['a'] : samples(node.node);
      const once = node.min === 0 ? [''] : inner.map((s) => s.repeat(node.min));
      // An optional part ( `(www\.)?` ) is meant both ways; `.*` stands for "anything", not a literal part.
      const wild = node.node.t === 'lit' && node.node.dot;
      return node.min === 0 && node.max >= 1 && !wild ? [...once, ...inner].slice(0, MAX_SAMPLES) : once;
    }
  }
}

/** The domain a registrant owns: the last two labels (three under `co.uk`-style second levels). */
export function registrable(host: string): string {
  const labels = host.split('.');
  const n = labels.length >= 3 && /^(co|com|org|net|ac|gov|edu)$/.test(labels[labels.length - 2]) && labels[labels.length - 1].length === 2 ? 3 : 2;
  return labels.slice(-n).join('.');
}

const ATTACKER = 'attacker.com';

/** Attacker-made values to try, from one intended origin. */
function candidates(sample: string, header: HeaderKind): { value: string; kind: Bypass['kind']; why: string }[] {
  const m = /^(?:(https?):\/\/)?([a-z0-9][a-z0-9.-]*\.[a-z]{2,})(:\d+)?(\/.*)?$/i.exec(sample);
  if (!m) return [];
  const scheme = (m[1] ?? 'https').toLowerCase();
  const host = m[2].toLowerCase();
  const port = m[3] ?? '';
  const tail = header === 'referer' ? '/' : '';
  const own = registrable(host);
  const out: { value: string; kind: Bypass['kind']; why: string }[] = [
    { value: `${scheme}://${host}.${ATTACKER}${port}${tail}`, kind: 'domain', why: 'the end of the host is not anchored' },
    { value: `${scheme}://${host}${port}.${ATTACKER}${tail}`, kind: 'domain', why: 'the end of the host is not anchored' },
    { value: `${scheme}://attacker${own}${port}${tail}`, kind: 'domain', why: 'a host ending in the domain without a dot before it is accepted' },
  ];
  const labels = host.split('.');
  for (let k = 1; k < labels.length - 1; k++) {
    const swapped = [labels.slice(0, k).join('.') + '-' + labels[k], ...labels.slice(k + 1)].join('.');
    if (registrable(swapped) !== own) out.push({ value: `${scheme}://${swapped}${port}${tail}`, kind: 'domain', why: 'a dot is not escaped (`.` matches any character)' });
  }
  out.push({ value: `https://${ATTACKER}/${scheme}://${host}${port}/`, kind: 'domain', why: 'the start is not anchored' });
  if (header === 'referer') out.push({ value: `https://${ATTACKER}/?${scheme}://${host}${port}/`, kind: 'domain', why: 'the start is not anchored' });
  if (scheme === 'https') out.push({ value: `http://${host}${port}${tail}`, kind: 'scheme', why: 'plain http is accepted' });
  return out;
}

/** Values an attacker controls that the pattern accepts: domain bypasses first, then plain http. Undefined when the pattern cannot be read. */
export function findBypasses(pattern: string, caseless: boolean, header: HeaderKind): { bypasses: Bypass[]; intended: string[] } | undefined {
  const re = toJsRegExp(pattern, caseless);
  const tree = parse(pattern.replace(/^\(\?i\)/, ''));
  if (!re || !tree) return undefined;
  const intended = [...new Set(samples(tree))].filter((s) => re.test(s));
  const bypasses: Bypass[] = [];
  const seen = new Set<string>();
  for (const s of intended) {
    for (const c of candidates(s, header)) {
      // Plain http is reported even when the pattern spells it out (`https?`): an author's choice, still forgeable on the network path.
      if (seen.has(c.value) || (c.kind === 'domain' && intended.includes(c.value))) continue;
      seen.add(c.value);
      if (re.test(c.value)) bypasses.push({ example: c.value, kind: c.kind, why: c.why });
    }
  }
  bypasses.sort((a, b) => Number(a.kind === 'scheme') - Number(b.kind === 'scheme'));
  return { bypasses, intended };
}

/**
 * A stricter pattern for the same origins: literal dots between labels escaped, anchored at both
 * ends (a Referer may go on with a path). Undefined when the pattern does not start with a scheme
 * (anchoring it would stop it matching) or when the result still lets a domain through or no longer
 * matches what the original was meant to.
 */
export function hardened(pattern: string, caseless: boolean, header: HeaderKind): string | undefined {
  let body = pattern;
  let inline = '';
  const m = /^\(\?i\)/.exec(body);
  if (m) { inline = m[0]; body = body.slice(m[0].length); }
  body = escapeDots(body.replace(/^\^/, '').replace(/(?<!\\)\$$/, ''));
  if (!/^\(?(\?:)?https?/i.test(body)) return undefined;
  if (topLevelAlternation(body)) body = `(?:${body})`;
  const end = header === 'origin' ? '$' : body.endsWith('/') ? '' : '(?:[/:?#]|$)';
  const out = `${inline}^${body}${end}`;
  const before = findBypasses(pattern, caseless, header);
  const after = findBypasses(out, caseless, header);
  const re = toJsRegExp(out, caseless);
  if (!before || !after || !re || after.bypasses.some((b) => b.kind === 'domain')) return undefined;
  if (!before.intended.filter((s) => /^https?:\/\//i.test(s)).every((s) => re.test(s))) return undefined;
  return out === pattern ? undefined : out;
}

/** `.` between two label characters, unescaped and outside a class, becomes `\.`. */
function escapeDots(p: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') { out += c + (p[i + 1] ?? ''); i++; continue; }
    if (inClass) { if (c === ']') inClass = false; out += c; continue; }
    if (c === '[') { inClass = true; out += c; continue; }
    if (c === '.' && /[\w)\]]/.test(p[i - 1] ?? '') && /[\w([]/.test(p[i + 1] ?? '')) { out += '\\.'; continue; }
    out += c;
  }
  return out;
}

function topLevelAlternation(p: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}
