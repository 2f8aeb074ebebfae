import { Length, Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { CredentialFilter } from '../credential/credential.inputs';
import { PlanObjective } from './pathway.type';

@InputType({ description: 'A skill held, for anonymous gap questions.' })
export class HeldSkillInput {
  @Field(() => ID, { description: 'Skill id.' })
  @Length(1, 300)
  skillId!: string;

  @Field(() => Int, { defaultValue: 2, description: 'Level held, 1 to 5 (default 2).' })
  @Min(1)
  @Max(5)
  level!: number;
}

/** Whose gap a question is about: a role, and a learner or the skills held (neither: none held). */
@ArgsType()
export class GapSubjectArgs {
  @Field(() => ID)
  roleId!: string;

  @Field(() => ID, { nullable: true })
  learnerId?: string | null;

  @Field(() => [HeldSkillInput], { nullable: true })
  @ValidateNested({ each: true })
  skills?: HeldSkillInput[] | null;
}

/** The arguments of skillGap. */
@ArgsType()
export class SkillGapArgs extends GapSubjectArgs {
  @Field(() => Boolean, { defaultValue: false })
  includeOptional!: boolean;
}

/** The arguments of gapClosingPlan. */
@ArgsType()
export class GapPlanArgs extends GapSubjectArgs {
  @Field(() => PlanObjective, { defaultValue: PlanObjective.HOURS })
  optimize!: PlanObjective;

  @Field(() => Int, { defaultValue: 6 })
  maxCredentials!: number;

  @Field(() => Boolean, { defaultValue: false })
  includeOptional!: boolean;

  @Field(() => CredentialFilter, {
    nullable: true,
    description:
      'Only credentials of the catalogue filter (types, providers, max price and hours, language, ' +
      'delivery modes, EQF range) are planned; their prerequisites come as they are.',
  })
  @ValidateNested()
  filter?: CredentialFilter | null;
}
