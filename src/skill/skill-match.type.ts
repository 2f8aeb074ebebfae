import { Extensions, Field, Float, Int, ObjectType } from 'type-graphql';
import { Skill } from './skill.type';

@ObjectType({
  simpleResolvers: true,
  description: 'A taxonomy skill proposed for a short phrase, with how sure the match is.',
})
export class SkillSuggestion {
  @Field(() => Skill)
  skill!: Skill;

  @Field(() => Float, {
    description:
      '0-1: 1 for the exact preferred label; less for alternative or hidden labels, a match on ' +
      'word stems only, or a partial match (weighted by how specific the shared words are).',
  })
  score!: number;

  @Field(() => Boolean, {
    description:
      'True for the best answer of its framework when it is an exact label match ahead of the ' +
      'next concept, or scores high and clearly leads it: safe to link without a person checking. ' +
      'No confident answer is given rather than a doubtful one.',
  })
  confident!: boolean;

  @Field(() => String, { description: 'The label of the skill that matched the phrase.' })
  matchedLabel!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A taxonomy skill named in a longer text, with the words that named it.',
})
export class SkillMention extends SkillSuggestion {
  @Field(() => String, { description: 'The span of the text that matched, as written.' })
  evidence!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A taxonomy concept proposed for a custom skill.',
})
export class MappingProposal {
  @Field(() => Skill)
  skill!: Skill;

  @Field(() => Float, { description: 'How close it came, 0-1 (as suggestSkills scores it).' })
  score!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: "A provider's own skill, with what it is mapped to.",
})
export class CustomSkill {
  @Field(() => Skill, { description: 'The custom skill (framework CUSTOM).' })
  skill!: Skill;

  @Field(() => Skill, {
    nullable: true,
    description: 'The taxonomy skill it stands for, if mapped.',
  })
  mappedTo?: Skill | null;

  @Field(() => Int, {
    description: 'How many credentials teach it (directly or through the mapping).',
  })
  credentials!: number;

  @Extensions({ maxItems: 3 })
  @Field(() => [MappingProposal], {
    description:
      'Taxonomy concepts proposed for it, best first, computed when it was placed (the registry ' +
      'places custom skills by meaning in the background after a registration). Accept one with ' +
      'mapCustomSkill.',
  })
  suggestedMappings!: MappingProposal[];

  @Extensions({ maxItems: 20 })
  @Field(() => [Skill], {
    description:
      "Other providers' custom skills of the same group: the same words, or labels the model " +
      'places within 0.9 cosine of each other. Equivalents, broadening and consistency count a ' +
      'group as one skill.',
  })
  sameMeaning!: Skill[];
}
