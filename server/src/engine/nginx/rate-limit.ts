import type { EditSpec } from '../types';
import { basename } from '../paths';
import { eolOf } from '../text';
import { insertInBlock } from './edit';
import type { NginxView } from './rule-context';
import type { ConfNode } from './tree';
import { viewNodesNamed } from './view';

/**
 * Where a `limit_req_zone` goes (it is only valid in the http context): into the http block of
 * the linted file, or at the top level of a fragment meant for `http {}`, before its first block.
 * A fragment's zone is named after the file, so two fragments fixed the same way do not declare
 * one zone twice (nginx refuses that).
 */
export interface ZonePlan { name: string; edit?: EditSpec }

export function existingZones(view: NginxView): string[] {
  return viewNodesNamed(view.cfg, 'limit_req_zone')
    .map((n) => n.args.map((a) => /^zone=([^:]+)/.exec(a.value)?.[1]).find(Boolean))
    .filter((z): z is string => !!z);
}

export function usesLimitReq(view: NginxView): boolean {
  return viewNodesNamed(view.cfg, 'limit_req').length > 0;
}

/** A zone to use: `base` declared by the returned edit, or undefined when no place in this file can hold it. */
export function planZone(view: NginxView, base: string, rate: string): ZonePlan | undefined {
  const path = view.file.path;
  const http = view.cfg.nodes.find((n) => n.name === 'http' && n.children);
  if (http) {
    if (http.file !== path) return undefined;
    const name = base;
    return { name, edit: insertInBlock(view.file, http.d, [zoneLine(name, rate)], { after: (c) => c.name === 'limit_req_zone', before: (c) => !!c.block || c.name === 'include' }) };
  }
  if (view.cfg.context !== 'http' || view.cfg.root !== path) return undefined;
  const name = `${base}_${basename(path).replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_]/g, '_')}`.slice(0, 60);
  const top = view.cfg.nodes.filter((n) => n.file === path && !n.parent && !n.via);
  const zones = top.filter((n) => n.name === 'limit_req_zone');
  const eol = eolOf(view.file.text);
  if (zones.length) {
    const last = zones[zones.length - 1].d;
    return { name, edit: { start: last.span.end, end: last.span.end, newText: eol + zoneLine(name, rate) } };
  }
  const first = top.find((n) => !!n.d.block) ?? top[0];
  const at = first ? view.file.lines.offset({ line: view.file.lines.position(first.d.span.start).line, character: 0 }) : 0;
  return { name, edit: { start: at, end: at, newText: zoneLine(name, rate) + eol + eol } };
}

function zoneLine(name: string, rate: string): string {
  return `limit_req_zone $binary_remote_addr zone=${name}:10m rate=${rate};`;
}

const PASS = /^(proxy|fastcgi|uwsgi|scgi|grpc)_pass$/;

export function passesUpstream(n: ConfNode): boolean {
  return (n.children ?? []).some((c) => PASS.test(c.name));
}
