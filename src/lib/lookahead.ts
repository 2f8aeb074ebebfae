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
  /** Whether any skill fetched asks for its description or alternative labels (the heavy part). */
  skillDetail: boolean;
  skillBroader: boolean;
  jobRoles: boolean;
  /** For each linked kind, what is asked of the linked credentials (null: not asked). */
  prerequisites: LinkedWants | null;
  parts: LinkedWants | null;
  wholes: LinkedWants | null;
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
  const skillFields = subfields(info, skillNodes);
  return {
    provider: fields.has('provider'),
    skills: skills.length > 0,
    skillDetail: skillFields.has('description') || skillFields.has('altLabels'),
    skillBroader: under(info, skills, 'skill').some((s) => subfields(info, [s]).has('broader')),
    jobRoles: fields.has('preparesFor'),
    prerequisites: prerequisites ? (linked(info, prerequisites) ?? NOTHING) : null,
    parts: parts ? (linked(info, parts) ?? NOTHING) : null,
    wholes: wholes ? (linked(info, wholes) ?? NOTHING) : null,
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
