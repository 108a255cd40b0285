/**
 * A service after the edit of a handed-over tree (compose-reparse.ts), moved instead of read again:
 * its nodes are the same, only moved, so its model is the previous one with every offset after the
 * edit moved and its entries those of the new tree (read again, as a fresh read shares them).
 * Each field of each model type is named below with how it moves, so a field added to a type does
 * not compile until it says how.
 */
import type { YAMLMap } from 'yaml';
import type { Span } from '../types';
import { entriesOf, isMap, type Entry, type YDoc } from './compose-yaml';
import type { EnvEntry } from './compose-environment';
import type { PortEntry } from './compose-ports';
import type { VolumeEntry } from './compose-volumes';
import type { Moved } from './compose-reparse';
import type { CommandValue, ListItem, Service, ServiceNetwork } from './compose';

interface Mover { doc: YDoc; at: number; delta: number; fields: Map<string, Entry> }

/** How a field moves: kept (text, flags, nodes: the nodes themselves moved), a span, or its own way. */
type How<T, K extends keyof T> = 'keep' | 'span' | ((from: T, m: Mover) => T[K]);
type Plan<T> = { [K in keyof T]-?: How<T, K> };

function span(s: Span, m: Mover): Span {
  return s.start >= m.at ? { start: s.start + m.delta, end: s.end + m.delta } : s;
}

/** A copy with the same keys in the same order (as a fresh read gives), its moving fields replaced. */
function mover<T extends object>(plan: Plan<T>): (from: T, m: Mover) => T {
  const moving = (Object.keys(plan) as (keyof T & string)[]).filter((k) => plan[k] !== 'keep');
  return (from, m) => {
    const out = { ...from };
    for (const k of moving) {
      if (from[k] === undefined) continue;
      const how = plan[k];
      out[k] = how === 'span' ? span(from[k] as Span, m) as T[typeof k] : (how as (from: T, m: Mover) => T[typeof k])(from, m);
    }
    return out;
  };
}

const all = <T extends object>(plan: Plan<T>) => {
  const move = mover(plan);
  return (items: T[], m: Mover): T[] => items.map((it) => move(it, m));
};

const entriesOfMap = (map: YAMLMap | undefined, m: Mover): Map<string, Entry> | undefined => (map ? entriesOf(m.doc, map) : undefined);

const moveEnv = mover<EnvEntry>({
  key: 'keep', value: 'keep', form: 'keep', keySpan: 'span', valueSpan: 'span', valueExact: 'keep', itemSpan: 'span',
  node: 'keep', style: 'keep', interpolated: 'keep', flow: 'keep', index: 'keep',
  // The entry of the same key in the service's `environment` mapping.
  entry: (from, m) => {
    const env = m.fields.get('environment')?.value;
    return isMap(env) ? entriesOf(m.doc, env).get(from.key) : undefined;
  },
});

const PORT: Plan<PortEntry> = {
  seq: 'keep', index: 'keep', node: 'keep', span: 'span', long: 'keep', raw: 'keep', hostIp: 'keep', hostIpSpan: 'span',
  published: 'keep', publishedValue: 'keep', hostIpInVariable: 'keep', specInVariable: 'keep', target: 'keep', protocol: 'keep',
  map: 'keep', entries: (from, m) => entriesOfMap(from.map, m),
};

const VOLUME: Plan<VolumeEntry> = {
  seq: 'keep', index: 'keep', node: 'keep', span: 'span', long: 'keep', type: 'keep', source: 'keep', sourceSpan: 'span',
  target: 'keep', mode: 'keep', readOnly: 'keep', raw: 'keep', map: 'keep', entries: (from, m) => entriesOfMap(from.map, m),
};

const moveItems = all<ListItem>({ text: 'keep', node: 'keep', span: 'span', index: 'keep', seq: 'keep' });

const command = (key: 'command' | 'entrypoint') => mover<CommandValue>({
  form: 'keep', text: 'keep', items: (from, m) => moveItems(from.items, m), entry: (_from, m) => m.fields.get(key)!,
});
const moveCommand = command('command');
const moveEntrypoint = command('entrypoint');

const movePorts = all(PORT);
const moveVolumes = all(VOLUME);
const moveNetworks = all<ServiceNetwork>({ name: 'keep', span: 'span' });
const moveEnvFiles = all<Service['envFile'][number]>({ text: 'keep', span: 'span' });

const moveService = mover<Service>({
  // `entry` and `keySpan` are the service's in the new `services` mapping, given by the caller.
  name: 'keep', keySpan: 'keep', entry: 'keep', map: 'keep', image: 'keep',
  fields: (_from, m) => m.fields,
  environment: (from, m) => from.environment.map((e) => moveEnv(e, m)),
  ports: (from, m) => movePorts(from.ports, m), volumes: (from, m) => moveVolumes(from.volumes, m),
  networks: (from, m) => moveNetworks(from.networks, m),
  command: (from, m) => moveCommand(from.command!, m), entrypoint: (from, m) => moveEntrypoint(from.entrypoint!, m),
  capAdd: (from, m) => moveItems(from.capAdd, m), securityOpt: (from, m) => moveItems(from.securityOpt, m),
  envFile: (from, m) => moveEnvFiles(from.envFile, m),
});

/** The service as a fresh read of the new tree gives it; `entry` is its entry in the new `services` mapping. */
export function movedService(doc: YDoc, moved: Moved, service: Service, entry: Entry): Service {
  // A fresh read of a service that is not a mapping gives it an empty map of its own.
  const fields = service.map ? entriesOf(doc, service.map) : new Map<string, Entry>();
  const out = moveService(service, { doc, at: moved.at, delta: moved.delta, fields });
  out.entry = entry;
  out.keySpan = entry.keySpan;
  return out;
}
