import {
  getArgumentValues,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/**
 * What a credential read asks for below the credentials it returns, read from the query's
 * selection before anything is fetched, so one Cypher round trip can bring it all (see
 * cypher/credential/find-relations.cypher). Two credential levels deep: the credentials returned
 * and the ones they link to (prerequisites, parts, wholes); below that the DataLoaders fetch.
 */
export interface CredentialWants {
  provider: boolean;
  skills: boolean;
  skillBroader: boolean;
  jobRoles: boolean;
  /** For each linked kind, what is asked of the linked credentials (null: not asked). */
  prerequisites: LinkedWants | null;
  parts: LinkedWants | null;
  wholes: LinkedWants | null;
  /**
   * The properties to bring of the linked credentials and of the skills (taught, broader, taught
   * by linked credentials), each the union over their selections; null: every property.
   */
  fields: { linked: string[] | null; skill: string[] | null };
}

/**
 * Which fields of a node type its node's properties answer, so a read can project only the
 * properties a query asks for (what is sent over Bolt and decoded is most of a nested read's cost).
 */
export interface NodeShape {
  /** Fields read straight from the node property of the same name. */
  readonly properties: ReadonlySet<string>;
  /** Fields whose resolvers read no property but `always` (links by id, fetched or prefetched). */
  readonly links: ReadonlySet<string>;
  /** Properties every read brings, whatever is asked: what the link resolvers read. */
  readonly always: readonly string[];
}

/** The node shapes a credential read projects by. */
export interface ReadShapes {
  readonly credential: NodeShape;
  readonly skill: NodeShape;
}

/**
 * The properties to bring for these selections of a node type: `always`, then the property fields
 * asked; null (every property) when a field the shape does not know is asked, since its resolver
 * may read any property.
 */
export function projection(
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  nodes: readonly FieldNode[],
  shape: NodeShape,
): string[] | null {
  const asked = new Set(shape.always);
  for (const name of subfields(info, nodes).keys()) {
    if (name === '__typename' || shape.links.has(name)) continue;
    if (!shape.properties.has(name)) return null;
    asked.add(name);
  }
  return [...asked];
}

/** A node as Cypher projected it: a map of every property, or the values of `fields` in order. */
export type Projected<T> = T | unknown[];

/**
 * A projected node as an instance of its GraphQL type. type-graphql passes instances to field
 * resolvers as they are (a plain object it copies for each field), so the object a read returned
 * is the one its fields see: what the read brought below it can travel with it (server/loaders).
 */
export function nodeFrom<T extends object>(
  value: Projected<T>,
  fields: readonly string[] | null,
  type: new () => T,
): T {
  const node = Object.create(type.prototype as object) as Record<string, unknown>;
  if (Array.isArray(value)) (fields ?? []).forEach((field, i) => (node[field] = value[i]));
  else Object.assign(node, value);
  return node as T;
}

/** The selections at the end of each path of field names below some field nodes, merged. */
export function selectionsAt(
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  nodes: readonly FieldNode[],
  ...paths: readonly string[][]
): FieldNode[] {
  return paths.flatMap((path) =>
    path.reduce<readonly FieldNode[]>((at, name) => under(info, at, name), nodes),
  );
}

/** What is asked of a linked credential. */
export interface LinkedWants {
  provider: boolean;
  skills: boolean;
}

/** The fields selected under some field nodes, by name, fragments and aliases merged. */
export function subfields(
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  nodes: readonly FieldNode[],
): Map<string, FieldNode[]> {
  const out = new Map<string, FieldNode[]>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        out.set(selection.name.value, [...(out.get(selection.name.value) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else {
        visit(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of nodes) visit(node.selectionSet);
  return out;
}

const under = (
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  nodes: readonly FieldNode[],
  name: string,
): FieldNode[] => subfields(info, nodes).get(name) ?? [];

/** The credential selections of a connection field: its `nodes` and `edges { node }`. */
export function connectionNodes(
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  nodes: readonly FieldNode[],
): FieldNode[] {
  return [...under(info, nodes, 'nodes'), ...under(info, under(info, nodes, 'edges'), 'node')];
}

function linked(
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  credentials: readonly FieldNode[],
): LinkedWants | null {
  if (credentials.length === 0) return null;
  const fields = subfields(info, credentials);
  return { provider: fields.has('provider'), skills: fields.has('skills') };
}

/** What the given credential selections ask for (see CredentialWants). */
export function credentialWants(
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  credentials: readonly FieldNode[],
  shapes: ReadShapes,
): CredentialWants {
  const fields = subfields(info, credentials);
  const skills = fields.get('skills') ?? [];
  const links = (name: string) => {
    const found = fields.get(name);
    return found ? under(info, found, 'credential') : null;
  };
  const prerequisites = fields.get('prerequisites');
  const parts = links('parts');
  const wholes = links('partOf');
  // Skill selections anywhere the prefetch reaches: taught skills, their broader skills, and the
  // taught skills of linked credentials.
  const skillNodes = [
    ...under(info, skills, 'skill'),
    ...under(info, under(info, skills, 'skill'), 'broader'),
    ...[prerequisites ?? [], parts ?? [], wholes ?? []].flatMap((linkedNodes) =>
      under(info, under(info, linkedNodes, 'skills'), 'skill'),
    ),
  ];
  const linkedNodes = [prerequisites ?? [], parts ?? [], wholes ?? []].flat();
  return {
    provider: fields.has('provider'),
    skills: skills.length > 0,
    skillBroader: under(info, skills, 'skill').some((s) => subfields(info, [s]).has('broader')),
    jobRoles: fields.has('preparesFor'),
    prerequisites: prerequisites ? (linked(info, prerequisites) ?? NOTHING) : null,
    parts: parts ? (linked(info, parts) ?? NOTHING) : null,
    wholes: wholes ? (linked(info, wholes) ?? NOTHING) : null,
    fields: {
      linked: projection(info, linkedNodes, shapes.credential),
      skill: projection(info, skillNodes, shapes.skill),
    },
  };
}

const NOTHING: LinkedWants = { provider: false, skills: false };

/** Whether the wants ask for anything the credential nodes themselves do not hold. */
export function wantsAnything(w: CredentialWants): boolean {
  return w.provider || w.skills || w.jobRoles || !!w.prerequisites || !!w.parts || !!w.wholes;
}

/**
 * The arguments (defaults applied, variables read) of the first selection of `field` below the
 * current one, when the current field returns `typeName`; null when it is not selected.
 */
export function argumentsBelow(
  info: Pick<GraphQLResolveInfo, 'fragments' | 'fieldNodes' | 'schema' | 'variableValues'>,
  typeName: string,
  field: string,
): Record<string, unknown> | null {
  const node = subfields(info, info.fieldNodes).get(field)?.[0];
  const type = info.schema.getType(typeName);
  const def = isObjectType(type) ? type.getFields()[field] : undefined;
  if (!node || !def) return null;
  return getArgumentValues(def, node, info.variableValues);
}
