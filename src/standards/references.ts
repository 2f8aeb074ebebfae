import { ctidFor } from '../credential/credential.rules';
import type { Credential } from '../credential/credential.type';
import type { JobRole } from '../job-role/job-role.type';
import type { Provider } from '../provider/provider.type';
import { Framework, type Skill } from '../skill/skill.type';
import { CE_RESOURCES } from './ctdl-terms';

/** What an export needs of a credential: the node and what it links to. */
export interface ExportInput {
  credential: Credential;
  provider: Provider | null;
  skills: { skill: Skill; level: number }[];
  jobRoles: JobRole[];
  prerequisites: Credential[];
  wholes: Credential[];
  parts: { credential: Credential; required: boolean }[];
}

/** The rows a credential's links come as (from the loaders or the repository). */
interface LinkRows {
  skills: { node: Skill; level: number }[];
  jobRoles: { node: JobRole }[];
  prerequisites: { node: Credential }[];
  wholes: { node: Credential }[];
  parts: { node: Credential; required?: boolean | null }[];
}

/** An export input from a credential, its provider and its link rows. */
export function exportInputOf(
  credential: Credential,
  provider: Provider | null,
  rows: LinkRows,
): ExportInput {
  return {
    credential,
    provider,
    skills: rows.skills.map((r) => ({ skill: r.node, level: r.level })),
    jobRoles: rows.jobRoles.map((r) => r.node),
    prerequisites: rows.prerequisites.map((r) => r.node),
    wholes: rows.wholes.map((r) => r.node),
    parts: rows.parts.map((r) => ({ credential: r.node, required: r.required ?? true })),
  };
}

/** The CTID a credential is published under: its own, or the one minted from its id. */
export const credentialCtid = (c: Credential): string => c.ctid ?? ctidFor(c.id);
/** The CTID a provider is published under (minted from its id). */
export const providerCtid = (providerId: string): string => ctidFor(`provider:${providerId}`);
/** A published resource's URI. */
export const resourceUri = (ctid: string): string => `${CE_RESOURCES}${ctid}`;

/** The registry's own URI for one of its records (`credentials`, `skills`, `providers`). */
export const registryUri = (baseUrl: string, kind: string, id: string): string =>
  `${baseUrl}/${kind}/${encodeURIComponent(id)}`;

/** The id an own registry URI names, if it is one of `kind`. */
export function registryIdIn(baseUrl: string, kind: string, uri: string): string | null {
  const prefix = `${baseUrl}/${kind}/`;
  return uri.startsWith(prefix) ? decodeURIComponent(uri.slice(prefix.length)) : null;
}

const ABSOLUTE = /^https?:\/\//;
const ONET_SOC = /\b(\d{2}-\d{4}\.\d{2})\b/;

/** ESCO and O*NET as the frameworks alignments name (scheme URI and name). */
const SKILL_FRAMEWORKS: Record<Framework, { uri: (baseUrl: string) => string; name: string }> = {
  [Framework.ESCO]: {
    uri: () => 'http://data.europa.eu/esco/concept-scheme/skills',
    name: 'ESCO skills',
  },
  [Framework.ONET]: {
    uri: () => 'https://www.onetcenter.org/content.html',
    name: 'O*NET Content Model',
  },
  [Framework.CUSTOM]: { uri: (b) => `${b}/skills`, name: 'Credential Graph provider skills' },
};
const JOB_ROLE_FRAMEWORKS: Record<Framework, { uri: string; name: string }> = {
  [Framework.ESCO]: {
    uri: 'http://data.europa.eu/esco/concept-scheme/occupations',
    name: 'ESCO occupations',
  },
  [Framework.ONET]: {
    uri: 'https://www.onetcenter.org/taxonomy.html',
    name: 'O*NET-SOC taxonomy',
  },
  [Framework.CUSTOM]: { uri: 'urn:credential-graph:job-roles', name: 'Credential Graph job roles' },
};

/** A skill as an alignment target: URI, framework, and its code where the id is a code. */
export function skillTarget(baseUrl: string, skill: Skill) {
  const framework = SKILL_FRAMEWORKS[skill.framework];
  const isUri = ABSOLUTE.test(skill.id);
  return {
    uri: isUri ? skill.id : registryUri(baseUrl, 'skills', skill.id),
    code: isUri ? null : skill.id,
    framework: framework.uri(baseUrl),
    frameworkName: framework.name,
  };
}

/**
 * A job role as an alignment target: ESCO by its URI, O*NET-SOC codes as their O*NET OnLine page,
 * any other role by its registry URI.
 */
export function jobRoleTarget(baseUrl: string, role: JobRole) {
  const framework = JOB_ROLE_FRAMEWORKS[role.framework];
  const isUri = ABSOLUTE.test(role.id);
  const soc = ONET_SOC.test(role.id);
  return {
    uri: isUri
      ? role.id
      : soc
        ? `https://www.onetonline.org/link/summary/${role.id}`
        : registryUri(baseUrl, 'job-roles', role.id),
    code: isUri ? (role.code ?? null) : role.id,
    framework: framework.uri,
    frameworkName: framework.name,
  };
}

/** The registry skill ids a reference may stand for, most likely first. */
export function skillCandidates(baseUrl: string, ref: string, code: string | null): string[] {
  const own = registryIdIn(baseUrl, 'skills', ref);
  return [...new Set([own, ref, code].filter((x): x is string => !!x))];
}

/** The registry job role ids a reference may stand for: itself, its registry id, its O*NET-SOC code. */
export function jobRoleCandidates(baseUrl: string, ref: string): string[] {
  const own = registryIdIn(baseUrl, 'job-roles', ref);
  const soc = ONET_SOC.exec(ref)?.[1];
  return [...new Set([own, ref, soc].filter((x): x is string => !!x))];
}
