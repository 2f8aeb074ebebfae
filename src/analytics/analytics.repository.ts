import type { Database } from '../db/database';
import type { ConsistencyRow } from './consistency';

/** The researchers' queries. */
export class AnalyticsRepository {
  constructor(private readonly db: Database) {}

  /** Every credential a consistency report covers, with its provider and skills: one round trip. */
  findConsistencyRows(filter: {
    providerIds: string[] | null;
    types: string[] | null;
    statuses: string[] | null;
  }): Promise<ConsistencyRow[]> {
    return this.db.read<ConsistencyRow & Record<string, unknown>>(
      'analytics/find-consistency-rows',
      filter,
    );
  }
}
