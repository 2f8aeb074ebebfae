/** Groups rows under the keys a loader asked for, in the keys' order (empty where none matched). */
export function groupByKey<R extends { key: unknown }>(
  keys: readonly unknown[],
  rows: readonly R[],
): R[][] {
  const groups = new Map<unknown, R[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(row.key)?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** The item found for each key, or null, in the keys' order. */
export function byKey<T>(
  keys: readonly string[],
  items: readonly T[],
  keyOf: (item: T) => string,
): (T | null)[] {
  const found = new Map(items.map((item) => [keyOf(item), item]));
  return keys.map((key) => found.get(key) ?? null);
}

/** The nodes a batch finder returns for some ids (each asked once), by id; none asked, no call. */
export async function findById<T extends { id: string }>(
  find: (ids: string[]) => Promise<T[]>,
  ids: Iterable<string>,
): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  return new Map((await find(unique)).map((n) => [n.id, n]));
}

/** Items grouped under a key, each as `valueOf` gives it, in the order they come. */
export function groupBy<T, K, V>(
  items: readonly T[],
  keyOf: (item: T) => K,
  valueOf: (item: T) => V,
): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(valueOf(item));
    else groups.set(key, [valueOf(item)]);
  }
  return groups;
}
