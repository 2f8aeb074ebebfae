import {
  filterParams,
  type CredentialQuery,
  type EquivalenceAssertion,
} from '../credential/credential.repository';
import type { Credential } from '../credential/credential.type';
import type { Database } from '../db/database';
import type { JobRole } from '../job-role/job-role.type';
import { Skill } from '../skill/skill.type';
import { nodeFrom, type Projected } from '../lib/lookahead';

export interface HeldMatch {
  skillId: string;
  skill: Skill;
  level: number;
  credential: Credential | null;
  source: string;
  exact: boolean;
}

export interface GapRow {
  role: JobRole;
  req: Skill;
  essential: boolean;
  importance: number;
  level: number;
  /** False when the requirement rests on a rating O*NET recommends suppressing. */
  reliable: boolean;
  matches: HeldMatch[];
  earned: string[];
  learnerFound: boolean;
}

export interface PlanCandidateRow {
  node: Credential;
  covers: string[];
  prerequisites: Credential[];
  edges: { from: string; to: string }[];
}

export interface StackingRow {
  start: Credential;
  steps: { credential: Credential; link: string; required: boolean | null }[];
  totalHours: number;
  /** Null when a credential on the path has no price. */
  totalPrice: number | null;
  priceKnown: boolean;
  currencies: string[];
  providerIds: string[];
}

/** A skill as the headline queries name it, with its direct links where asked for. */
export interface SkillRef {
  id: string;
  /** Its preferred label, where the query returns it. */
  label?: string;
  /** Direct BROADER skills, where the query returns them. */
  parents?: string[];
  /** Direct narrower skills, where the query returns them. */
  children?: string[];
  /** How many credentials teach it, where the query returns it. */
  df?: number;
}

/** A candidate credential as scoring reads it; the chosen ones load whole afterwards. */
export type CandidateNode = Pick<Credential, 'id' | 'providerId' | 'eqfLevel' | 'hours'>;

export interface BroadeningRow {
  startSkills: string[];
  eqf: number | null;
  adjacency: { id: string; via: string; how: string }[];
  candidates: { node: { id: string }; skills: SkillRef[]; siblingOf: string[] }[];
}

export interface EquivalenceRow {
  start: Credential;
  skills: SkillRef[];
  candidates: { node: CandidateNode; skills: SkillRef[] }[];
  /** How many credentials the registry holds (for skill weights). */
  catalogue: number;
  /** The credentials declared equivalent to the start, with who asserted it. */
  declared: { node: Credential; assertions: EquivalenceAssertion[] }[];
}

export interface GapQuery {
  roleId: string;
  learnerId: string | null;
  skills: { skillId: string; level: number }[];
  fromRoleId: string | null;
  includeOptional: boolean;
  today: string;
}

/** The headline queries' Cypher: each method is one round trip. */
export class PathwayRepository {
  constructor(private readonly db: Database) {}

  findSkillGap(query: GapQuery): Promise<GapRow[]> {
    return this.db.read<GapRow & Record<string, unknown>>('pathway/find-skill-gap', { ...query });
  }

  findPlanCandidates(
    missing: { skillId: string; level: number }[],
    filter: CredentialQuery,
    limit: number,
  ) {
    // Candidates are active and are chosen by the skills they cover, not by the filter's.
    return this.db.read<PlanCandidateRow & Record<string, unknown>>(
      'pathway/find-plan-candidates',
      { ...filterParams({ ...filter, statuses: null, skillIds: null }), missing, limit },
    );
  }

  findStackingPaths(params: {
    from: string;
    to: string | null;
    direction: string;
    maxDepth: number;
    first: number;
  }): Promise<StackingRow[]> {
    return this.db.read<StackingRow & Record<string, unknown>>(
      'pathway/find-stacking-paths',
      params,
    );
  }

  async findBroadeningOptions(params: {
    credentialId: string | null;
    learnerId: string | null;
    today: string;
    limit: number;
  }): Promise<BroadeningRow | null> {
    const [row] = await this.db.read<{
      startSkills: string[];
      eqf: number | null;
      adjacency: [string, string, string][];
      candidates: [string, string[], string[]][];
    }>('pathway/find-broadening-options', params);
    if (!row) return null;
    return {
      startSkills: row.startSkills,
      eqf: row.eqf,
      adjacency: row.adjacency.map(([id, via, how]) => ({ id, via, how })),
      candidates: row.candidates.map(([id, skills, siblingOf]) => ({
        node: { id },
        skills: skills.map((skill) => ({ id: skill })),
        siblingOf,
      })),
    };
  }

  /** The whole nodes of the credentials and skills an answer names, in one round trip. */
  async findNamedNodes(
    credentialIds: readonly string[],
    skillIds: readonly string[],
    skillFields: string[] | null,
  ): Promise<{ credentials: Credential[]; skills: Skill[] }> {
    const [row] = await this.db.read<{ credentials: Credential[]; skills: Projected<Skill>[] }>(
      'pathway/find-named-nodes',
      { credentialIds, skillIds, skillFields },
    );
    return {
      credentials: row?.credentials ?? [],
      skills: (row?.skills ?? []).map((s) => nodeFrom(s, skillFields, Skill)),
    };
  }

  async findEquivalenceCandidates(
    id: string,
    limit: number,
    declaredLimit: number,
  ): Promise<EquivalenceRow | null> {
    const [row] = await this.db.read<{
      start: Credential;
      skills: SkillRef[];
      candidates: [string, string, number | null, number | null, [string, number][]][];
      catalogue: number;
      declared: { node: Credential; assertions: EquivalenceAssertion[] }[];
    }>('pathway/find-equivalence-candidates', { id, limit, declaredLimit });
    if (!row) return null;
    return {
      ...row,
      candidates: row.candidates.map(([id, providerId, eqfLevel, hours, skills]) => ({
        node: { id, providerId, eqfLevel, hours },
        skills: skills.map(([skill, df]) => ({ id: skill, df })),
      })),
    };
  }
}
