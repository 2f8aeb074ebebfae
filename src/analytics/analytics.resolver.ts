import { Arg, Extensions, Query, Resolver } from 'type-graphql';
import { MAX_GROUPS } from './analytics.service';
import type { AnalyticsService } from './analytics.service';
import { ConsistencyFilter, ConsistencyGroup, ConsistencyGroupBy } from './consistency.type';

@Resolver()
export class AnalyticsResolver {
  constructor(private readonly analyticsService: AnalyticsService) {}

  @Extensions({ maxItems: MAX_GROUPS, cost: 2000 })
  @Query(() => [ConsistencyGroup], {
    description:
      'For researchers: per provider or credential type, the count, hours (five numbers and the ' +
      'coefficient of variation), price per hour, EQF levels, skills per credential, completeness ' +
      'against the EU microcredential standard elements, and pairs that share a type label but ' +
      'little content. One round trip; the figures are computed over the rows it returns.',
  })
  consistencyReport(
    @Arg('groupBy', () => ConsistencyGroupBy, { defaultValue: ConsistencyGroupBy.PROVIDER })
    groupBy: ConsistencyGroupBy,
    @Arg('filter', () => ConsistencyFilter, { nullable: true }) filter: ConsistencyFilter | null,
  ): Promise<ConsistencyGroup[]> {
    return this.analyticsService.consistencyReport(groupBy, filter);
  }
}
