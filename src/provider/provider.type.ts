import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from '../lib/pagination';

export enum ProviderKind {
  UNIVERSITY = 'UNIVERSITY',
  COLLEGE = 'COLLEGE',
  COMPANY = 'COMPANY',
  ASSOCIATION = 'ASSOCIATION',
  PLATFORM = 'PLATFORM',
  PUBLIC_BODY = 'PUBLIC_BODY',
  OTHER = 'OTHER',
}
registerEnumType(ProviderKind, {
  name: 'ProviderKind',
  description: 'What sort of organisation a provider is.',
});

@ObjectType({ simpleResolvers: true, description: 'An organisation that offers credentials.' })
export class Provider {
  @Field(() => ID, {
    description: 'Stable identifier, a lowercase slug such as `northbridge-university`.',
  })
  id!: string;

  @Field(() => String, { description: 'The name the provider goes by.' })
  name!: string;

  @Field(() => ProviderKind, { description: 'What sort of organisation this is.' })
  kind!: ProviderKind;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 3166-1 alpha-2 country code of its seat.',
  })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'Its public website.' })
  website?: string | null;

  @Field(() => String, { description: 'When it was registered (ISO-8601, UTC).' })
  createdAt!: string;
}

export const ProviderConnection = connectionType('Provider', Provider);

@ObjectType({
  simpleResolvers: true,
  description: 'A provider and its API key; the key is shown this once only.',
})
export class ProviderWithKey {
  @Field(() => Provider, { description: 'The provider.' })
  provider!: Provider;

  @Field(() => String, {
    nullable: true,
    description:
      'Its new API key (`Authorization: Bearer <key>`). Store it now: only its hash is kept. Null ' +
      'when registerProvider found the provider registered already (its keys stay as they are).',
  })
  apiKey!: string | null;

  @Field(() => Boolean, {
    description: 'True when this call created the provider; false when it existed already.',
  })
  created!: boolean;
}
