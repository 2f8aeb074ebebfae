import {
  ArrayMaxSize,
  IsISO4217CurrencyCode,
  IsOptional,
  IsUrl,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { CredentialStatus, CredentialType, DeliveryMode } from './credential.type';

@InputType({
  description:
    'A skill a credential teaches, by id or by label (one of the two), with the level it certifies.',
})
export class SkillLevelInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Skill id (ESCO URI, O*NET code or custom id). Give this or label.',
  })
  @IsOptional()
  @Length(1, 300)
  skillId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The skill as the provider writes it ("Data Visualization"). A confident suggestSkills ' +
      'match links that taxonomy skill; anything else becomes a CUSTOM skill of the provider, ' +
      'mappable later with mapCustomSkill. The payload reports what each label became.',
  })
  @IsOptional()
  @Length(1, 200)
  label?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Level certified, 1 to 5. When left out the registry infers it from the credential: 1 ' +
      '(introductory) for a credential of under 5 hours or of EQF level 1 or 2, 3 for EQF level ' +
      '7 or 8, otherwise 2. Gaps and plans count a skill as covered at this level.',
  })
  @IsOptional()
  @Min(1)
  @Max(5)
  level?: number | null;
}

/** A BCP 47 language tag as the registry takes it. */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** A CTID: `ce-` and a UUID, lower case. */
export const CTID_PATTERN = /^ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

@InputType({ description: 'The title and description of a credential in one more language.' })
export class TranslationInput {
  @Field(() => String, { description: 'BCP 47 language tag (`fr`, `pt-BR`).' })
  @Matches(LANGUAGE_TAG, { message: 'translations.language must be a BCP 47 tag such as fr' })
  language!: string;

  @Field(() => String, { description: 'Title in that language (2 to 300 characters).' })
  @Length(2, 300)
  title!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Description in that language (up to 5000).',
  })
  @IsOptional()
  @Length(0, 5000)
  description?: string | null;
}

