import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { RegistryResolver } from '../registry/registry.resolver';
import type { EventBus } from './events';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [RegistryResolver];

/** Builds the executable schema from the resolver classes; `pubSub` carries subscription events. */
export function buildRegistrySchema(pubSub: EventBus): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    pubSub,
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
}
