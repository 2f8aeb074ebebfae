import { Arg, Extensions, Int, Query, Resolver } from 'type-graphql';
import type { SearchService } from './search.service';
import { SearchHit } from './search.type';

@Resolver()
export class SearchResolver {
  constructor(private readonly finder: SearchService) {}

  @Extensions({ cost: 50 })
  @Query(() => [SearchHit], {
    description:
      'Full-text search over credential titles and descriptions, skill labels and alternative labels, ' +
      'and job role titles and alternative titles, best first. Words match as prefixes too.',
  })
  search(
    @Arg('text', () => String) text: string,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
  ): Promise<SearchHit[]> {
    return this.finder.find(text, first);
  }
}
