import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { CredentialStatus } from '../credential/credential.type';
import type { Database } from '../db/database';
import type { Context } from '../server/context';
import {
  ConsistencyFilter,
  ConsistencyGroup,
  ConsistencyGroupBy,
  groupReport,
  type ConsistencyRow,
} from './consistency';

export class AnalyticsRepository {
  constructor(private readonly db: Database) {}

  findConsistencyRows(filter: {
    providerIds: string[] | null;
    types: string[] | null;
    statuses: string[] | null;
  }) {
    return this.db.read<ConsistencyRow & Record<string, unknown>>(
      'analytics/find-consistency-rows',
      filter,
    );
  }
}

@Resolver()
export class AnalyticsResolver {
  @Query(() => [ConsistencyGroup], {
    description:
      'For researchers: per provider or credential type, the count, hours (five numbers and the ' +
      'coefficient of variation), price per hour, EQF levels, skills per credential, completeness ' +
      'against the EU microcredential standard elements, and pairs that share a type label but ' +
      'little content. One round trip; the figures are computed over the rows it returns.',
  })
  async consistencyReport(
    @Arg('groupBy', () => ConsistencyGroupBy, { defaultValue: ConsistencyGroupBy.PROVIDER })
    groupBy: ConsistencyGroupBy,
    @Arg('filter', () => ConsistencyFilter, { nullable: true }) filter: ConsistencyFilter | null,
    @Ctx() ctx: Context,
  ): Promise<ConsistencyGroup[]> {
    const rows = await ctx.repositories.analytics.findConsistencyRows({
      providerIds: filter?.providerIds ?? null,
      types: filter?.credentialTypes ?? null,
      statuses: filter?.statuses ?? [CredentialStatus.ACTIVE],
    });
    const groups = new Map<string, { name: string; rows: ConsistencyRow[] }>();
    for (const row of rows) {
      const key =
        groupBy === ConsistencyGroupBy.PROVIDER ? row.node.providerId : row.node.credentialType;
      const name =
        groupBy === ConsistencyGroupBy.PROVIDER ? row.providerName : row.node.credentialType;
      const group = groups.get(key) ?? { name, rows: [] };
      group.rows.push(row);
      groups.set(key, group);
    }
    return [...groups]
      .map(([key, g]) => groupReport(key, g.name, g.rows))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  }
}
