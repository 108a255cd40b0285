/** `scheme://user:password@host/...`: where the password sits inside a value (offsets into the value). */
export interface UrlPassword { scheme: string; user: string; password: string; start: number; end: number }

const URL_AUTH = /^([a-z][a-z0-9+.-]*):\/\/([^\s/?#]*)@/i;

export function urlPassword(value: string): UrlPassword | undefined {
  const lead = value.length - value.trimStart().length;
  const m = URL_AUTH.exec(value.slice(lead));
  if (!m) return undefined;
  const userinfo = m[2];
  const colon = userinfo.indexOf(':');
  if (colon < 0) return undefined;
  const password = userinfo.slice(colon + 1);
  if (!password) return undefined;
  const start = lead + m[1].length + 3 + colon + 1;
  return { scheme: m[1].toLowerCase(), user: userinfo.slice(0, colon), password, start, end: start + password.length };
}
