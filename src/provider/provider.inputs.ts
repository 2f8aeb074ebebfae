import { IsISO31661Alpha2, IsOptional, IsUrl, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ProviderKind } from './provider.type';

/** The optional fields registration and update share. */
@InputType('ProviderFieldsInput', { description: 'Where a provider is and how to find it.' })
export abstract class ProviderFieldsInput {
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'Public website (http or https URL).' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  website?: string | null;
}

@InputType({ description: 'A provider to register.' })
export class ProviderInput extends ProviderFieldsInput {
  @Field(() => String, {
    description: 'Stable id: a lowercase slug of 2 to 64 letters, digits and dashes.',
  })
  @Matches(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, {
    message: 'id must be a lowercase slug of letters, digits and dashes (2-64 characters)',
  })
  @Length(2, 64)
  id!: string;

  @Field(() => String, { description: 'The name it goes by (2 to 200 characters).' })
  @Length(2, 200)
  name!: string;

  @Field(() => ProviderKind, { description: 'What sort of organisation it is.' })
  kind!: ProviderKind;
}

@InputType({
  description:
    'Changes to a provider: only the fields given change; null clears country or website.',
})
export class ProviderUpdateInput extends ProviderFieldsInput {
  @Field(() => String, {
    nullable: true,
    description: 'The name it goes by (2 to 200 characters).',
  })
  @IsOptional()
  @Length(2, 200)
  name?: string | null;

  @Field(() => ProviderKind, { nullable: true, description: 'What sort of organisation it is.' })
  @IsOptional()
  kind?: ProviderKind | null;
}
