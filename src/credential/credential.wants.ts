import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { projection, subfields, under, type NodeShape } from '../lib/lookahead';

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

/** What is asked of a linked credential. */
export interface LinkedWants {
  provider: boolean;
  skills: boolean;
}

/** The node shapes a credential read projects by. */
export interface ReadShapes {
  readonly credential: NodeShape;
  readonly skill: NodeShape;
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
