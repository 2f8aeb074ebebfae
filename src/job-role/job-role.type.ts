import { Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../lib/pagination';
import { Framework } from '../skill/skill.type';

@ObjectType({
  simpleResolvers: true,
  description: 'An occupation or job role (ESCO occupation, O*NET-SOC occupation, or custom).',
})
export class JobRole {
  @Field(() => ID, { description: 'The occupation URI (ESCO), O*NET-SOC code, or a custom id.' })
  id!: string;

  @Field(() => String, { description: 'Preferred title.' })
  title!: string;

  @Field(() => [String], { description: 'Alternative titles, searched too.' })
  altTitles!: string[];

  @Field(() => String, { nullable: true, description: 'What the role does.' })
  description?: string | null;

  @Field(() => Framework, { description: 'The taxonomy it belongs to.' })
  framework!: Framework;

  @Field(() => String, { nullable: true, description: 'ISCO-08 code (ESCO) or O*NET-SOC code.' })
  code?: string | null;

  @Field(() => Int, { nullable: true, description: 'O*NET job zone, 1 (little preparation) to 5.' })
  jobZone?: number | null;
}

export const JobRoleConnection = connectionType('JobRole', JobRole);
