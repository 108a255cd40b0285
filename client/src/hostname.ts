/**
 * Checks what the user types as `server_name` in the nginx generator: one or more host names
 * separated by spaces; a leading `*.` wildcard is allowed. Returns an error message or undefined.
 */
export function validateServerNames(input: string): string | undefined {
  const names = input.trim().split(/\s+/).filter(Boolean);
  if (!names.length) return 'Enter a host name, e.g. app.example.com';
  for (const name of names) {
    const problem = hostProblem(name);
    if (problem) return `${name}: ${problem}`;
  }
  return undefined;
}

function hostProblem(name: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(name)) return 'a host name, without http:// or https://';
  if (/[/:?#@]/.test(name)) return 'a host name only, without a path or port';
  const host = name.startsWith('*.') ? name.slice(2) : name;
  if (host.length > 253) return 'longer than 253 characters';
  const labels = host.replace(/\.$/, '').split('.');
  for (const label of labels) {
    if (!label) return 'has an empty label (two dots in a row?)';
    if (label.length > 63) return 'a label is longer than 63 characters';
    if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/i.test(label)) return 'labels use letters, digits and inner hyphens only';
  }
  return undefined;
}

/** An upstream typed by hand: `http(s)://host[:port][/path]` or `host:port`. */
export function validateUpstreamUrl(input: string): string | undefined {
  const s = input.trim();
  if (!s) return 'Enter the address nginx proxies to, e.g. http://app:3000';
  const m = /^(?:(https?):\/\/)?(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?(\/\S*)?$/i.exec(s);
  if (!m) return 'Expected http://host:port or host:port';
  if (!m[1] && !m[3]) return 'Add a port (host:port) or a scheme (http://host)';
  if (m[3] && (Number(m[3]) < 1 || Number(m[3]) > 65535)) return 'The port must be between 1 and 65535';
  return undefined;
}
