import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum SkillSource {
  SELF = 'SELF',
  ASSESSED = 'ASSESSED',
}
registerEnumType(SkillSource, {
  name: 'SkillSource',
  description: 'Whether a learner declared a skill themself or it was assessed.',
});

@ObjectType({
  simpleResolvers: true,
  description: 'A person with achievements and skills. Personal data is kept to a display name.',
})
export class Learner {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Optional name to show.' })
  displayName?: string | null;

  @Field(() => String, { description: 'When the record was created (ISO-8601, UTC).' })
  createdAt!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: "A learner and the learner's API key; the key is shown this once only.",
})
export class LearnerWithKey {
  @Field(() => Learner, { description: 'The learner.' })
  learner!: Learner;

  @Field(() => String, {
    description: 'The API key for this record. Store it now: only its hash is kept.',
  })
  apiKey!: string;
}
