import { Field, Int, ObjectType } from 'type-graphql';
import { Credential } from '../credential/credential.type';
import { Skill } from '../skill/skill.type';
import { SkillSource } from './learner.type';

@ObjectType({ description: 'An award: the learner earned a credential on a date; it may expire.' })
export class Achievement {
  @Field(() => Credential, { description: 'The credential earned.' })
  credential!: Credential;

  @Field(() => String, { description: 'Date of issue (ISO-8601).' })
  issuedAt!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Date it expires (ISO-8601); null if never.',
  })
  expiresAt!: string | null;

  @Field(() => Boolean, {
    description: 'True when `expiresAt` has passed: its skills no longer count.',
  })
  expired!: boolean;
}

@ObjectType({ description: 'A skill the learner declared or had assessed.' })
export class LearnerSkill {
  @Field(() => Skill, { description: 'The skill.' })
  skill!: Skill;

  @Field(() => Int, { description: 'Level, 1 to 5.' })
  level!: number;

  @Field(() => SkillSource, { description: 'SELF-declared or ASSESSED.' })
  source!: SkillSource;
}
