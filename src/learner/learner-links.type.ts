import { Field, Int, ObjectType } from 'type-graphql';
import { Credential } from '../credential/credential.type';
import { Provider } from '../provider/provider.type';
import { Skill } from '../skill/skill.type';
import { SkillSource } from './learner.type';

@ObjectType({
  simpleResolvers: true,
  description: 'An award: the learner earned a credential on a date; it may expire.',
})
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

  @Field(() => String, {
    nullable: true,
    description: 'Who recorded it last: the provider id of its key, or `registry` for an admin.',
  })
  recordedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'When it was recorded last (ISO-8601).' })
  recordedAt!: string | null;

  @Field(() => Boolean, {
    description:
      'True when the awarding provider or an admin revoked it (recorded in error): it stays on the ' +
      "learner's record with its reason and never counts in gaps, plans or broadening.",
  })
  revoked!: boolean;

  @Field(() => String, { nullable: true, description: 'Why it was revoked.' })
  revokedReason!: string | null;

  @Field(() => String, { nullable: true, description: 'When it was revoked (ISO-8601).' })
  revokedAt!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description: "A provider the learner allows to record awards of the provider's credentials.",
})
export class ProviderGrant {
  @Field(() => Provider, { description: 'The provider.' })
  provider!: Provider;

  @Field(() => String, { description: 'When the learner granted it (ISO-8601).' })
  grantedAt!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A skill the learner declared or had assessed.' })
export class LearnerSkill {
  @Field(() => Skill, { description: 'The skill.' })
  skill!: Skill;

  @Field(() => Int, { description: 'Level, 1 to 5.' })
  level!: number;

  @Field(() => SkillSource, { description: 'SELF-declared or ASSESSED.' })
  source!: SkillSource;
}
