import { Extensions, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RecordError } from '../credential/credential-links.type';

export enum StandardFormat {
  OPEN_BADGES_3 = 'OPEN_BADGES_3',
  CTDL = 'CTDL',
}
registerEnumType(StandardFormat, {
  name: 'StandardFormat',
  description:
    'Open Badges 3.0 (an Achievement, or an OpenBadgeCredential carrying one), or CTDL (a ceterms ' +
    'credential record, or a `@graph` holding credential records).',
});

@ObjectType({
  simpleResolvers: true,
  description: 'A credential against the EU 2022 microcredential standard elements.',
})
export class Completeness {
  @Field(() => [String], { description: 'Elements present.' })
  present!: string[];

  @Field(() => [String], { description: 'Mandatory elements missing.' })
  missing!: string[];

  @Field(() => Float, { description: 'Share of the elements present, 0 to 1.' })
  score!: number;
}

@ObjectType({ simpleResolvers: true, description: 'What an import did with one record.' })
export class ImportRecordResult {
  @Field(() => Int, { description: 'Position of the record in `documents`.' })
  index!: number;

  @Field(() => String, { nullable: true, description: 'The externalId read from the record.' })
  externalId!: string | null;

  @Field(() => String, {
    description:
      'TAKEN (created or changed), UNCHANGED (already registered as is) or REJECTED (nothing written).',
  })
  status!: string;

  @Field(() => ID, { nullable: true, description: 'Registry id of the credential.' })
  credentialId!: string | null;

  @Extensions({ maxItems: 50 })
  @Field(() => [RecordError], { description: 'Why the record was rejected.' })
  errors!: RecordError[];

  @Extensions({ maxItems: 201 })
  @Field(() => [String], {
    description:
      'What the record says that the registry did not keep: fields it has no place for, invalid ' +
      'optional values, references it does not know, links it could not add.',
  })
  warnings!: string[];
}
