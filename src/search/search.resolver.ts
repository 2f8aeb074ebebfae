import { Arg, Extensions, Int, Query, Resolver } from 'type-graphql';
import type { SearchService } from './search.service';
import { SearchHit, SearchItemKind } from './search.type';

@Resolver()
export class SearchResolver {
  constructor(private readonly searchService: SearchService) {}

  @Extensions({ cost: 50 })
  @Query(() => [SearchHit], {
    description:
      'Full-text search over credential titles and descriptions, skill labels and alternative labels, ' +
      'and job role titles and alternative titles: exact titles and labels first, then by ' +
      'relevance (the whole phrase counts most; words match as prefixes too). Retired credentials ' +
      'only with includeRetired. To map a free-text skill, suggestSkills is the better tool.',
  })
  search(
    @Arg('text', () => String) text: string,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('kinds', () => [SearchItemKind], {
      nullable: true,
      description: 'Only these kinds (all when null or empty).',
    })
    kinds: SearchItemKind[] | null,
    @Arg('includeRetired', () => Boolean, { defaultValue: false }) includeRetired: boolean,
  ): Promise<SearchHit[]> {
    return this.searchService.find(text, first, { kinds, includeRetired });
  }
}
