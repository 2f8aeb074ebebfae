import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { AnalyticsResolver } from '../analytics/consistency.resolver';
import { CredentialResolver } from '../credential/credential.resolver';
import { JobRoleResolver } from '../job-role/job-role.resolver';
import { LearnerResolver } from '../learner/learner.resolver';
import { PathwayResolver } from '../pathway/pathway.resolver';
import { ProviderResolver } from '../provider/provider.resolver';
import { RegistryResolver } from '../registry/registry.resolver';
import { SearchResolver } from '../search/search.resolver';
import { SkillResolver } from '../skill/skill.resolver';
import { StandardsResolver } from '../standards/standards.resolver';
import type { EventBus } from './events';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  RegistryResolver,
  ProviderResolver,
  CredentialResolver,
  SkillResolver,
  JobRoleResolver,
  LearnerResolver,
  SearchResolver,
  PathwayResolver,
  AnalyticsResolver,
  StandardsResolver,
];

/** Builds the executable schema from the resolver classes; `pubSub` carries subscription events. */
export function buildRegistrySchema(pubSub: EventBus): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    pubSub,
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
}
