import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description: 'What the registry holds right now: one count per kind of record.',
})
export class RegistryOverview {
  @Field(() => String, { description: 'The name of this registry software.' })
  name!: string;

  @Field(() => String, { description: 'The version of this registry software.' })
  version!: string;

  @Field(() => Int, { description: 'Number of providers that offer credentials.' })
  providers!: number;

  @Field(() => Int, { description: 'Number of credential definitions, active and retired.' })
  credentials!: number;

  @Field(() => Int, { description: 'Number of skills across all taxonomies.' })
  skills!: number;

  @Field(() => Int, { description: 'Number of job roles across all taxonomies.' })
  jobRoles!: number;

  @Field(() => Int, { description: 'Number of learners with a record.' })
  learners!: number;
}
