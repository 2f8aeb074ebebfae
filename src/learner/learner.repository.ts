import type { Credential } from '../credential/credential.type';
import type { Database, Tx } from '../db/database';
import { nowIso } from '../lib/clock';
import type { RelationRow } from '../lib/loader';
import type { Provider } from '../provider/provider.type';
import type { Skill } from '../skill/skill.type';
import type { Learner, SkillSource } from './learner.type';
import { present } from '../lib/present';

/** The most awards and declared skills a learner record serves. */
export const LEARNER_LIST_BOUNDS = { achievements: 500, skills: 500, grants: 500 } as const;

/** An award as stored, with who recorded it and any revocation. */
export type AwardRow = {
  issuedAt: string;
  expiresAt: string | null;
  recordedBy: string | null;
  recordedAt: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
};

/** Learner records: awards and declared skills. */
export class LearnerRepository {
  constructor(private readonly db: Database) {}

  async findByIds(ids: readonly string[], q: Tx = this.db): Promise<Learner[]> {
    const rows = await q.run<{ node: Learner }>('learner/find-by-ids', { ids });
    return rows.map((r) => r.node);
  }

  findAchievements(ids: readonly string[]) {
    return this.db.read<RelationRow<Credential, AwardRow>>('learner/find-achievements', {
      ids,
      limit: LEARNER_LIST_BOUNDS.achievements,
    });
  }

  findSkills(ids: readonly string[]) {
    return this.db.read<RelationRow<Skill, { level: number; source: SkillSource }>>(
      'learner/find-skills',
      { ids, limit: LEARNER_LIST_BOUNDS.skills },
    );
  }

  async create(tx: Tx, id: string, displayName: string | null): Promise<Learner> {
    const [row] = await tx.run<{ node: Learner }>('learner/create', {
      id,
      displayName,
      now: nowIso(),
    });
    return present(row, 'the created learner').node;
  }

  async recordAchievement(
    tx: Tx,
    award: {
      learnerId: string;
      credentialId: string;
      issuedAt: string;
      expiresAt: string | null;
      issuedBy: string;
    },
  ): Promise<Pick<AwardRow, 'issuedAt' | 'expiresAt' | 'recordedBy' | 'recordedAt'>> {
    const [row] = await tx.run<
      Pick<AwardRow, 'issuedAt' | 'expiresAt' | 'recordedBy' | 'recordedAt'>
    >('learner/record-achievement', { ...award, now: nowIso() });
    return present(row, 'the recorded achievement');
  }

  /** The providers each learner granted the right to record awards for them. */
  findGrants(ids: readonly string[]) {
    return this.db.read<RelationRow<Provider, { grantedAt: string }>>('learner/find-grants', {
      ids,
      limit: LEARNER_LIST_BOUNDS.grants,
    });
  }

  /** Whether the learner exists and granted the provider the right to record awards. */
  async hasGrant(tx: Tx, learnerId: string, providerId: string): Promise<boolean> {
    const [row] = await tx.run<{ granted: boolean }>('learner/has-grant', {
      learnerId,
      providerId,
    });
    return row?.granted ?? false;
  }

  /** Grants a provider the right to record awards; null when the learner or provider is missing. */
  async grant(
    tx: Tx,
    learnerId: string,
    providerId: string,
  ): Promise<{ provider: Provider; grantedAt: string } | null> {
    const [row] = await tx.run<{ provider: Provider; grantedAt: string }>(
      'learner/grant-provider',
      { learnerId, providerId, now: nowIso() },
    );
    return row ?? null;
  }

  /** Withdraws a grant; the number removed (0 or 1). */
  async revokeGrant(tx: Tx, learnerId: string, providerId: string): Promise<number> {
    const [row] = await tx.run<{ removed: number }>('learner/revoke-provider-grant', {
      learnerId,
      providerId,
    });
    return row?.removed ?? 0;
  }

  /** Marks an award revoked with its reason; the number revoked (0 when there is none). */
  async revokeAchievement(
    tx: Tx,
    award: { learnerId: string; credentialId: string; reason: string; by: string },
  ): Promise<number> {
    const [row] = await tx.run<{ revoked: number }>('learner/revoke-achievement', {
      ...award,
      now: nowIso(),
    });
    return row?.revoked ?? 0;
  }

  /** Erases a learner with everything attached and its keys; the number deleted (0 or 1). */
  async delete(tx: Tx, id: string): Promise<number> {
    const [row] = await tx.run<{ deleted: number }>('learner/delete', { id });
    return row?.deleted ?? 0;
  }

  async setSkill(
    tx: Tx,
    learnerId: string,
    skillId: string,
    level: number | null,
    source: SkillSource,
  ): Promise<void> {
    await tx.run('learner/set-skill', { learnerId, skillId, level, source, now: nowIso() });
  }
}
