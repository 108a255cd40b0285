import type { ComposeFile } from '../parse/compose';
import { asSeq, scalarText, seqItems } from '../parse/compose-yaml';

import type { Upstream } from '../../../../common/protocol';

export type { Upstream };

/**
 * The services of one parsed compose file and the container ports they listen on (`ports`, short
 * or long syntax, already read by the compose parse, and `expose`).
 */
export function upstreamsOf(file: string, compose: ComposeFile): Upstream[] {
  const out: Upstream[] = [];
  for (const service of compose.services) {
    const ports = new Set<number>();
    for (const p of service.ports) {
      const n = portNumber(p.target);
      if (n) ports.add(n);
    }
    const expose = service.fields.get('expose');
    if (expose && compose.doc) {
      for (const item of seqItems(compose.doc, asSeq(compose.doc, expose.value))) {
        const n = portNumber(scalarText(compose.doc, item.node));
        if (n) ports.add(n);
      }
    }
    for (const port of [...ports].sort((a, b) => a - b)) out.push({ service: service.name, port, file });
  }
  return out;
}

/** `3000`, `3000/tcp`, `3000-3005` (its first port), `${PORT:-3000}` (its default). */
function portNumber(spec: string | undefined): number | undefined {
  if (!spec) return undefined;
  let s = spec.trim().replace(/\/(tcp|udp|sctp)$/i, '');
  const interp = /^\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^}]*)\}$/.exec(s);
  if (interp) s = interp[1];
  const m = /^(\d{1,5})(-\d{1,5})?$/.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n > 0 && n < 65536 ? n : undefined;
}

/** One entry per file, service and port, ordered by service, port, then file. */
export function sortUpstreams(list: Upstream[]): Upstream[] {
  const seen = new Set<string>();
  return list
    .filter((u) => { const k = `${u.file}\0${u.service}\0${u.port}`; if (seen.has(k)) return false; seen.add(k); return true; })
    .sort((a, b) => a.service.localeCompare(b.service) || a.port - b.port || a.file.localeCompare(b.file));
}
