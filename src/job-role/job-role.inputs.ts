import { ArrayMaxSize, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { Framework } from '../skill/skill.type';

@InputType({ description: 'A skill a job role requires.' })
export class SkillRequirementInput {
  @Field(() => ID, { description: 'The skill.' })
  @Length(1, 300)
  skillId!: string;

  @Field(() => Boolean, { defaultValue: true, description: 'Essential (true) or optional.' })
  essential!: boolean;

  @Field(() => Float, {
    nullable: true,
    description: 'Importance 0 to 1; defaults to 1.0 when essential and 0.5 when optional.',
  })
  @IsOptional()
  @Min(0)
  @Max(1)
  importance?: number | null;

  @Field(() => Int, { defaultValue: 2, description: 'Level needed, 1 to 5 (default 2).' })
  @Min(1)
  @Max(5)
  level!: number;
}

@InputType({
  description: 'A job role to create or update by id; requiredSkills replaces its requirements.',
})
export class JobRoleInput {
  @Field(() => ID, { description: 'Occupation URI, O*NET-SOC code or custom id.' })
  @Length(1, 300)
  id!: string;

  @Field(() => String, { description: 'Preferred title (1 to 300).' })
  @Length(1, 300)
  title!: string;

  @Field(() => [String], { defaultValue: [], description: 'Alternative titles (up to 100).' })
  @ArrayMaxSize(100)
  altTitles!: string[];

  @Field(() => String, { nullable: true, description: 'What the role does (up to 5000).' })
  @IsOptional()
  @Length(0, 5000)
  description?: string | null;

  @Field(() => Framework, { defaultValue: Framework.CUSTOM, description: 'Taxonomy.' })
  framework!: Framework;

  @Field(() => String, { nullable: true, description: 'ISCO-08 or O*NET-SOC code.' })
  @IsOptional()
  @Length(1, 20)
  code?: string | null;

  @Field(() => Int, { nullable: true, description: 'O*NET job zone, 1 to 5.' })
  @IsOptional()
  @Min(1)
  @Max(5)
  jobZone?: number | null;

  @Field(() => [SkillRequirementInput], {
    defaultValue: [],
    description: 'Required skills (up to 500).',
  })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  requiredSkills!: SkillRequirementInput[];
}
