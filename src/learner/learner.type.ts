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
