import { Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

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
