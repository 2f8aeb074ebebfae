import {
  Arg,
  Ctx,
  Field,
  Float,
  Int,
  ObjectType,
  Query,
  Resolver,
  createUnionType,
} from 'type-graphql';
import { Credential } from '../credential/credential.type';
import { JobRole } from '../job-role/job-role.type';
import { UserInputError } from '../lib/errors';
import { intInRange, MAX_PAGE_SIZE } from '../lib/pagination';
import type { Context } from '../server/context';
import { Skill } from '../skill/skill.type';
import { toLuceneQuery, type SearchKind } from './search.repository';

type Tagged = (Credential | Skill | JobRole) & { __kind: SearchKind };

export const SearchItem = createUnionType({
  name: 'SearchItem',
  description: 'A credential, a skill or a job role.',
  types: () => [Credential, Skill, JobRole] as const,
  resolveType: (value) => (value as Tagged).__kind,
});

@ObjectType({ description: 'One search match with its relevance.' })
export class SearchHit {
  @Field(() => SearchItem, { description: 'What matched.' })
  item!: Tagged;

  @Field(() => Float, { description: 'Full-text relevance; higher is better.' })
  score!: number;
}

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      'Full-text search over credential titles and descriptions, skill labels and alternative labels, ' +
      'and job role titles and alternative titles, best first. Words match as prefixes too.',
  })
  async search(
    @Arg('text', () => String) text: string,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<SearchHit[]> {
    intInRange(first, 0, MAX_PAGE_SIZE, 'first');
    if (text.length > 200) throw new UserInputError('text is limited to 200 characters.');
    const query = toLuceneQuery(text);
    if (query === null || first === 0) return [];
    const rows = await ctx.repositories.search.findText(query, first);
    return rows.map((r) => ({ item: { ...r.node, __kind: r.kind } as Tagged, score: r.score }));
  }
}
