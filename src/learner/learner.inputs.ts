import { IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({
  description: 'A new learner record; personal data is kept to an optional display name.',
})
export class LearnerInput {
  @Field(() => String, { nullable: true, description: 'Name to show (1 to 100), optional.' })
  @IsOptional()
  @Length(1, 100)
  displayName?: string | null;
}
