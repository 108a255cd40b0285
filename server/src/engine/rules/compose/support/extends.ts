/**
 * `extends`: a service takes what it does not set itself from another service, in the same file or in
 * the file `extends.file` names (relative to the file that says so). Hardening set on the base service
 * (a `user`, `security_opt`, a healthcheck, log options, a memory limit) holds for the extending one.
 */
import type { ComposeFile, Service } from '../../../parse/compose';
import { asMap, entriesOf, scalarText } from '../../../parse/compose-yaml';
import { composeOf } from '../../../project/compose-project';
import { dirname, resolve } from '../../../paths';
import type { ComposeContext } from './report';

export interface BaseService { file: ComposeFile; path: string; svc: Service }

/**
 * The services `svc` extends, nearest first. `undefined` when one of them cannot be read (a file that is
 * not in the workspace, a service that is not there): what it sets is then unknown.
 */
export function baseServices(ctx: ComposeContext, svc: Service): BaseService[] | undefined {
  const out: BaseService[] = [];
  const seen = new Set<string>();
  let file = ctx.doc;
  let path = ctx.file.path;
  let current = svc;
  for (let depth = 0; depth < 8; depth++) {
    const e = current.fields.get('extends');
    if (!e || !file.doc) return out;
    let name = scalarText(file.doc, e.value);
    let from: string | undefined;
    if (name === undefined) {
      const fields = entriesOf(file.doc, asMap(file.doc, e.value));
      name = scalarText(file.doc, fields.get('service')?.value);
      from = scalarText(file.doc, fields.get('file')?.value);
    }
    if (name === undefined || from?.includes('$')) return undefined;
    if (from !== undefined) {
      path = resolve(dirname(path), from);
      const other = composeOf(ctx.workspace, path);
      if (!other) return undefined;
      file = other;
    }
    const id = `${path}\u0000${name}`;
    if (seen.has(id)) return out;
    seen.add(id);
    const base = file.services.find((s) => s.name === name && s.map);
    if (!base) return undefined;
    out.push({ file, path, svc: base });
    current = base;
  }
  return out;
}

/**
 * Whether a service gets something through `extends` that `test` looks for: 'yes', 'no', or 'unknown'
 * when a base service cannot be read.
 */
export function inherits(ctx: ComposeContext, svc: Service, test: (b: BaseService) => boolean): 'yes' | 'no' | 'unknown' {
  if (!svc.fields.has('extends')) return 'no';
  const bases = baseServices(ctx, svc);
  if (!bases) return 'unknown';
  return bases.some(test) ? 'yes' : 'no';
}
