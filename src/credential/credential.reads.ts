import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import {
  argumentsBelow,
  connectionNodes,
  projection,
  selectionsAt,
  type NodeShape,
} from '../lib/lookahead';
import { MAX_PAGE_SIZE, offsetAfter } from '../lib/pagination';
import { credentialWants, wantsAnything, type ReadShapes } from './credential.wants';
import { SKILL_SHAPE } from '../skill/skill.type';
import type { CredentialFilter } from './credential.inputs';
import type { CredentialQuery, CredentialReadPlan } from './credential.repository';
import { catalogueFilter, PROPERTY_NAMES } from './credential.rules';

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

/** A page of credentials a read asks for below the current field, as its field will load it. */
export interface PageAsked {
  filter: CredentialQuery;
  skip: number;
  first: number;
  plan: CredentialReadPlan;
}

/**
 * The page of credentials asked for below the current field (`credentials` of a `typeName`), so
 * the read above can bring it in the same round trip; null when none is asked or its arguments are
 * not a page the field will serve (a bad cursor, a size out of bounds): the field then says why.
 */
export function pageAskedBelow(info: GraphQLResolveInfo, typeName: string): PageAsked | null {
  const args = argumentsBelow(info, typeName, 'credentials');
  if (!args) return null;
  const { first, after } = args;
  // The schema has coerced the filter to a CredentialFilter's shape (or left it out).
  const filter: unknown = args.filter ?? null;
  if (typeof first !== 'number' || first < 0 || first > MAX_PAGE_SIZE) return null;
  if (after !== null && after !== undefined && typeof after !== 'string') return null;
  let skip: number;
  try {
    skip = offsetAfter(after);
  } catch {
    return null;
  }
  return {
    filter: catalogueFilter(filter as CredentialFilter | null),
    skip,
    first,
    plan: planConnectionRead(info, selectionsAt(info, info.fieldNodes, ['credentials'])),
  };
}
