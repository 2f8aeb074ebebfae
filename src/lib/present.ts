/**
 * A value the code knows is there (a row a write returns, a key set just before): returns it, and
 * throws when it is not, naming what was expected, so a broken assumption is a clear internal
 * error instead of a TypeError further on. Stands where a non-null assertion would.
 */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Expected ${what}; there is none.`);
  return value;
}
