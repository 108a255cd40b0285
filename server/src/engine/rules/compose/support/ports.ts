/** The two port fixes shared by the exposure rules: bind to 127.0.0.1, or stop publishing. */
import type { ComposeFile, PortEntry, Service } from '../../../parse/compose';
import type { FixSpec } from '../../../types';
import type { SourceDocument } from '../../../workspace-files';
import { YScalar } from '../../../parse/compose-yaml';
import { addPair, removeItem } from './yaml-edit';
import { scalarLike, styleOf } from './yaml-style';

export function bindLoopbackFix(doc: SourceDocument, file: ComposeFile, port: PortEntry): FixSpec | undefined {
  const style = styleOf(doc, file);
  if (port.long) {
    const ip = port.entries?.get('host_ip');
    if (ip?.value && ip.value instanceof YScalar) {
      return { title: 'Bind to 127.0.0.1 (localhost only)', safe: false, edits: [{ start: ip.valueSpan.start, end: ip.valueSpan.end, newText: scalarLike('127.0.0.1', ip.value.type, !!ip.owner.flow) }] };
    }
    if (!port.map || !port.entries) return undefined;
    // docker-compose 1.x rejects `host_ip` in long syntax; the short form says the same to every version.
    const keys = [...port.entries.keys()];
    if (port.target !== undefined && keys.every((k) => k === 'target' || k === 'published' || k === 'protocol')) {
      const proto = port.protocol ? `/${port.protocol}` : '';
      return { title: 'Bind to 127.0.0.1 (localhost only)', safe: false, edits: [{ ...port.span, newText: `"127.0.0.1:${port.published ?? ''}:${port.target}${proto}"` }] };
    }
    return { title: 'Bind to 127.0.0.1 (localhost only)', safe: false, edits: [addPair(doc, port.map, 'host_ip', '127.0.0.1', style)] };
  }
  if (port.target === undefined || port.hostIpInVariable || port.specInVariable || !(port.node instanceof YScalar)) return undefined;
  const proto = port.protocol ? `/${port.protocol}` : '';
  const value = `127.0.0.1:${port.published ?? ''}:${port.target}${proto}`;
  const kind = typeof port.node.value === 'string' ? port.node.type : YScalar.QUOTE_DOUBLE;
  return { title: 'Bind to 127.0.0.1 (localhost only)', safe: false, edits: [{ ...port.span, newText: scalarLike(value, kind, !!port.seq.flow) }] };
}

export function removePortFix(doc: SourceDocument, svc: Service, port: PortEntry): FixSpec {
  const owner = svc.fields.get('ports');
  return { title: 'Remove the published port', safe: false, edits: [removeItem(doc, port.seq, port.index, owner)] };
}

/** Where a port finding points: the short-syntax item, or the part of a long-syntax mapping that publishes it. */
export function portSpan(port: PortEntry) {
  if (!port.long || !port.entries) return port.span;
  return (port.entries.get('host_ip') ?? port.entries.get('published') ?? port.entries.get('target'))?.pairSpan ?? port.span;
}

export function describePort(port: PortEntry): string {
  const p = port.published || port.target || '?';
  return port.published ? `port ${p}` : `container port ${p} (on a random host port)`;
}

