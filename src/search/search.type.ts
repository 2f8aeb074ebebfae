import { createUnionType, Field, Float, ObjectType } from 'type-graphql';
import { Credential } from '../credential/credential.type';
import { JobRole } from '../job-role/job-role.type';
import { Skill } from '../skill/skill.type';
import type { SearchKind } from './search.repository';

/** A search match tagged with the GraphQL type it resolves to. */
export type Tagged = (Credential | Skill | JobRole) & { __kind: SearchKind };

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
