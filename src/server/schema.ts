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

/** A resolver class and the service its instance is given. */
interface ResolverEntry {
  readonly resolver: new (service: never) => object;
  make(services: Services): object;
}

function entry<S>(
  resolver: new (service: S) => object,
  service: (s: Services) => S,
): ResolverEntry {
  return { resolver, make: (s) => new resolver(service(s)) };
}

/** Every resolver of the schema, once: its class and the service it is built with. */
const RESOLVERS = [
  entry(RegistryResolver, (s) => s.registry),
  entry(ProviderResolver, (s) => s.provider),
  entry(CredentialResolver, (s) => s.credential),
  entry(SkillResolver, (s) => s.skill),
  entry(JobRoleResolver, (s) => s.jobRole),
  entry(LearnerResolver, (s) => s.learner),
  entry(SearchResolver, (s) => s.search),
  entry(PathwayResolver, (s) => s.pathway),
  entry(AnalyticsResolver, (s) => s.analytics),
  entry(StandardsResolver, (s) => s.standards),
] as const;

const RESOLVER_CLASSES: NonEmptyArray<ResolverEntry['resolver']> = [
  RESOLVERS[0].resolver,
  ...RESOLVERS.slice(1).map((r) => r.resolver),
];

/** One resolver instance per class, each given the service it needs. */
export function createResolvers(s: Services): object[] {
  return RESOLVERS.map((r) => r.make(s));
}

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
