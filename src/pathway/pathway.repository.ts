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
  partsExceedWhole: boolean;
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
  /**
   * A skill that says little about a topic (ESCO transversal, an O*NET skill or knowledge area,
   * a skill group), where the query returns it.
   */
  generic?: boolean;
  /** For a custom skill: its group across providers (see comparable-skill), where returned. */
  group?: string;
}

/** A candidate credential as scoring reads it; the chosen ones load whole afterwards. */
export type CandidateNode = Pick<Credential, 'id' | 'providerId' | 'eqfLevel' | 'hours'>;

/** A skill as the fragment skill-facts returns it: [id, df, generic, group]. */
type SkillFacts = [string, number, boolean, string | null];

const skillRef = ([id, df, generic, group]: SkillFacts): SkillRef =>
  group ? { id, df, generic, group } : { id, df, generic };

export interface BroadeningRow {
  startSkills: SkillRef[];
  eqf: number | null;
  adjacency: { id: string; via: string; how: string }[];
  candidates: { node: { id: string }; skills: SkillRef[]; siblingOf: string[] }[];
  /** How many credentials the registry holds (for skill weights). */
  catalogue: number;
}

/** What text similarity reads of a credential. */
export interface CredentialText {
  title: string;
  description?: string | null;
  providerName?: string | null;
}

export interface EquivalenceRow {
  start: Credential;
  providerName: string | null;
  skills: SkillRef[];
  candidates: { node: CandidateNode; text: CredentialText; skills: SkillRef[] }[];
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
      skills: SkillFacts[];
      catalogue: number;
    }>('pathway/find-broadening-options', params);
    if (!row) return null;
    const facts = new Map(row.skills.map((f) => [f[0], skillRef(f)]));
    const ref = (id: string) => facts.get(id) ?? { id };
    return {
      startSkills: row.startSkills.map(ref),
      eqf: row.eqf,
      adjacency: row.adjacency.map(([id, via, how]) => ({ id, via, how })),
      candidates: row.candidates.map(([id, skills, siblingOf]) => ({
        node: { id },
        skills: skills.map(ref),
        siblingOf,
      })),
      catalogue: row.catalogue,
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
    limits: { candidates: number; byTitle: number; declared: number },
  ): Promise<EquivalenceRow | null> {
    const [row] = await this.db.read<{
      start: Credential;
      providerName: string | null;
      skills: SkillRef[];
      candidates: [
        string,
        string,
        number | null,
        number | null,
        string,
        string,
        string | null,
        string[],
      ][];
      candidateSkills: [string, number, string | null][];
      catalogue: number;
      declared: { node: Credential; assertions: EquivalenceAssertion[] }[];
    }>('pathway/find-equivalence-candidates', {
      id,
      limit: limits.candidates,
      titleLimit: limits.byTitle,
      declaredLimit: limits.declared,
    });
    if (!row) return null;
    const facts = new Map(
      row.candidateSkills.map(([skill, df, group]): [string, SkillRef] => [
        skill,
        group ? { id: skill, df, group } : { id: skill, df },
      ]),
    );
    return {
      start: row.start,
      providerName: row.providerName,
      catalogue: row.catalogue,
      declared: row.declared,
      skills: row.skills.map(({ group, ...s }) => (group ? { ...s, group } : s)),
      candidates: row.candidates.map(
        ([id, providerId, eqfLevel, hours, title, description, providerName, skills]) => ({
          node: { id, providerId, eqfLevel, hours },
          text: { title, description, providerName },
          skills: skills.map((skill) => facts.get(skill) ?? { id: skill }),
        }),
      ),
    };
  }
}
