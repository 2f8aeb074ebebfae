import type { Database, Tx } from '../db/database';
import type { JobRole } from '../job-role/job-role.type';
import { nowIso } from '../lib/clock';
import type { RelationRow } from '../lib/loader';
import { nodeFrom, type Projected } from '../lib/lookahead';
import type { CredentialWants } from './credential.wants';
import { pageOf, type Page } from '../lib/pagination';
import type { Provider } from '../provider/provider.type';
import { SKILL_LIST_BOUNDS } from '../skill/skill.repository';
import { Skill } from '../skill/skill.type';
import {
  Credential,
  type CredentialStatus,
  type CredentialType,
  type DeliveryMode,
} from './credential.type';
import { present } from '../lib/present';

/**
 * The most items each list of a credential serves: skills and job roles as registration allows,
 * links (prerequisites, unlocks, parts, wholes, declared equivalents) capped per credential.
 */
export const CREDENTIAL_LIST_BOUNDS = { skills: 200, jobRoles: 50, links: 100 } as const;

/**
 * How to read a list of credentials for the selections below it: the properties to bring of each
 * (null: all) and what to bring below them in the same round trip (null: nothing).
 */
export interface CredentialReadPlan {
  readonly nodeFields: string[] | null;
  readonly want: RelationWants | null;
}

/** What to fetch below credentials (the $want of the fragment credential-relations). */
export type RelationWants = CredentialWants;

/** A taught skill as a read brings it (broader skills only when asked). */
export interface TaughtRow {
  node: Skill;
  level: number;
  label: string | null;
  broader?: Skill[] | null;
}

/** A linked credential as a read brings it. */
export interface LinkedRow {
  node: Credential;
  required: boolean | null;
  provider: Provider[] | null;
  skills: TaughtRow[] | null;
}

/** What the fragment credential-relations gives for one credential (null: not asked). */
export interface CredentialRelations {
  provider: Provider[] | null;
  skills: TaughtRow[] | null;
  jobRoles: JobRole[] | null;
  prerequisites: LinkedRow[] | null;
  parts: LinkedRow[] | null;
  wholes: LinkedRow[] | null;
}

/**
 * A credential as a list read gives it: only the properties its plan asked for (all when the plan
 * said null), with what the read asks for below it, if anything.
 */
export interface CredentialRead {
  node: Credential;
  relations: CredentialRelations | null;
}

/** One row of find-relations: a whole credential and what the read asks for below it. */
export interface RelationsRow {
  key: string;
  node: Credential;
  relations: CredentialRelations;
}

/** The fragment credential-relations' list: [provider, skills, jobRoles, prerequisites, parts, wholes]. */
type RawRelations = [unknown, unknown, unknown, unknown, unknown, unknown];

/** Turns the lists of a credential-relations read back into named rows and nodes. */
function relationsFrom(raw: RawRelations, want: RelationWants): CredentialRelations {
  const skill = (node: unknown) => nodeFrom(node as Projected<Skill>, want.fields.skill, Skill);
  // Taught skills: [node, level, label, broader?].
  const taught = (rows: unknown): TaughtRow[] | null =>
    (rows as unknown[][] | null)?.map(([node, level, label, broader]) => ({
      node: skill(node),
      level: level as number,
      label: (label as string | null) ?? null,
      broader: (broader as unknown[] | null | undefined)?.map(skill) ?? null,
    })) ?? null;
  // Linked credentials: [node, required, provider, skills].
  const linked = (rows: unknown): LinkedRow[] | null =>
    (rows as unknown[][] | null)?.map(([node, required, provider, skills]) => ({
      node: nodeFrom(node as Projected<Credential>, want.fields.linked, Credential),
      required: required as boolean | null,
      provider: provider as Provider[] | null,
      skills: taught(skills),
    })) ?? null;
  const [provider, skills, jobRoles, prerequisites, parts, wholes] = raw;
  return {
    provider: provider as Provider[] | null,
    skills: taught(skills),
    jobRoles: jobRoles as JobRole[] | null,
    prerequisites: linked(prerequisites),
    parts: linked(parts),
    wholes: linked(wholes),
  };
}

/** The parameters of a list read by plan (find-page, provider/find-credentials); null: plain. */
export function readParams(plan: CredentialReadPlan | null) {
  return {
    nodeFields: plan?.nodeFields ?? null,
    want: plan?.want ?? null,
    limits: { ...CREDENTIAL_LIST_BOUNDS, broader: SKILL_LIST_BOUNDS.broader },
  };
}

/**
 * The credentials of a list read ([node, relations] pairs), as its plan projected them, with what
 * was brought below them.
 */
export function credentialReads(
  rows: readonly (readonly [unknown, unknown])[],
  plan: CredentialReadPlan | null,
): CredentialRead[] {
  return rows.map(([node, relations]) => ({
    node: nodeFrom(node as Projected<Credential>, plan?.nodeFields ?? null, Credential),
    relations: relations && plan?.want ? relationsFrom(relations as RawRelations, plan.want) : null,
  }));
}

