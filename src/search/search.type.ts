import { createUnionType, Field, Float, ObjectType, registerEnumType } from 'type-graphql';
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

@ObjectType({ simpleResolvers: true, description: 'One search match with its relevance.' })
export class SearchHit {
  @Field(() => SearchItem, { description: 'What matched.' })
  item!: Tagged;

  @Field(() => Float, { description: 'Full-text relevance; higher is better.' })
  score!: number;

  @Field(() => Boolean, {
    description: 'The text is its title or label (or an alternative one), ignoring case.',
  })
  exact!: boolean;
}

/** The kinds of things search finds, as the schema names them. */
export enum SearchItemKind {
  CREDENTIAL = 'Credential',
  SKILL = 'Skill',
  JOB_ROLE = 'JobRole',
}
registerEnumType(SearchItemKind, {
  name: 'SearchItemKind',
  description: 'What search looks through.',
});
