import type { Database } from '../db/database';

export type SearchKind = 'Credential' | 'Skill' | 'JobRole';

/** Full-text search over the credential, skill and job role indexes. */
export class SearchRepository {
  constructor(private readonly db: Database) {}

  /** Full-text matches across the three indexes; `query` must already be Lucene-escaped. */
  findText(query: string, first: number) {
    return this.db.read<{ kind: SearchKind; node: Record<string, unknown>; score: number }>(
      'search/find-text',
      { query, first },
    );
  }
}
