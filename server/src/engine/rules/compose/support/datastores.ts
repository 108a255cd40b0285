import type { ImageRef } from '../../../parse/compose';
import { imageInfo, isStore, type DatastoreFamily } from '../../../catalogue/images';

/** Families whose auth and health checks differ; `other` is a datastore with no specific handling. */
export type DatastoreKind = DatastoreFamily;

export interface Datastore { kind: DatastoreKind; product: string }

/** A datastore or a pooler in front of one (ARCHITECTURE.md, Precision), read from the image catalogue. */
export function datastoreOf(image: ImageRef | undefined): Datastore | undefined {
  const row = imageInfo(image);
  if (!row || !isStore(row)) return undefined;
  return { kind: row.family ?? 'other', product: row.product };
}
