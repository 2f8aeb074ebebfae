import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../lib/pagination';
import type { NodeShape } from '../lib/lookahead';

export enum SkillType {
  SKILL = 'SKILL',
  KNOWLEDGE = 'KNOWLEDGE',
  TECHNOLOGY = 'TECHNOLOGY',
  GROUP = 'GROUP',
}
registerEnumType(SkillType, {
  name: 'SkillType',
  description: 'A skill/competence, a knowledge area, a technology, or a group of skills.',
});

export enum Framework {
  ESCO = 'ESCO',
  ONET = 'ONET',
  CUSTOM = 'CUSTOM',
}
registerEnumType(Framework, {
  name: 'Framework',
  description: 'The taxonomy a skill or job role comes from.',
});

@ObjectType({
  simpleResolvers: true,
  description: 'A concept of a skills taxonomy (ESCO, O*NET, or provider-defined).',
})
export class Skill {
  @Field(() => ID, { description: 'The concept URI (ESCO) or code (O*NET), or a custom id.' })
  id!: string;

  @Field(() => String, { description: 'Preferred label.' })
  label!: string;

  @Field(() => [String], { description: 'Alternative labels, searched too.' })
  altLabels!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      "ESCO's reuse level: transversal, cross-sector, sector-specific or occupation-specific; null " +
      'for other frameworks.',
  })
  reuseLevel?: string | null;

  @Field(() => SkillType, { description: 'What kind of concept it is.' })
  skillType!: SkillType;

  @Field(() => Framework, { description: 'The taxonomy it belongs to.' })
  framework!: Framework;

  @Field(() => String, { nullable: true, description: 'What the concept means.' })
  description?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The provider that defined it (CUSTOM skills only; null for taxonomy skills).',
  })
  providerId?: string | null;
}

export const SkillConnection = connectionType('Skill', Skill);

/**
 * How a read may project a skill node (see NodeShape): the fields that are its properties, and the
 * ones whose resolvers read only its id. A field in neither brings every property.
 */
export const SKILL_SHAPE: NodeShape = {
  properties: new Set([
    'id',
    'label',
    'altLabels',
    'reuseLevel',
    'skillType',
    'framework',
    'description',
    'providerId',
  ]),
  links: new Set(['broader', 'narrower', 'related', 'credentials', 'jobRoles']),
  always: ['id'],
};
