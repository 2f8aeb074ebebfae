import type { Database, Tx } from '../db/database';
import type { JobRole } from '../job-role/job-role.type';
import { nowIso } from '../lib/clock';
import type { RelationRow } from '../lib/loader';
import { pageOf, type Page } from '../lib/pagination';
import type { Provider } from '../provider/provider.type';
import { SKILL_LIST_BOUNDS } from '../skill/skill.repository';
import type { Skill } from '../skill/skill.type';
import type { Credential, CredentialStatus, CredentialType, DeliveryMode } from './credential.type';

/**
 * The most items each list of a credential serves: skills and job roles as registration allows,
 * links (prerequisites, unlocks, parts, wholes, declared equivalents) capped per credential.
 */
export const CREDENTIAL_LIST_BOUNDS = { skills: 200, jobRoles: 50, links: 100 } as const;

/** What to fetch below credentials (the shape find-relations.cypher takes). */
export interface RelationWants {
  provider: boolean;
  skills: boolean;
  skillDetail: boolean;
  skillBroader: boolean;
  jobRoles: boolean;
  prerequisites: { provider: boolean; skills: boolean } | null;
  parts: { provider: boolean; skills: boolean } | null;
  wholes: { provider: boolean; skills: boolean } | null;
}

/** A taught skill as find-relations returns it. */
export interface TaughtRow {
  node: Skill;
  level: number;
  label: string | null;
  broader?: Skill[] | null;
}

/** A linked credential as find-relations returns it. */
export interface LinkedRow {
  node: Credential;
  required: boolean | null;
  provider: Provider[] | null;
  skills: TaughtRow[] | null;
}

/** One row of find-relations. */
export interface RelationsRow {
  key: string;
  node: Credential | null;
  provider: Provider[] | null;
  skills: TaughtRow[] | null;
  jobRoles: JobRole[] | null;
  prerequisites: LinkedRow[] | null;
  parts: LinkedRow[] | null;
  wholes: LinkedRow[] | null;
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

  async findByIds(ids: readonly string[], q: Tx = this.db): Promise<Credential[]> {
    const rows = await q.run<{ node: Credential }>('credential/find-by-ids', { ids });
    return rows.map((r) => r.node);
  }

  async findPage(query: CredentialQuery, skip: number, first: number): Promise<Page<Credential>> {
    const rows = await this.db.read<{ node: Credential }>('credential/find-page', {
      ...query,
      skip,
      first,
    });
    return pageOf(
      rows.map((r) => r.node),
      first,
      () => this.db.count('credential/count-page', { ...query }),
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
   * What a read asks for below each credential, in one round trip (see find-relations.cypher);
   * parts not asked for come back null.
   */
  findRelations(ids: readonly string[], want: RelationWants, withNode: boolean) {
    return this.db.read<RelationsRow & Record<string, unknown>>('credential/find-relations', {
      ids,
      withNode,
      want,
      limits: { ...CREDENTIAL_LIST_BOUNDS, broader: SKILL_LIST_BOUNDS.broader },
    });
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
      { ids, limit: CREDENTIAL_LIST_BOUNDS.links },
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
    return row!.node;
  }

  async setStatus(tx: Tx, id: string, status: CredentialStatus): Promise<Credential> {
    const [row] = await tx.run<{ node: Credential }>('credential/set-status', {
      id,
      status,
      now: nowIso(),
    });
    return row!.node;
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
    return row!;
  }

  async withdrawEquivalence(tx: Tx, id: string, otherId: string): Promise<number> {
    const [row] = await tx.run<{ removed: number }>('credential/withdraw-equivalence', {
      id,
      otherId,
    });
    return row?.removed ?? 0;
  }
}
