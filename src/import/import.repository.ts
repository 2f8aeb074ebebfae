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

/** What an import did: rows written per kind, and references to concepts absent from the files. */
export interface ImportReport {
  readonly source: string;
  readonly counts: Record<string, number>;
  /** Per relation file: the references that name no concept of the package (nothing invented). */
  readonly dangling: Record<string, string[]>;
  readonly ms: number;
}

/** One import under way: its batched writes, its counts and dangling references, its report. */
export function importRun(db: Database, progress?: ProgressListener) {
  const started = Date.now();
  const repo = new ImportRepository(db);
  const counts: Record<string, number> = {};
  const dangling: Record<string, string[]> = {};
  return {
    counts,
    dangling,
    write: (query: ImportQuery, rows: readonly object[]) =>
      repo.writeBatches(query, rows, progress),
    report: (source: string): ImportReport => ({
      source,
      counts,
      dangling,
      ms: Date.now() - started,
    }),
  };
}
