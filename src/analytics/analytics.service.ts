import { CredentialStatus } from '../credential/credential.type';
import type { AnalyticsRepository } from './analytics.repository';
import { consistencyReport } from './consistency';
import type { ConsistencyFilter, ConsistencyGroup, ConsistencyGroupBy } from './consistency.type';

/** The most groups one report returns (largest first). */
export const MAX_GROUPS = 1000;

/** The researchers' use cases: consistency of credentials across providers and types. */
export class AnalyticsService {
  constructor(private readonly analytics: AnalyticsRepository) {}

  /** Consistency figures per provider or credential type over the filtered catalogue. */
  async consistencyReport(
    groupBy: ConsistencyGroupBy,
    filter: ConsistencyFilter | null,
  ): Promise<ConsistencyGroup[]> {
    const rows = await this.analytics.findConsistencyRows({
      providerIds: filter?.providerIds ?? null,
      types: filter?.credentialTypes ?? null,
      statuses: filter?.statuses ?? [CredentialStatus.ACTIVE],
    });
    return consistencyReport(rows, groupBy).slice(0, MAX_GROUPS);
  }
}
