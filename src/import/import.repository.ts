import type { Database } from '../db/database';
import { nowIso } from '../lib/clock';

export type ImportQuery =
  | 'import/upsert-skills'
  | 'import/merge-skill-broader'
  | 'import/merge-skill-related'
  | 'import/upsert-job-roles'
  | 'import/merge-job-role-broader'
  | 'import/merge-job-role-skills'
  | 'import/prune-job-role-skills'
  | 'import/merge-related-roles'
  | 'import/merge-equivalent-roles';

/** Progress of one import step: rows written so far out of all. */
export type ProgressListener = (step: string, done: number, total: number) => void;

/** Writes import rows in batches, one transaction per batch, so a huge file never makes one huge transaction. */
export class ImportRepository {
  constructor(
    private readonly db: Database,
    private readonly batchSize = 5000,
  ) {}

  async writeBatches(
    name: ImportQuery,
    rows: readonly object[],
    progress?: ProgressListener,
  ): Promise<number> {
    let written = 0;
    const now = nowIso();
    for (let i = 0; i < rows.length; i += this.batchSize) {
      const batch = rows.slice(i, i + this.batchSize);
      const [row] = await this.db.write<{ count: number }>(name, { rows: batch, now });
      written += row?.count ?? 0;
      progress?.(name.replace('import/', ''), Math.min(i + batch.length, rows.length), rows.length);
    }
    return written;
  }
}

/**
 * Keeps the link rows whose every end is a known id and lists the unknown ids once each, sorted:
 * importers report dangling references instead of writing them or inventing nodes.
 */
export function keepResolved<T>(
  rows: readonly T[],
  ends: (row: T) => [string, ReadonlySet<string>][],
): { kept: T[]; missing: string[] } {
  const missing = new Set<string>();
  const kept = rows.filter((row) => {
    const absent = ends(row).filter(([id, known]) => !known.has(id));
    absent.forEach(([id]) => missing.add(id));
    return absent.length === 0;
  });
  return { kept, missing: [...missing].sort() };
}
