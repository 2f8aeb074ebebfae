import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Credential } from '../credential/credential.type';
import { JobRole } from '../job-role/job-role.type';
import { Skill } from './skill.type';

@ObjectType({
  simpleResolvers: true,
  description: 'A skill related to another, outside the hierarchy.',
})
export class RelatedSkill {
  @Field(() => Skill, { description: 'The related skill.' })
  skill!: Skill;

  @Field(() => Boolean, { nullable: true, description: 'Whether the taxonomy marks it essential.' })
  essential!: boolean | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A credential that teaches a skill, and at what level.',
})
export class SkillTeaching {
  @Field(() => Credential, { description: 'The credential.' })
  credential!: Credential;

  @Field(() => Int, { description: 'Level it certifies, 1 to 5.' })
  level!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A job role that requires a skill.' })
export class SkillDemand {
  @Field(() => JobRole, { description: 'The job role.' })
  jobRole!: JobRole;

  @Field(() => Boolean, { description: 'Whether the skill is essential (else optional) for it.' })
  essential!: boolean;

  @Field(() => Float, { description: 'Importance 0 to 1 (ESCO: essential 1.0, optional 0.5).' })
  importance!: number;

  @Field(() => Int, { description: 'Level needed, 1 to 5.' })
  level!: number;
}
