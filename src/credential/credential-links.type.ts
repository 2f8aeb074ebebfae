import { Extensions, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LabelOutcome } from './taught-skills';
import { BulkStatus } from './registration';
import { Skill } from '../skill/skill.type';
import { Credential } from './credential.type';

@ObjectType({
  simpleResolvers: true,
  description: 'A skill a credential teaches, at the proficiency level it certifies.',
})
export class TaughtSkill {
  @Field(() => Skill, { description: 'The skill.' })
  skill!: Skill;

  @Field(() => Int, {
    description: 'Proficiency certified, 1 (basic) to 5 (expert); 2 by default.',
  })
  level!: number;

  @Field(() => String, {
    nullable: true,
    description: "The provider's own words for the skill, when it was registered by label.",
  })
  providerLabel?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A part-of link between a part and a whole.' })
export class PartLink {
  @Field(() => Credential, {
    description: 'The credential at the other end (the part or the whole).',
  })
  credential!: Credential;

  @Field(() => Boolean, { description: 'Whether the whole requires this part (false: elective).' })
  required!: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description: "One provider's assertion that two credentials are equivalent.",
})
export class EquivalenceAssertion {
  @Field(() => String, { description: 'Id of the provider that asserted it.' })
  assertedBy!: string;

  @Field(() => String, { nullable: true, description: 'What the provider said about it.' })
  note!: string | null;

  @Field(() => String, { description: 'When it was asserted (ISO-8601, UTC).' })
  at!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A credential declared equivalent to this one by a provider of either side.',
})
export class DeclaredEquivalence {
  @Field(() => Credential, { description: 'The other credential.' })
  credential!: Credential;

  @Extensions({ maxItems: 2 })
  @Field(() => [EquivalenceAssertion], {
    description: 'Who asserted the equivalence, when, and why.',
  })
  assertions!: EquivalenceAssertion[];

  @Field(() => Boolean, { description: 'True when the providers of both sides asserted it.' })
  mutual!: boolean;

  @Field(() => Boolean, { description: 'True when both credentials come from the same provider.' })
  sameProvider!: boolean;
}

registerEnumType(LabelOutcome, {
  name: 'SkillLabelOutcome',
  description: 'What a skill given by label became.',
  valuesConfig: {
    MATCHED: { description: 'A confident match to an ESCO or O*NET skill (see suggestSkills).' },
    MAPPED: {
      description: "The provider's custom skill of these words, mapped to a taxonomy skill.",
    },
    CUSTOM: { description: "No confident match: the provider's own CUSTOM skill, mappable later." },
  },
});

@ObjectType({
  simpleResolvers: true,
  description: 'What one skill given by label became in a registration.',
})
export class SkillLabelResolution {
  @Field(() => String, { description: 'The label as given.' })
  label!: string;

  @Field(() => LabelOutcome)
  outcome!: LabelOutcome;

  @Field(() => Skill, { description: 'The skill linked: taxonomy (MATCHED, MAPPED) or custom.' })
  skill!: Skill;

  @Field(() => Float, { nullable: true, description: 'The match score (MATCHED only).' })
  score?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The taxonomy label that matched (MATCHED only).',
  })
  matchedLabel?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'What a registration did.' })
export class CredentialRegistration {
  @Field(() => Credential, { description: 'The credential as stored now.' })
  credential!: Credential;

  @Field(() => Boolean, { description: 'True when this call created it.' })
  created!: boolean;

  @Field(() => Boolean, {
    description: 'True when this call changed it; sending the same registration again gives false.',
  })
  changed!: boolean;

  @Extensions({ maxItems: 200 })
  @Field(() => [SkillLabelResolution], {
    description: 'What each skill given by label became, in the order given.',
  })
  skillResolutions!: SkillLabelResolution[];

  @Field(() => [String], {
    description:
      'Descriptive fields this re-registration left out that had a value before: they are now ' +
      'empty. A registration sets the whole record; use updateCredential to change some fields.',
  })
  clearedFields!: string[];

  @Field(() => [String], {
    description:
      'What was taken with a remark: skill labels of no words at all (only symbols or emoji) are ' +
      'left out rather than refusing the record.',
  })
  warnings!: string[];
}

@ObjectType({ simpleResolvers: true, description: 'The result of a declared equivalence.' })
export class EquivalenceDeclaration {
  @Field(() => Credential, { description: "The declaring provider's credential." })
  credential!: Credential;

  @Field(() => Credential, { description: 'The credential declared equivalent.' })
  other!: Credential;

  @Field(() => EquivalenceAssertion, { description: 'The assertion as stored.' })
  assertion!: EquivalenceAssertion;

  @Field(() => Boolean, { description: "True when the other side's provider asserted it too." })
  mutual!: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description: 'An error on one record of an import or a bulk registration.',
})
export class RecordError {
  @Field(() => String, { description: 'Stable code, as in extensions.code.' })
  code!: string;

  @Field(() => String, { description: 'What is wrong and how to fix it.' })
  message!: string;
}

registerEnumType(BulkStatus, {
  name: 'BulkRegistrationStatus',
  description: 'What became of one record of a bulk registration.',
  valuesConfig: {
    TAKEN: { description: 'Stored: created or changed.' },
    UNCHANGED: { description: 'Already registered as is; nothing was written.' },
    REJECTED: { description: 'Refused (see error); nothing of it was written.' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'What registerCredentials did with one record.' })
export class BulkRegistrationResult {
  @Field(() => Int, { description: 'Position of the record in `inputs`.' })
  index!: number;

  @Field(() => String, { description: 'The externalId of the record.' })
  externalId!: string;

  @Field(() => BulkStatus)
  status!: BulkStatus;

  @Field(() => CredentialRegistration, {
    nullable: true,
    description: 'What the registration did (TAKEN and UNCHANGED).',
  })
  registration?: CredentialRegistration | null;

  @Field(() => RecordError, { nullable: true, description: 'Why it was rejected (REJECTED).' })
  error?: RecordError | null;
}
