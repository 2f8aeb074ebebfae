import {
  getArgumentValues,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

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
 * is the one its fields see: what the read brought below it can travel with it (credential/credential.held-reads.ts).
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

/** The selections of the field `name` under some field nodes, fragments and aliases merged. */
export const under = (
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
