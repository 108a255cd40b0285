/**
 * Input checks shared by the generator, the VS Code quick inputs and the CLI. Every value ends up
 * verbatim in nginx syntax, so anything that would need quoting or could smuggle a `;` or `{` in is
 * refused rather than escaped.
 */

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Why `name` is not a usable `server_name` for a TLS site, or undefined when it is. */
export function validateServerName(name: string): string | undefined {
  if (typeof name !== 'string' || !name.trim()) return 'enter a host name, e.g. notes.example.com';
  const n = name.trim();
  if (/\s/.test(n)) return `"${n}" contains a space; give one host name per entry`;
  if (n === '_') return '"_" is nginx\'s catch-all placeholder, not a host name a certificate can be issued for';
  if (n.startsWith('~')) return `"${n}" is a regular expression; the generator takes plain host names or *.example.com`;
  if (/[^\x21-\x7e]/.test(n)) return `"${n}" has non-ASCII characters; use its punycode form (xn--...)`;
  if (IPV4.test(n)) return undefined;
  if (n.length > 253) return `"${n}" is longer than 253 characters`;
  if (n.endsWith('.')) return `"${n}" ends with a dot; leave the trailing dot out`;
  const labels = n.split('.');
  const wildcard = labels[0] === '*';
  // nginx also takes a wildcard as the last label (`app.*`, common in linuxserver/swag configs).
  const suffixWildcard = !wildcard && labels.length > 1 && labels[labels.length - 1] === '*';
  const rest = wildcard ? labels.slice(1) : suffixWildcard ? labels.slice(0, -1) : labels;
  if (rest.some((l) => l.includes('*'))) {
    return `"${n}": a wildcard is only allowed as a whole first or last label, e.g. *.example.com or app.*`;
  }
  if (wildcard && rest.length < 2) return `"${n}": a wildcard needs a domain with at least two labels, e.g. *.example.com`;
  for (const l of rest) {
    if (!l) return `"${n}" has an empty label (two dots in a row, or a leading dot)`;
    if (!LABEL.test(l)) return `"${n}": "${l}" is not a valid host name label (letters, digits and inner hyphens, at most 63)`;
  }
  if (!suffixWildcard && /^\d+$/.test(rest[rest.length - 1])) return `"${n}" is neither a host name nor an IPv4 address`;
  return undefined;
}

/** Host names, trimmed, lower-cased and de-duplicated; throws on the first bad one. */
export function normaliseServerNames(names: unknown): string[] {
  if (!Array.isArray(names) || names.some((n) => typeof n !== 'string')) throw new Error('serverNames must be a list of host names');
  const out: string[] = [];
  for (const raw of names as string[]) {
    const problem = validateServerName(raw);
    if (problem) throw new Error(`server name ${problem}`);
    const n = raw.trim().toLowerCase();
    if (!out.includes(n)) out.push(n);
  }
  if (!out.length) throw new Error('at least one server name is required');
  return out;
}

export interface Upstream {
  scheme: 'http' | 'https';
  /** Host name, IPv4 address or bracketed IPv6 address, as written. */
  host: string;
  port?: number;
  /** A URI part given by the user (`/api/`), or '' for none. */
  path: string;
  /** What `proxy_pass` receives. */
  url: string;
}

