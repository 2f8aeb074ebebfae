import DataLoader from 'dataloader';
import { byKey, groupByKey } from './group';

/** A row of a batched relation query: the key it answers for and the node at the other end. */
export type RelationRow<T, Extra = object> = { key: string; node: T } & Extra;

/** A loader of nodes by id over a batch finder; a missing id loads as null. */
export function nodeLoader<T extends { id: string }>(
  find: (ids: readonly string[]) => Promise<T[]>,
): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => byKey(ids, await find(ids), (node) => node.id));
}

/** A loader of each key's related rows over a batch finder: one query per batch of keys. */
export function relationLoader<R extends { key: string }>(
  find: (ids: readonly string[]) => Promise<R[]>,
): DataLoader<string, R[]> {
  return new DataLoader(async (ids) => groupByKey(ids, await find(ids)));
}
