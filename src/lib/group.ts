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