/** The catalogue filter, already normalised: null means "any". */
export interface CredentialQuery {
  providerIds: string[] | null;
  types: CredentialType[] | null;
  skillIds: string[] | null;
  eqfMin: number | null;
  eqfMax: number | null;
  maxHours: number | null;
  maxPrice: number | null;
  language: string | null;
  deliveryModes: DeliveryMode[] | null;
  statuses: CredentialStatus[] | null;
}

/** The parameters of the fragment catalogue-filter for a filter. */
export function filterParams(query: CredentialQuery) {
  const { providerIds: _providers, statuses: _statuses, ...finer } = query;
  return {
    ...query,
    narrowed: Object.values(finer).some((value) => value !== null && value !== undefined),
  };
}

/** The descriptive properties a provider sets; null removes a property. */
export type CredentialProps = Record<string, string | number | null>;

export interface SkillLevel {
  skillId: string;
  level: number;
  /** The provider's own words for it, when it was given by label. */
  label?: string | null;
  /** The custom skill it was reached through, when a mapping moved it. */
  via?: string | null;
}

export type EquivalenceAssertion = { assertedBy: string; note: string | null; at: string };

/** Credentials and their links: one method per Cypher file; writes take the caller's transaction. */
export class CredentialRepository {
  constructor(private readonly db: Database) {}

  /**
   * The credentials standard documents refer to, by reference: each reference with the registry
   * ids it may be, the CTID in it and the achievement id it may be.
   */
  async findByIdentity(
    refs: { ref: string; ids: string[]; ctid: string | null; achievementId: string }[],
  ): Promise<{ ref: string; id: string }[]> {
    if (refs.length === 0) return [];
    return this.db.read<{ ref: string; id: string }>('credential/find-by-identity', { refs });
  }

  async findByIds(ids: readonly string[], q: Tx = this.db): Promise<Credential[]> {
    const rows = await q.run<{ node: Credential }>('credential/find-by-ids', { ids });
    return rows.map((r) => r.node);
  }

  /**
   * A catalogue page read by plan: each credential with the properties it asks for and what it
   * asks for below, in one round trip (a null plan: whole credentials, nothing below).
   */
  async findPage(
    query: CredentialQuery,
    skip: number,
    first: number,
    plan: CredentialReadPlan | null,
  ): Promise<Page<CredentialRead>> {
    const rows = await this.db.read<{ node: unknown; relations: unknown }>('credential/find-page', {
      ...filterParams(query),
      skip,
      first,
      ...readParams(plan),
    });
    return pageOf(
      credentialReads(
        rows.map((row) => [row.node, row.relations]),
        plan,
      ),
      first,
      () => this.db.count('credential/count-page', filterParams(query)),
    );
  }

  findSkills(ids: readonly string[], q: Tx = this.db) {
    return q.run<RelationRow<Skill, { level: number; label: string | null }>>(
      'credential/find-skills',
      {
        ids,
        limit: CREDENTIAL_LIST_BOUNDS.skills,
      },
    );
  }

  /**
   * These credentials, whole, with what `want` asks for below each, in one round trip (see
   * find-relations.cypher).
   */
  async findRelations(ids: readonly string[], want: RelationWants): Promise<RelationsRow[]> {
    const rows = await this.db.read<{ key: string; node: unknown; relations: unknown }>(
      'credential/find-relations',
      { ids, ...readParams({ nodeFields: null, want }) },
    );
    return rows.map((row) => ({
      key: row.key,
      node: nodeFrom(row.node as Credential, null, Credential),
      relations: relationsFrom(row.relations as RawRelations, want),
    }));
  }

  findPrerequisites(ids: readonly string[]) {
    return this.db.read<RelationRow<Credential>>('credential/find-prerequisites', {
      ids,
      limit: CREDENTIAL_LIST_BOUNDS.links,
    });
  }

  findUnlocks(ids: readonly string[]) {
    return this.db.read<RelationRow<Credential>>('credential/find-unlocks', {
      ids,
      limit: CREDENTIAL_LIST_BOUNDS.links,
    });
  }

  findWholes(ids: readonly string[]) {
    return this.db.read<RelationRow<Credential, { required: boolean }>>('credential/find-wholes', {
      ids,
      limit: CREDENTIAL_LIST_BOUNDS.links,
    });
  }

  findParts(ids: readonly string[]) {
    return this.db.read<RelationRow<Credential, { required: boolean }>>('credential/find-parts', {
      ids,
      limit: CREDENTIAL_LIST_BOUNDS.links,
    });
  }

  findDeclaredEquivalents(ids: readonly string[]) {
    return this.db.read<RelationRow<Credential, { assertions: EquivalenceAssertion[] }>>(
      'credential/find-declared-equivalents',
      { ids, declaredLimit: CREDENTIAL_LIST_BOUNDS.links },
    );
  }

