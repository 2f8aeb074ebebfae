import { Extensions, Field, Float, Int, ObjectType } from 'type-graphql';
import { Skill } from '../skill/skill.type';
import { JobRole } from './job-role.type';

@ObjectType({ simpleResolvers: true, description: 'A skill a job role requires.' })
export class SkillRequirement {
  @Field(() => Skill, { description: 'The skill.' })
  skill!: Skill;

  @Field(() => Boolean, { description: 'Essential (true) or optional (false).' })
  essential!: boolean;

  @Field(() => Float, {
    description: 'Importance 0 to 1: ESCO essential 1.0 and optional 0.5; O*NET (IM - 1) / 4.',
  })
  importance!: number;

  @Field(() => Int, {
    description: 'Level needed, 1 to 5 (O*NET LV 0-7 maps to 1 + round(LV*4/7)).',
  })
  level!: number;

  @Field(() => Boolean, {
    description:
      'False when O*NET recommends suppressing the rating this requirement rests on: a suppressed ' +
      'importance is not used (weight 0.5, never essential), a suppressed level falls back to 2.',
  })
  reliable!: boolean;

  @Extensions({ maxItems: 10 })
  @Field(() => [String], {
    description:
      'For an O*NET technology requirement: the example products O*NET names for this occupation, ' +
      'Hot Technology and In Demand ones first (at most 10). Empty otherwise.',
  })
  evidence!: string[];
}

@ObjectType({
  simpleResolvers: true,
  description: 'A related job role (O*NET related occupations).',
})
export class RelatedJobRole {
  @Field(() => JobRole, { description: 'The related role.' })
  jobRole!: JobRole;

  @Field(() => String, { nullable: true, description: 'Relatedness tier, e.g. `Primary-Short`.' })
  tier!: string | null;

  @Field(() => Int, { nullable: true, description: 'Rank within the tier (1 = closest).' })
  rank!: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A job role of another taxonomy that a crosswalk maps onto this one.',
})
export class EquivalentJobRole {
  @Field(() => JobRole, { description: 'The role in the other taxonomy.' })
  jobRole!: JobRole;

  @Field(() => String, { nullable: true, description: 'The crosswalk that maps them.' })
  source!: string | null;

  @Field(() => Float, { nullable: true, description: "The crosswalk's confidence, 0 to 1." })
  confidence!: number | null;
}
