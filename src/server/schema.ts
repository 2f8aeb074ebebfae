import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { AnalyticsResolver } from '../analytics/analytics.resolver';
import { CredentialResolver } from '../credential/credential.resolver';
import { JobRoleResolver } from '../job-role/job-role.resolver';
import { LearnerResolver } from '../learner/learner.resolver';
import { PathwayResolver } from '../pathway/pathway.resolver';
import { ProviderResolver } from '../provider/provider.resolver';
import { RegistryResolver } from '../registry/registry.resolver';
import { SearchResolver } from '../search/search.resolver';
import type { RegistryEventBus, Services } from '../services';
import { SkillResolver } from '../skill/skill.resolver';
import { StandardsResolver } from '../standards/standards.resolver';
import { authChecker } from './auth-checker';
import { applyInputHygiene } from './input-hygiene';

/** One resolver instance per class, each given the service it needs. */
export function createResolvers(s: Services): object[] {
  return [
    new RegistryResolver(s.registry),
    new ProviderResolver(s.provider),
    new CredentialResolver(s.credential),
    new SkillResolver(s.skill),
    new JobRoleResolver(s.jobRole),
    new LearnerResolver(s.learner),
    new SearchResolver(s.search),
    new PathwayResolver(s.pathway),
    new AnalyticsResolver(s.analytics),
    new StandardsResolver(s.standards),
  ];
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const RESOLVER_CLASSES: NonEmptyArray<Function> = [
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

/**
 * Builds the executable schema from the resolver classes. `pubSub` carries subscription events;
 * `instances` are the resolvers type-graphql calls (none are needed to print the SDL).
 */
export async function buildRegistrySchema(
  pubSub: RegistryEventBus,
  instances: object[] = [],
): Promise<GraphQLSchema> {
  const byClass = new Map<unknown, object>(instances.map((i) => [i.constructor, i]));
  const schema = await buildSchema({
    resolvers: RESOLVER_CLASSES,
    pubSub,
    authChecker,
    container: {
      get: (cls: { name: string }) => {
        const instance = byClass.get(cls);
        if (!instance) throw new Error(`No ${cls.name} instance: build the schema with services.`);
        return instance;
      },
    },
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
  return applyInputHygiene(schema);
}
