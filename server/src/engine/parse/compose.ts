/**
 * The compose parser: `yaml` v2 with exact source ranges, read the way compose reads it (aliases, `<<`
 * merges, map/list forms) into a service model that keeps the node and span of every value.
 */
import { parseDocument, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ParseError, Span } from '../types';
import { asMap, asSeq, deref, entriesOf, scalarText, seqItems, spanOf, type Entry, type YDoc, isMap, isScalar, isSeq, YAML_OPTIONS } from './compose-yaml';
import { readEnvironment, type EnvEntry } from './compose-environment';
import { readPorts, type PortEntry } from './compose-ports';
import { readVolumes, type VolumeEntry } from './compose-volumes';
import { parseImage, type ImageRef } from './compose-image';
import { movedIn, ownTree, reparseEdit } from './compose-reparse';
import { movedService } from './compose-moved';

export type { Entry } from './compose-yaml';
export type { EnvEntry } from './compose-environment';
export type { PortEntry } from './compose-ports';
export type { VolumeEntry } from './compose-volumes';
export type { ImageRef } from './compose-image';

/** An item of a list-valued key (`cap_add`, `security_opt`, `env_file`, a list `command`). */
export interface ListItem { text: string; node: Node | null; span: Span; index: number; seq: YAMLSeq }

/** `command`/`entrypoint`: a string (run by a shell-less split) or a list of arguments. */
export interface CommandValue { form: 'string' | 'list'; text: string; items: ListItem[]; entry: Entry }

/** A network a service is attached to (`networks: [a]` or `networks: {a: {...}}`). */
export interface ServiceNetwork { name: string; span: Span }

export interface Service {
  name: string;
  /** The service's key under `services:`: reports about something missing point here. */
  keySpan: Span;
  entry: Entry;
  /** The service mapping (merges resolved in `fields`); undefined when the value is not a mapping. */
  map?: YAMLMap;
  fields: Map<string, Entry>;
  image?: ImageRef;
  environment: EnvEntry[];
  ports: PortEntry[];
  volumes: VolumeEntry[];
  networks: ServiceNetwork[];
  command?: CommandValue;
  entrypoint?: CommandValue;
  capAdd: ListItem[];
  securityOpt: ListItem[];
  /** `env_file` paths as written, relative to the compose file. */
  envFile: { text: string; span: Span }[];
}

export interface TopNetwork { name: string; entry: Entry; map?: YAMLMap; fields: Map<string, Entry>; internal: boolean; external: boolean }

export interface ComposeFile {
  errors: ParseError[];
  text: string;
  doc?: YDoc;
  root?: YAMLMap;
  top: Map<string, Entry>;
  version?: string;
  servicesEntry?: Entry;
  services: Service[];
  networks: TopNetwork[];
}

/** `previous`: the parse of the text this one replaced in the editor, whose unchanged blocks are reused. */
export function parseCompose(text: string, previous?: ComposeFile): ComposeFile {
  const file: ComposeFile = { errors: [], text, top: new Map(), services: [], networks: [] };
  try {
    read(file, text, previous);
  } catch (e) {
    file.errors.push({ span: { start: 0, end: 0 }, message: `could not read this file as compose: ${(e as Error).message}` });
  }
  return file;
}

function read(file: ComposeFile, text: string, previous: ComposeFile | undefined): void {
  // The previous version is handed over: the editor never lints it again once this one is parsed.
  const reparsed = previous?.doc && reparseEdit(previous.text, previous.doc, text, { consume: true });
  const doc = reparsed || parseDocument(text, YAML_OPTIONS);
  if (!reparsed) ownTree(doc);
  file.doc = doc;
  for (const e of doc.errors) {
    // yaml may place an error at end of input one past the last character: keep spans inside the text.
    const start = Math.min(e.pos[0], text.length);
    file.errors.push({ span: { start, end: Math.min(Math.max(start, e.pos[1]), text.length) }, message: cleanYamlMessage(e.message) });
  }
  const contents = doc.contents as Node | null;
  if (!contents) return;
  if (!isMap(contents)) {
    if (!doc.errors.length) file.errors.push({ span: spanOf(contents), message: 'a compose file must be a mapping of top-level keys (services, networks, volumes ...)' });
    return;
  }
  file.root = contents;
  file.top = entriesOf(doc, contents);
  file.version = scalarText(doc, file.top.get('version')?.value);
  const services = file.top.get('services');
  if (services) {
    file.servicesEntry = services;
    const map = asMap(doc, services.value);
    if (map) {
      // A service whose pair the reparse shared with the previous tree reads the same as before, unless
      // it came after the edit in a handed-over tree: its nodes moved.
      const moved = reparsed ? movedIn(reparsed) : undefined;
      const reusable = (s: Service) => !moved || moved.delta === 0 || s.entry.pairSpan.start < moved.at;
      const before = reparsed && previous ? new Map(previous.services.filter(reusable).map((s) => [s.entry.pair, s])) : undefined;
      // Those after it are the previous ones moved: their text is unchanged.
      const after = moved && previous ? new Map(previous.services.filter((s) => !reusable(s)).map((s) => [s.entry.pair, s])) : undefined;
      for (const e of entriesOf(doc, map).values()) {
        const known = before?.get(e.pair);
        const shifted = known ? undefined : after?.get(e.pair);
        const svc = known ? { ...known, entry: e } : shifted && moved ? movedService(doc, moved, shifted, e) : readService(doc, text, e);
        if (!svc.map && e.value !== null) file.errors.push({ span: e.valueSpan, message: `service \`${e.key}\` must be a mapping` });
        file.services.push(svc);
      }
    } else if (services.value !== null) {
      file.errors.push({ span: services.valueSpan, message: '`services` must be a mapping of service names to their definitions' });
    }
  }
  const networks = asMap(doc, file.top.get('networks')?.value);
  for (const e of entriesOf(doc, networks).values()) {
    const m = asMap(doc, e.value);
    const fields = entriesOf(doc, m);
    const flag = (k: string) => /^(true|yes|on)$/i.test(scalarText(doc, fields.get(k)?.value) ?? '');
    file.networks.push({ name: e.key, entry: e, map: m, fields, internal: flag('internal'), external: flag('external') || !!asMap(doc, fields.get('external')?.value) });
  }
}

