import type { Database } from '../db/database';

export type SearchKind = 'Credential' | 'Skill' | 'JobRole';

/** Full-text search over the credential, skill and job role indexes. */
export class SearchRepository {
  constructor(private readonly db: Database) {}

  /** Full-text matches across the wanted indexes; `query` must already be Lucene-escaped. */
  findText(q: {
    query: string;
    text: string;
    kinds: SearchKind[];
    includeRetired: boolean;
    first: number;
  }) {
    return this.db.read<{
      kind: SearchKind;
      node: Record<string, unknown>;
      score: number;
      exact: boolean;
    }>('search/find-text', q);
  }
}
