import type { Credential } from '../credential/credential.type';
import type { Database, Tx } from '../db/database';
import { nowIso } from '../lib/clock';
import type { RelationRow } from '../lib/loader';
import type { Skill } from '../skill/skill.type';
import type { Learner, SkillSource } from './learner.type';

/** The most awards and declared skills a learner record serves. */
export const LEARNER_LIST_BOUNDS = { achievements: 500, skills: 500 } as const;

/** Learner records: awards and declared skills. */
export class LearnerRepository {
  constructor(private readonly db: Database) {}

  async findByIds(ids: readonly string[], q: Tx = this.db): Promise<Learner[]> {
    const rows = await q.run<{ node: Learner }>('learner/find-by-ids', { ids });
    return rows.map((r) => r.node);
  }

  findAchievements(ids: readonly string[]) {
    return this.db.read<RelationRow<Credential, { issuedAt: string; expiresAt: string | null }>>(
      'learner/find-achievements',
      { ids, limit: LEARNER_LIST_BOUNDS.achievements },
    );
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
    return row!.node;
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
  ): Promise<{ issuedAt: string; expiresAt: string | null }> {
    const [row] = await tx.run<{ issuedAt: string; expiresAt: string | null }>(
      'learner/record-achievement',
      { ...award, now: nowIso() },
    );
    return row!;
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