// Docker service names may contain `_`, which ordinary host names may not.
const UPSTREAM_HOST = /^(?:\[[0-9a-f:.]+\]|[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?)$/i;

/**
 * Parses what a user types as an upstream: `http://app:3000`, `https://10.0.0.5:8443/api/`, or a bare
 * `host:port` (taken as `http://host:port`). Throws an Error saying what is wrong.
 */
export function parseUpstream(text: string): Upstream {
  if (typeof text !== 'string' || !text.trim()) throw new Error('enter an upstream, e.g. http://app:3000 or 127.0.0.1:3000');
  // A value copied from a config may keep nginx's quotes: "http://app:3000".
  const t = text.trim().replace(/^(["'])(.*)\1$/, '$2').trim();
  // Checked before anything quotes the input back, so a password never reaches a message.
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/)?[^/]*@/i.test(t)) throw new Error('the upstream contains credentials (user:password@); nginx cannot log in to an upstream this way');
  const shown = `upstream "${t}"`;
  if (/[\s;{}'"\\`]/.test(t)) throw new Error(`${shown} contains spaces, quotes or nginx punctuation (; { })`);
  if (t.includes('$')) throw new Error(`${shown} contains a variable; proxy to a fixed host`);
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(t);
  if (!schemeMatch && /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(t)) throw new Error(`${shown}: write it as http://host:port or host:port`);
  const scheme = schemeMatch ? schemeMatch[1].toLowerCase() : 'http';
  if (scheme !== 'http' && scheme !== 'https') throw new Error(`${shown}: the scheme must be http or https, not ${scheme}`);
  const rest = schemeMatch ? t.slice(schemeMatch[0].length) : t;
  if (!schemeMatch && /^\d+$/.test(rest)) throw new Error(`${shown} is only a port; write host:port, e.g. 127.0.0.1:${rest} or app:${rest}`);
  const m = /^(\[[^\]]*\]|[^:/?#@]*)(?::([^/?#@]*))?(\/[^?#]*)?$/.exec(rest);
  if (!m) throw new Error(`${shown}: query strings and fragments are not allowed in proxy_pass`);
  const [, host, portText, path = ''] = m;
  if (!host) throw new Error(`${shown} has no host`);
  if (!UPSTREAM_HOST.test(host) || host.includes('..')) throw new Error(`${shown}: "${host}" is not a valid host name or address`);
  let port: number | undefined;
  if (portText !== undefined) {
    port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
    if (!(port >= 1 && port <= 65535)) throw new Error(`${shown}: the port must be a number from 1 to 65535`);
  }
  if (!schemeMatch && port === undefined) throw new Error(`${shown}: give a port (host:port) or a full URL (http://${t})`);
  const h = host.toLowerCase();
  return { scheme, host: h, port, path, url: `${scheme}://${h}${port !== undefined ? `:${port}` : ''}${path}` };
}

/** Why `text` is not a usable upstream, or undefined when it is (for input boxes). */
export function validateUpstream(text: string): string | undefined {
  try { parseUpstream(text); return undefined; } catch (e) { return (e as Error).message; }
}

/** A file or folder path written unquoted into nginx; refuses characters that would need quoting. */
export function checkPath(what: string, value: unknown): string {
  if (typeof value !== 'string' || !value.trim()) throw new Error(`${what} must be a non-empty path`);
  const v = value.trim();
  if (/[\s;{}'"\\#$`]/.test(v)) throw new Error(`${what} "${v}" contains a space, quote, $, # or nginx punctuation (; { })`);
  return v;
}

/** `10m`, `512k`, `1g`, `1048576`; refuses 0, which would lift the limit altogether. */
export function checkBodySize(value: unknown): string {
  const v = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^\d+[kmg]?$/i.test(v)) throw new Error(`clientMaxBodySize "${String(value)}" must be a size like 10m, 512k or 1g`);
  if (/^0+[kmg]?$/i.test(v)) throw new Error('clientMaxBodySize 0 disables the limit; give a size like 10m');
  return v.toLowerCase();
}

/** A dotted version such as 1.26 or 1.25.1 (OpenSSL letters like 1.1.1w are allowed). */
export function checkVersion(what: string, value: unknown, letters = false): string {
  const v = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  const re = letters ? /^\d+\.\d+(?:\.\d+)?[a-z]?$/i : /^\d+\.\d+(?:\.\d+)?$/;
  if (!re.test(v)) throw new Error(`${what} "${String(value)}" must be a version like ${letters ? '3.0 or 1.1.1w' : '1.26 or 1.25.1'}`);
  return v;
}
