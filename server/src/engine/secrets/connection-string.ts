/**
 * Credentials inside connection-string URLs (`postgres://user:pass@host/db`, `redis://:pass@host`,
 * `mongodb+srv://...`). Offsets are relative to the string given, so a rule can put its range on the
 * password alone and a fix can replace just that part.
 */

export interface UrlCredential {
  scheme: string;
  user: string;
  /** The password as written (percent-encoded), and decoded. */
  rawPassword: string;
  password: string;
  passwordStart: number;
  passwordEnd: number;
  /** host[:port][,host...] as written. */
  hosts: string;
  /** Everything after the authority (`/db?sslmode=disable`). */
  rest: string;
}

const URL_START = /\b([a-z][a-z0-9+.-]*):\/\//gi;

/** Every `scheme://user:password@host` in a text (a value may hold several). */
export function urlCredentials(text: string): UrlCredential[] {
  const out: UrlCredential[] = [];
  URL_START.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = URL_START.exec(text)) !== null) {
    const authStart = m.index + m[0].length;
    const stop = text.slice(authStart).search(/[\s"'`]/);
    const urlEnd = stop === -1 ? text.length : authStart + stop;
    const tail = text.slice(authStart, urlEnd);
    const at = lastAtBeforePath(tail);
    if (at === -1) continue;
    const userinfo = tail.slice(0, at);
    const colon = userinfo.indexOf(':');
    if (colon === -1) continue;
    const rawPassword = userinfo.slice(colon + 1);
    const afterAt = tail.slice(at + 1);
    const hostEnd = afterAt.search(/[/?#]/);
    out.push({
      scheme: m[1].toLowerCase(),
      user: userinfo.slice(0, colon),
      rawPassword,
      password: safeDecode(rawPassword),
      passwordStart: authStart + colon + 1,
      passwordEnd: authStart + at,
      hosts: hostEnd === -1 ? afterAt : afterAt.slice(0, hostEnd),
      rest: hostEnd === -1 ? '' : afterAt.slice(hostEnd),
    });
    URL_START.lastIndex = urlEnd;
  }
  return out;
}

/** `scheme://user:password@host/...`: where the password sits inside a value (offsets into the value). */
export interface UrlPassword { scheme: string; user: string; password: string; start: number; end: number }

/** The password (as written) of a URL the value starts with, when it has one. */
export function urlPassword(value: string): UrlPassword | undefined {
  const lead = value.length - value.trimStart().length;
  const c = urlCredentials(value)[0];
  if (!c || !c.rawPassword || c.passwordStart - c.user.length - 1 - '://'.length - c.scheme.length !== lead) return undefined;
  return { scheme: c.scheme, user: c.user, password: c.rawPassword, start: c.passwordStart, end: c.passwordEnd };
}

/** The userinfo ends at the last `@` of the authority; the authority ends at the first / ? # (as URL parsers read it). */
function lastAtBeforePath(tail: string): number {
  const end = tail.search(/[/?#]/);
  return (end === -1 ? tail : tail.slice(0, end)).lastIndexOf('@');
}

function safeDecode(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}

/** Hosts that do not leave the machine or the compose network's loopback. */
export function isLocalHost(hosts: string): boolean {
  return hosts.split(',').every((h) => {
    const host = h.replace(/^\[|\](:\d+)?$/g, '').replace(/:\d+$/, '').toLowerCase();
    return host === 'localhost' || host === '::1' || /^127\./.test(host) || host === '0.0.0.0' || host === 'host.docker.internal';
  });
}
