import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../lib/pagination';

export enum CredentialType {
  MICROCREDENTIAL = 'MICROCREDENTIAL',
  BADGE = 'BADGE',
  CERTIFICATE = 'CERTIFICATE',
  PROFESSIONAL_CERTIFICATE = 'PROFESSIONAL_CERTIFICATE',
  SPECIALIZATION = 'SPECIALIZATION',
  MICROMASTERS = 'MICROMASTERS',
  NANODEGREE = 'NANODEGREE',
  DEGREE = 'DEGREE',
  OTHER = 'OTHER',
}
registerEnumType(CredentialType, {
  name: 'CredentialType',
  description:
    'The registry-wide type of a credential; `providerLabel` keeps the name the provider uses.',
});

export enum DeliveryMode {
  ONLINE = 'ONLINE',
  ONSITE = 'ONSITE',
  BLENDED = 'BLENDED',
}
registerEnumType(DeliveryMode, {
  name: 'DeliveryMode',
  description: 'How the learning is delivered.',
});

export enum CredentialStatus {
  ACTIVE = 'ACTIVE',
  RETIRED = 'RETIRED',
}
registerEnumType(CredentialStatus, {
  name: 'CredentialStatus',
  description:
    'ACTIVE credentials can be earned; RETIRED ones stay readable but are never suggested.',
  valuesConfig: {
    ACTIVE: { description: 'Offered now.' },
    RETIRED: { description: 'No longer offered; kept for learners who hold it.' },
  },
});

@ObjectType({
  simpleResolvers: true,
  description:
    'A credential definition (not an award): a microcredential, badge, certificate, specialization... ' +
    'Its fields follow the EU 2022 microcredential standard elements and map onto CTDL and Open Badges 3.0.',
})
export class Credential {
  @Field(() => ID, { description: 'Registry id: `<providerId>:<externalId>`.' })
  id!: string;

  @Field(() => String, { description: "The provider's own id for it, unique per provider." })
  externalId!: string;

  @Field(() => String, { description: 'Id of the provider that offers it.' })
  providerId!: string;

  @Field(() => String, { description: 'Title as the provider publishes it.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What a learner learns and does.' })
  description?: string | null;

  @Field(() => CredentialType, { description: 'Registry-wide type.' })
  credentialType!: CredentialType;

  @Field(() => String, {
    nullable: true,
    description: "The provider's own name for the type, e.g. `Specialization` or `Nanodegree`.",
  })
  providerLabel?: string | null;

  @Field(() => Float, { nullable: true, description: 'Notional learning hours.' })
  hours?: number | null;

  @Field(() => Float, { nullable: true, description: 'ECTS credits, where awarded.' })
  ects?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'European Qualifications Framework level, 1 to 8.',
  })
  eqfLevel?: number | null;

  @Field(() => Float, { nullable: true, description: 'Price, in `currency`; 0 for free.' })
  price?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code of `price`.' })
  currency?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Language of instruction (BCP 47, e.g. `en`).',
  })
  language?: string | null;

  @Field(() => DeliveryMode, { nullable: true, description: 'How it is delivered.' })
  deliveryMode?: DeliveryMode | null;

  @Field(() => String, { nullable: true, description: 'How learning outcomes are assessed.' })
  assessmentType?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The quality assurance that stands behind it.',
  })
  qualityAssurance?: string | null;

  @Field(() => String, { nullable: true, description: "The provider's page for it." })
  url?: string | null;

  @Field(() => CredentialStatus, { description: 'ACTIVE or RETIRED.' })
  status!: CredentialStatus;

  @Field(() => Int, {
    nullable: true,
    description: 'Months an award stays valid; null when it does not expire.',
  })
  validityMonths?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Its precise type in the open standards, a CTDL credential class or an Open Badges 3.0 ' +
      'achievementType (`BachelorOfScienceDegree`, `License`, `Course`); exports use it when it ' +
      'agrees with `credentialType`.',
  })
  standardType?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Its CTID in the Credential Registry (`ce-` and a UUID): set by the provider or kept from a ' +
      'CTDL import, otherwise derived from the registry id at registration, so it never changes. ' +
      'CTDL exports are published under it.',
  })
  ctid?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The id (URI) of the provider's own Open Badges 3.0 Achievement for it, kept from an import " +
      'or set by the provider; Open Badges exports use it as their id.',
  })
  achievementId?: string | null;

  /** The translations as stored: a JSON list of {language, title, description}, or null. */
  translationsJson?: string | null;

  @Field(() => String, { description: 'When it was first registered (ISO-8601, UTC).' })
  createdAt!: string;

  @Field(() => String, { description: 'When its content last changed (ISO-8601, UTC).' })
  updatedAt!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'The title and description in another language than `language`.',
})
export class CredentialTranslation {
  @Field(() => String, { description: 'BCP 47 language tag, e.g. `fr` or `pt-BR`.' })
  language!: string;

  @Field(() => String, { description: 'The title in that language.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'The description in that language.' })
  description!: string | null;
}

export const CredentialConnection = connectionType('Credential', Credential);
