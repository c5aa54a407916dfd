/** Rows per statement: large enough to amortise the round trip, small enough for the parameter arrays. */
export const statementRows = 5_000;

export function* batches<T>(rows: readonly T[], size = statementRows): Generator<T[]> {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}

/**
 * Keeps the last row of each key: one statement may not upsert a key twice
 * (Postgres refuses "affect row a second time"), and the latest report wins.
 */
export function lastByKey<T>(rows: readonly T[], key: (row: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) byKey.set(key(row), row);
  return [...byKey.values()];
}

/** The values of one field across rows: the arrays `unnest` turns back into rows. */
export const column = <T, V>(rows: readonly T[], pick: (row: T) => V): V[] => rows.map(pick);
