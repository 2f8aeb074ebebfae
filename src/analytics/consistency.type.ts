import {
  Extensions,
  Field,
  Float,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import { Credential, CredentialStatus, CredentialType } from '../credential/credential.type';

export enum ConsistencyGroupBy {
  PROVIDER = 'PROVIDER',
  CREDENTIAL_TYPE = 'CREDENTIAL_TYPE',
}
registerEnumType(ConsistencyGroupBy, {
  name: 'ConsistencyGroupBy',
  description: 'How to group credentials.',
});

@InputType({ description: 'Which credentials the report covers; unset fields do not narrow.' })
export class ConsistencyFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these providers.' })
  providerIds?: string[] | null;

  @Field(() => [CredentialType], { nullable: true, description: 'Only these types.' })
  credentialTypes?: CredentialType[] | null;

  @Field(() => [CredentialStatus], {
    nullable: true,
    description: 'Only these statuses (default ACTIVE).',
  })
  statuses?: CredentialStatus[] | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A five-number summary with the coefficient of variation.',
})
export class Distribution {
  @Field(() => Int, { description: 'Values counted (credentials where it is known).' })
  n!: number;
  @Field(() => Float, { nullable: true, description: 'Smallest value.' })
  min!: number | null;
  @Field(() => Float, { nullable: true, description: 'First quartile.' })
  q1!: number | null;
  @Field(() => Float, { nullable: true, description: 'Median.' })
  median!: number | null;
  @Field(() => Float, { nullable: true, description: 'Third quartile.' })
  q3!: number | null;
  @Field(() => Float, { nullable: true, description: 'Largest value.' })
  max!: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean.' })
  mean!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Coefficient of variation: standard deviation / mean (population); null when mean is 0.',
  })
  cv!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'How many credentials sit at one EQF level.' })
export class LevelCount {
  @Field(() => Int, { nullable: true, description: 'EQF level; null for credentials without one.' })
  eqfLevel!: number | null;
  @Field(() => Int, { description: 'Credentials at that level.' })
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'How often one EU standard element is present.' })
export class ElementPresence {
  @Field(() => String, { description: 'The element.' })
  element!: string;
  @Field(() => Float, { description: 'Share of credentials that carry it, 0 to 1.' })
  share!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Two credentials of the same type and topic but little shared content.',
})
export class InconsistentPair {
  @Field(() => Credential, { description: 'One credential.' })
  a!: Credential;
  @Field(() => Credential, { description: 'The other.' })
  b!: Credential;
  @Field(() => String, {
    description:
      'The type they share: their providerLabel when both have the same, else credentialType.',
  })
  label!: string;
  @Field(() => Float, {
    description:
      'How alike their titles are, 0 to 1: the topic words they share over the lighter title, ' +
      'words in any script (Unicode word segmentation), course framing, words that name a kind ' +
      "of credential (bachelor, degree, certificate) and the provider's own name left out, each " +
      'word weighted by how rare it is among the titles of that type; same topic from 0.6 on.',
  })
  titleSimilarity!: number;
  @Field(() => Float, { description: 'Jaccard overlap of their skill sets, 0 to 1.' })
  skillOverlap!: number;
  @Field(() => Float, { nullable: true, description: 'Ratio of the larger to the smaller hours.' })
  hoursRatio!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'Consistency figures of one group.' })
export class ConsistencyGroup {
  @Field(() => String, { description: 'Provider id or credential type.' })
  key!: string;
  @Field(() => String, { description: 'Provider name or type name.' })
  name!: string;
  @Field(() => Int, { description: 'Credentials in the group.' })
  count!: number;
  @Field(() => Distribution, { description: 'Notional hours.' })
  hours!: Distribution;
  @Field(() => Distribution, {
    description: 'Price per hour, per currency mixed as numbers (see currencies).',
  })
  pricePerHour!: Distribution;
  @Field(() => [String], { description: 'Currencies of the prices.' })
  currencies!: string[];
  @Extensions({ maxItems: 9 })
  @Field(() => [LevelCount], { description: 'EQF levels.' })
  eqfLevels!: LevelCount[];
  @Field(() => Distribution, { description: 'Skills per credential.' })
  skillsPerCredential!: Distribution;
  @Field(() => Float, { description: 'Mean share of the EU standard elements present, 0 to 1.' })
  completeness!: number;
  @Extensions({ maxItems: 9 })
  @Field(() => [ElementPresence], { description: 'Presence of each EU standard element.' })
  elements!: ElementPresence[];
  @Extensions({ maxItems: 20 })
  @Field(() => [InconsistentPair], {
    description:
      'Pairs in the group that share a type label and a topic (similar titles) but little content ' +
      '(skill overlap under 0.2): lowest overlap first, then the larger hours ratio, then by ids; ' +
      'at most 20.',
  })
  lowOverlapPairs!: InconsistentPair[];
  @Field(() => Boolean, {
    description:
      'False when the search for lowOverlapPairs stopped early (200,000 title pairs compared): ' +
      'the pairs listed are some, not the lowest of all.',
  })
  lowOverlapComplete!: boolean;
  @Field(() => Int, {
    description:
      'Credentials of the group with no skills at all: nothing to compare, so never in ' +
      'lowOverlapPairs.',
  })
  noSkillsToCompare!: number;
}
