import { ArrayMaxSize, IsIn, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { Framework, SkillType } from './skill.type';

@InputType({ description: 'A related-skill link to set.' })
export class RelatedSkillInput {
  @Field(() => ID, { description: 'The related skill.' })
  @Length(1, 300)
  skillId!: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Whether the relation is essential.' })
  essential!: boolean;
}

@InputType({
  description:
    'A skill to create or update by id. `broader` and `related` replace its outgoing links; they may ' +
    'name skills of the same batch.',
})
export class SkillInput {
  @Field(() => ID, { description: 'Concept URI, code or custom id (1 to 300).' })
  @Length(1, 300)
  id!: string;

  @Field(() => String, { description: 'Preferred label (1 to 300).' })
  @Length(1, 300)
  label!: string;

  @Field(() => [String], { defaultValue: [], description: 'Alternative labels (up to 100).' })
  @ArrayMaxSize(100)
  altLabels!: string[];

  @Field(() => SkillType, { defaultValue: SkillType.SKILL, description: 'Kind of concept.' })
  skillType!: SkillType;

  @Field(() => Framework, { defaultValue: Framework.CUSTOM, description: 'Taxonomy.' })
  framework!: Framework;

  @Field(() => String, {
    nullable: true,
    description:
      "ESCO's reuse level (transversal, cross-sector, sector-specific, occupation-specific): " +
      'ranking counts a transversal skill as generic.',
  })
  @IsOptional()
  @IsIn(['transversal', 'cross-sector', 'sector-specific', 'occupation-specific'])
  reuseLevel?: string | null;

  @Field(() => String, { nullable: true, description: 'Meaning (up to 5000).' })
  @IsOptional()
  @Length(0, 5000)
  description?: string | null;

  @Field(() => [ID], { defaultValue: [], description: 'Broader skills (a poly-hierarchy).' })
  @ArrayMaxSize(50)
  broader!: string[];

  @Field(() => [RelatedSkillInput], { defaultValue: [], description: 'Related skills.' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  related!: RelatedSkillInput[];
}
