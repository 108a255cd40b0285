import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { Upstream } from './protocol';

/**
 * The services of one compose file and the container ports they listen on (from `ports`, short or
 * long syntax, and `expose`): what `proxy_pass http://<service>:<port>` can point at.
 * A small read of the YAML, tolerant of anything malformed.
 */
export function upstreamsOf(file: string, text: string): Upstream[] {
  let services: unknown;
  try {
    const doc = parseDocument(text, { uniqueKeys: false, merge: true });
    services = doc.get('services', true);
  } catch { return []; }
  if (!isMap(services)) return [];
  const out: Upstream[] = [];
  for (const pair of services.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (!name || !isMap(pair.value)) continue;
    const ports = new Set<number>();
    for (const key of ['ports', 'expose']) {
      const list = pair.value.get(key, true);
      if (!isSeq(list)) continue;
      for (const item of list.items) {
        const port = containerPort(item as Node);
        if (port) ports.add(port);
      }
    }
    for (const port of [...ports].sort((a, b) => a - b)) out.push({ service: name, port, file });
  }
  return out;
}

function containerPort(item: Node | null): number | undefined {
  if (isMap(item)) {
    const t = item.get('target', true);
    return isScalar(t) ? portNumber(String(t.value)) : undefined;
  }
  if (!isScalar(item)) return undefined;
  // "[ip:][host:]container[/proto]": the container side is after the last colon outside ${...}.
  const s = String(item.value).replace(/\$\{[^}]*\}/g, (m) => m.replace(/:/g, '\0'));
  const container = s.slice(s.lastIndexOf(':') + 1).replace(/\0/g, ':');
  return portNumber(container);
}

function portNumber(spec: string): number | undefined {
  let s = spec.trim().replace(/\/(tcp|udp|sctp)$/i, '');
  const interp = /^\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^}]*)\}$/.exec(s);
  if (interp) s = interp[1];
  const m = /^(\d{1,5})(-\d{1,5})?$/.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n > 0 && n < 65536 ? n : undefined;
}

export function sortUpstreams(list: Upstream[]): Upstream[] {
  const seen = new Set<string>();
  return list
    .filter((u) => { const k = `${u.file}\0${u.service}\0${u.port}`; if (seen.has(k)) return false; seen.add(k); return true; })
    .sort((a, b) => a.service.localeCompare(b.service) || a.port - b.port || a.file.localeCompare(b.file));
}