/** Field rules shared by registration (all given) and update (any subset). */
@InputType('CredentialFieldsInput', { description: 'Descriptive fields of a credential.' })
export abstract class CredentialFieldsInput {
  @Field(() => String, {
    nullable: true,
    description: 'What a learner learns and does (up to 5000).',
  })
  @IsOptional()
  @Length(0, 5000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: "The provider's own type name (up to 100)." })
  @IsOptional()
  @Length(1, 100)
  providerLabel?: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Notional learning hours, above 0 and up to 20000.',
  })
  @IsOptional()
  @Min(0.1)
  @Max(20000)
  hours?: number | null;

  @Field(() => Float, { nullable: true, description: 'ECTS credits, 0 to 360.' })
  @IsOptional()
  @Min(0)
  @Max(360)
  ects?: number | null;

  @Field(() => Int, { nullable: true, description: 'EQF level, 1 to 8.' })
  @IsOptional()
  @Min(1)
  @Max(8)
  eqfLevel?: number | null;

  @Field(() => Float, { nullable: true, description: 'Price, 0 or more; needs `currency`.' })
  @IsOptional()
  @Min(0)
  @Max(1_000_000)
  price?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency code, e.g. EUR.' })
  @IsOptional()
  @IsISO4217CurrencyCode()
  currency?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Language of instruction, BCP 47 (`en`, `pt-BR`).',
  })
  @IsOptional()
  @Matches(LANGUAGE_TAG, {
    message: 'language must be a BCP 47 tag such as en or pt-BR',
  })
  language?: string | null;

  @Field(() => DeliveryMode, { nullable: true, description: 'ONLINE, ONSITE or BLENDED.' })
  @IsOptional()
  deliveryMode?: DeliveryMode | null;

  @Field(() => String, { nullable: true, description: 'How outcomes are assessed (up to 300).' })
  @IsOptional()
  @Length(1, 300)
  assessmentType?: string | null;

  @Field(() => String, { nullable: true, description: 'Quality assurance behind it (up to 500).' })
  @IsOptional()
  @Length(1, 500)
  qualityAssurance?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The provider's page for it (http/https URL).",
  })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  url?: string | null;

  @Field(() => Int, { nullable: true, description: 'Months an award stays valid, 1 to 600.' })
  @IsOptional()
  @Min(1)
  @Max(600)
  validityMonths?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Precise type in the open standards: a CTDL credential class or an Open Badges 3.0 ' +
      'achievementType, without prefix (`BachelorOfScienceDegree`).',
  })
  @IsOptional()
  @Matches(/^[A-Z][A-Za-z]{1,59}$/, {
    message: 'standardType must be a CTDL class or OB3 achievementType name, e.g. BachelorDegree',
  })
  standardType?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'CTID in the Credential Registry: `ce-` and a lower-case UUID.',
  })
  @IsOptional()
  @Matches(CTID_PATTERN, { message: 'ctid must be ce- followed by a lower-case UUID' })
  ctid?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "URI of the provider's own Open Badges 3.0 Achievement for it (up to 500).",
  })
  @IsOptional()
  @Length(3, 500)
  @Matches(/^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/, { message: 'achievementId must be a URI' })
  achievementId?: string | null;

  @Field(() => [TranslationInput], {
    nullable: true,
    description: 'Title and description in other languages (up to 20, one per language).',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  translations?: TranslationInput[] | null;
}

@InputType({
  description:
    'A full registration. (providerId, externalId) is the natural key: registering the same ' +
    'content again changes nothing; different content replaces the stored one.',
})
export class CredentialInput extends CredentialFieldsInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'The provider to register for; only admin keys set it (provider keys act for themselves).',
  })
  @IsOptional()
  @Length(2, 64)
  providerId?: string | null;

  @Field(() => String, { description: "The provider's own id for it (1 to 100, no spaces)." })
  @Matches(/^[^\s]{1,100}$/, { message: 'externalId must be 1 to 100 characters without spaces' })
  externalId!: string;

  @Field(() => String, { description: 'Title (2 to 300 characters).' })
  @Length(2, 300)
  title!: string;

  @Field(() => CredentialType, { description: 'Registry-wide type.' })
  credentialType!: CredentialType;

  @Field(() => [SkillLevelInput], { defaultValue: [], description: 'Skills taught (up to 200).' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  skills!: SkillLevelInput[];

  @Field(() => [ID], { defaultValue: [], description: 'Job roles it prepares for (up to 50).' })
  @ArrayMaxSize(50)
  preparesFor!: string[];
}

@InputType({
  description:
    'Changes to a credential: only the fields given change; null clears an optional one.',
})
export class CredentialUpdateInput extends CredentialFieldsInput {
  @Field(() => String, { nullable: true, description: 'Title (2 to 300 characters).' })
  @IsOptional()
  @Length(2, 300)
  title?: string | null;

  @Field(() => CredentialType, { nullable: true, description: 'Registry-wide type.' })
  @IsOptional()
  credentialType?: CredentialType | null;

  @Field(() => CredentialStatus, {
    nullable: true,
    description: 'ACTIVE to offer it again; use retireCredential to retire it.',
  })
  @IsOptional()
  status?: CredentialStatus | null;

  @Field(() => [SkillLevelInput], { nullable: true, description: 'Replaces the skills taught.' })
  @IsOptional()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  skills?: SkillLevelInput[] | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the job roles it prepares for.' })
  @IsOptional()
  @ArrayMaxSize(50)
  preparesFor?: string[] | null;
}

@InputType({
  description: 'Catalogue filter; every field narrows the list, and an unset one does not.',
})
export class CredentialFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these providers.' })
  @IsOptional()
  @ArrayMaxSize(100)
  providerIds?: string[] | null;

  @Field(() => [CredentialType], { nullable: true, description: 'Only these types.' })
  @IsOptional()
  credentialTypes?: CredentialType[] | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Only credentials teaching one of these skills or a narrower skill of one of them.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  skillIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Lowest EQF level, 1 to 8.' })
  @IsOptional()
  @Min(1)
  @Max(8)
  eqfMin?: number | null;

  @Field(() => Int, { nullable: true, description: 'Highest EQF level, 1 to 8.' })
  @IsOptional()
  @Min(1)
  @Max(8)
  eqfMax?: number | null;

  @Field(() => Float, { nullable: true, description: 'At most this many hours.' })
  @IsOptional()
  @Min(0)
  maxHours?: number | null;

  @Field(() => Float, { nullable: true, description: 'At most this price (in its own currency).' })
  @IsOptional()
  @Min(0)
  maxPrice?: number | null;

  @Field(() => String, { nullable: true, description: 'Only this language of instruction.' })
  @IsOptional()
  @Length(2, 20)
  language?: string | null;

  @Field(() => [DeliveryMode], { nullable: true, description: 'Only these delivery modes.' })
  @IsOptional()
  deliveryModes?: DeliveryMode[] | null;

  @Field(() => [CredentialStatus], {
    nullable: true,
    description: 'Only these statuses; unset means ACTIVE only.',
  })
  @IsOptional()
  statuses?: CredentialStatus[] | null;
}