/** yaml's messages end with "at line N, column M" which the editor already shows; keep the words. */
function cleanYamlMessage(m: string): string {
  return m.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '').trim() || 'invalid YAML';
}

function readService(doc: YDoc, text: string, entry: Entry): Service {
  const map = asMap(doc, entry.value);
  const fields = entriesOf(doc, map);
  const get = (k: string) => fields.get(k);
  const imageText = scalarText(doc, get('image')?.value);
  return {
    name: entry.key, keySpan: entry.keySpan, entry, map, fields,
    image: imageText !== undefined ? parseImage(imageText) : undefined,
    environment: readEnvironment(doc, text, get('environment')?.value),
    ports: readPorts(doc, text, asSeq(doc, get('ports')?.value)),
    volumes: readVolumes(doc, text, asSeq(doc, get('volumes')?.value)),
    networks: readServiceNetworks(doc, get('networks')),
    command: readCommand(doc, get('command')),
    entrypoint: readCommand(doc, get('entrypoint')),
    capAdd: readList(doc, get('cap_add')),
    securityOpt: readList(doc, get('security_opt')),
    envFile: readEnvFiles(doc, get('env_file')),
  };
}

/** `env_file` as a list, or a single path (`env_file: app.env`). */
function readEnvFiles(doc: YDoc, e: Entry | undefined): { text: string; span: Span }[] {
  const single = scalarText(doc, e?.value);
  if (single !== undefined && e) return [{ text: single, span: e.valueSpan }];
  return readList(doc, e);
}

function readList(doc: YDoc, e: Entry | undefined): ListItem[] {
  const seq = asSeq(doc, e?.value);
  if (!seq) return [];
  const out: ListItem[] = [];
  for (const it of seqItems(doc, seq)) {
    let t = scalarText(doc, it.node);
    // env_file's long form: `- path: ./x.env`.
    if (t === undefined && it.node && isMap(it.node)) t = scalarText(doc, entriesOf(doc, it.node).get('path')?.value);
    if (t !== undefined) out.push({ text: t, node: it.node, span: it.span, index: it.index, seq });
  }
  return out;
}

function readCommand(doc: YDoc, e: Entry | undefined): CommandValue | undefined {
  if (!e || e.value === null) return undefined;
  const v = deref(doc, e.value);
  if (v && isSeq(v)) {
    const items = readList(doc, e);
    return { form: 'list', text: items.map((i) => i.text).join(' '), items, entry: e };
  }
  if (v && isScalar(v)) {
    const t = scalarText(doc, v);
    return t === undefined ? undefined : { form: 'string', text: t, items: [], entry: e };
  }
  return undefined;
}

function readServiceNetworks(doc: YDoc, e: Entry | undefined): ServiceNetwork[] {
  if (!e) return [];
  const v = deref(doc, e.value);
  if (v && isSeq(v)) {
    return seqItems(doc, v).flatMap((it) => {
      const t = scalarText(doc, it.node);
      return t === undefined ? [] : [{ name: t, span: it.span }];
    });
  }
  if (v && isMap(v)) return [...entriesOf(doc, v).values()].map((n) => ({ name: n.key, span: n.keySpan }));
  return [];
}

/** The entry at a path of keys below a mapping (`deploy.resources.limits.memory`), merges resolved. */
export function entryAt(file: ComposeFile, map: YAMLMap | undefined, path: readonly string[]): Entry | undefined {
  let m = map;
  let e: Entry | undefined;
  for (const k of path) {
    if (!m || !file.doc) return undefined;
    e = entriesOf(file.doc, m).get(k);
    if (!e) return undefined;
    m = asMap(file.doc, e.value);
  }
  return e;
}

/** A field's scalar text (`privileged: "true"` -> `true`). */
export function fieldText(file: ComposeFile, svc: Service, key: string): string | undefined {
  const e = svc.fields.get(key);
  return e && file.doc ? scalarText(file.doc, e.value) : undefined;
}
