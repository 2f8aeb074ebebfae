import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import {
  connectionNodes,
  credentialWants,
  projection,
  wantsAnything,
  type NodeShape,
  type ReadShapes,
} from '../lib/lookahead';
import { SKILL_SHAPE } from '../skill/skill.type';
import type { CredentialReadPlan } from './credential.repository';
import { PROPERTY_NAMES } from './credential.rules';

/**
 * How a read may project a credential node (see NodeShape): the fields that are its properties,
 * and the ones whose resolvers read only its id and provider id (its links, fetched or prefetched).
 * Any other field (the standards exports, completeness) reads the whole node, so asking for one
 * brings every property.
 */
export const CREDENTIAL_SHAPE: NodeShape = {
  properties: new Set<string>([
    'id',
    'externalId',
    'providerId',
    // translationsJson is storage: the `translations` field parses it from the whole node.
    ...PROPERTY_NAMES.filter((name) => name !== 'translationsJson'),
    'status',
    'createdAt',
    'updatedAt',
  ]),
  links: new Set([
    'provider',
    'skills',
    'prerequisites',
    'unlocks',
    'partOf',
    'parts',
    'declaredEquivalents',
    'preparesFor',
  ]),
  always: ['id', 'providerId'],
};

export const READ_SHAPES: ReadShapes = { credential: CREDENTIAL_SHAPE, skill: SKILL_SHAPE };

/** The read plan of credential selections (a list field's, or a connection's `nodes`). */
export function planCredentialRead(
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  credentials: readonly FieldNode[],
): CredentialReadPlan {
  const want = credentialWants(info, credentials, READ_SHAPES);
  return {
    nodeFields: projection(info, credentials, CREDENTIAL_SHAPE),
    want: wantsAnything(want) ? want : null,
  };
}

/** The read plan of a connection field's credentials (its `nodes` and `edges { node }`). */
export function planConnectionRead(
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  connection: readonly FieldNode[],
): CredentialReadPlan {
  return planCredentialRead(info, connectionNodes(info, connection));
}