  findJobRoles(ids: readonly string[], q: Tx = this.db) {
    return q.run<RelationRow<JobRole>>('credential/find-job-roles', {
      ids,
      limit: CREDENTIAL_LIST_BOUNDS.jobRoles,
    });
  }

  // Writes: each takes the transaction of the mutation it belongs to.

  async findMissingReferences(
    tx: Tx,
    skillIds: string[],
    jobRoleIds: string[],
  ): Promise<{ skills: string[]; jobRoles: string[] }> {
    const [row] = await tx.run<{ skills: string[]; jobRoles: string[] }>(
      'credential/find-missing-references',
      { skillIds, jobRoleIds },
    );
    return row ?? { skills: [], jobRoles: [] };
  }

  /** Registers credentials by (provider, externalId); each row says if it was created or changed. */
  async upsertMany(
    tx: Tx,
    rows: {
      index: number;
      providerId: string;
      externalId: string;
      id: string;
      props: CredentialProps;
      contentHash: string;
    }[],
  ): Promise<{ index: number; node: Credential; created: boolean; changed: boolean }[]> {
    if (rows.length === 0) return [];
    return tx.run<{ index: number; node: Credential; created: boolean; changed: boolean }>(
      'credential/upsert',
      { rows, now: nowIso() },
    );
  }

  async update(
    tx: Tx,
    id: string,
    props: CredentialProps,
    contentHash: string,
  ): Promise<Credential> {
    const [row] = await tx.run<{ node: Credential }>('credential/update', {
      id,
      props,
      contentHash,
      now: nowIso(),
    });
    return present(row, `the updated credential ${id}`).node;
  }

  async setStatus(tx: Tx, id: string, status: CredentialStatus): Promise<Credential> {
    const [row] = await tx.run<{ node: Credential }>('credential/set-status', {
      id,
      status,
      now: nowIso(),
    });
    return present(row, `the credential ${id} with its new status`).node;
  }

  /** Replaces the taught skills of each credential given. */
  async replaceSkills(tx: Tx, rows: { id: string; skills: SkillLevel[] }[]): Promise<void> {
    if (rows.length > 0) await tx.run('credential/replace-skills', { rows });
  }

  async setContentHashes(tx: Tx, rows: { id: string; hash: string }[]): Promise<void> {
    if (rows.length > 0) await tx.run('credential/set-content-hash', { rows });
  }

  /** Replaces the job roles each credential given prepares for. */
  async replaceJobRoles(tx: Tx, rows: { id: string; jobRoleIds: string[] }[]): Promise<void> {
    if (rows.length > 0) await tx.run('credential/replace-job-roles', { rows });
  }

  /**
   * Takes the lock that serialises changes to stacking links (see lock-links.cypher): one lock for
   * both kinds, as the cycle check reads both.
   */
  async lockLinks(tx: Tx): Promise<void> {
    await tx.run('credential/lock-links', { name: 'STACKING', now: nowIso() });
  }

  /** Whether a new link would close a cycle of prerequisites and parts (see the Cypher file). */
  async wouldCloseCycle(
    tx: Tx,
    kind: 'REQUIRES' | 'PART_OF',
    from: string,
    to: string,
  ): Promise<boolean> {
    const [row] = await tx.run<{ cycle: boolean }>('credential/would-close-cycle', {
      kind,
      from,
      to,
    });
    return row?.cycle ?? false;
  }

  async linkPrerequisite(tx: Tx, id: string, prerequisiteId: string): Promise<void> {
    await tx.run('credential/link-prerequisite', { id, prerequisiteId, now: nowIso() });
  }

  async unlinkPrerequisite(tx: Tx, id: string, prerequisiteId: string): Promise<number> {
    const [row] = await tx.run<{ removed: number }>('credential/unlink-prerequisite', {
      id,
      prerequisiteId,
    });
    return row?.removed ?? 0;
  }

  async linkPart(tx: Tx, partId: string, wholeId: string, required: boolean): Promise<void> {
    await tx.run('credential/link-part', { partId, wholeId, required, now: nowIso() });
  }

  async unlinkPart(tx: Tx, partId: string, wholeId: string): Promise<number> {
    const [row] = await tx.run<{ removed: number }>('credential/unlink-part', { partId, wholeId });
    return row?.removed ?? 0;
  }

  async declareEquivalence(
    tx: Tx,
    id: string,
    otherId: string,
    note: string | null,
  ): Promise<EquivalenceAssertion & { mutual: boolean }> {
    const [row] = await tx.run<EquivalenceAssertion & { mutual: boolean }>(
      'credential/declare-equivalence',
      { id, otherId, note, now: nowIso() },
    );
    return present(row, `the equivalence of ${id} and ${otherId}`);
  }

  async withdrawEquivalence(tx: Tx, id: string, otherId: string): Promise<number> {
    const [row] = await tx.run<{ removed: number }>('credential/withdraw-equivalence', {
      id,
      otherId,
    });
    return row?.removed ?? 0;
  }
}
