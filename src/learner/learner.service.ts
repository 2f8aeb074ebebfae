import { randomUUID } from 'node:crypto';
import type { ApiKeyRepository } from '../auth/api-keys';
import {
  recorderOf,
  requireAdmin,
  requireLearnerOrAdmin,
  requireProviderOrAdmin,
} from '../auth/guards';
import { ApiRole, type Viewer } from '../auth/viewer';
import type { CredentialRepository } from '../credential/credential.repository';
import type { Credential } from '../credential/credential.type';
import type { Database } from '../db/database';
import { isExpired, isIsoDate, today, type Clock } from '../lib/clock';
import { NotFoundError, UserInputError } from '../lib/errors';
import type { SkillRepository } from '../skill/skill.repository';
import { expiryOf } from './achievement';
import type { LearnerRepository } from './learner.repository';
import { SkillSource, type Learner } from './learner.type';

/** An award as the API shows it: the credential, its dates, and whether it has expired. */
export interface AwardShape {
  credential: Credential;
  issuedAt: string;
  expiresAt: string | null;
  expired: boolean;
}

/** A learner record as the demo seed or a migration brings it in, with a chosen id. */
export interface LearnerRecord {
  id: string;
  displayName: string | null;
  achievements: { credentialId: string; issuedAt: string; expiresAt: string | null }[];
  skills: { skillId: string; level: number; source: SkillSource }[];
}

function isoDate(value: string, field: string): string {
  if (!isIsoDate(value)) {
    throw new UserInputError(`${field} must be an ISO-8601 date such as 2026-03-31.`, { field });
  }
  return value;
}

/** The learner use cases: records, awards recorded by providers, declared skills. */
export class LearnerService {
  constructor(
    private readonly db: Database,
    private readonly learners: LearnerRepository,
    private readonly credentials: CredentialRepository,
    private readonly skills: SkillRepository,
    private readonly keys: ApiKeyRepository,
    private readonly clock: Clock,
  ) {}

  /** Today's date on this service's clock: what expiry is judged against. */
  today(): string {
    return today(this.clock);
  }

  /** Whether an award with this expiry has expired today. */
  expired(expiresAt: string | null): boolean {
    return isExpired(expiresAt, this.today());
  }

  /** Checks that the viewer may read a learner's record (the learner's own key or an admin). */
  checkReader(viewer: Viewer, id: string, what = 'Reading a learner record'): void {
    requireLearnerOrAdmin(viewer, id, what);
  }

  /** Creates a learner record with a random id and returns its key, once. Needs no key. */
  async create(displayName: string | null): Promise<{ learner: Learner; apiKey: string }> {
    return this.db.writeTransaction(async (tx) => {
      const learner = await this.learners.create(tx, randomUUID(), displayName);
      return { learner, apiKey: await this.keys.issue(tx, ApiRole.LEARNER, learner.id) };
    });
  }

  /**
   * Records that a learner earned a credential (the credential's provider or an admin). Recording
   * it again updates the dates.
   */
  async recordAchievement(
    viewer: Viewer,
    learnerId: string,
    credentialId: string,
    issuedAt: string,
    expiresAt: string | null,
  ): Promise<AwardShape> {
    const [credential] = await this.credentials.findByIds([credentialId]);
    if (!credential) throw new NotFoundError(`No credential "${credentialId}".`);
    requireProviderOrAdmin(viewer, credential.providerId, 'recordAchievement');
    const [learner] = await this.learners.findByIds([learnerId]);
    if (!learner) throw new NotFoundError(`No learner "${learnerId}".`);
    const issued = isoDate(issuedAt, 'issuedAt');
    const given = expiresAt == null ? null : isoDate(expiresAt, 'expiresAt');
    const expires = expiryOf(issued, given, credential.validityMonths);
    const stored = await this.db.writeTransaction((tx) =>
      this.learners.recordAchievement(tx, {
        learnerId,
        credentialId,
        issuedAt: issued,
        expiresAt: expires,
        issuedBy: recorderOf(viewer),
      }),
    );
    return { credential, ...stored, expired: this.expired(stored.expiresAt) };
  }

  /**
   * Sets the level of a skill on a learner's record (the learner's key records SELF, an admin key
   * ASSESSED); a null level removes it.
   */
  async setSkill(
    viewer: Viewer,
    learnerId: string,
    skillId: string,
    level: number | null,
  ): Promise<Learner> {
    requireLearnerOrAdmin(viewer, learnerId, 'setLearnerSkill');
    if (level !== null && (!Number.isInteger(level) || level < 1 || level > 5)) {
      throw new UserInputError('level must be from 1 to 5, or null to remove the skill.', {
        field: 'level',
      });
    }
    const [learner] = await this.learners.findByIds([learnerId]);
    if (!learner) throw new NotFoundError(`No learner "${learnerId}".`);
    const [skill] = await this.skills.findByIds([skillId]);
    if (!skill) throw new NotFoundError(`No skill "${skillId}".`);
    const source = viewer.role === ApiRole.ADMIN ? SkillSource.ASSESSED : SkillSource.SELF;
    await this.db.writeTransaction((tx) =>
      this.learners.setSkill(tx, learnerId, skillId, level, source),
    );
    return learner;
  }

  /**
   * Brings in a whole learner record with a chosen id (admin only: the demo seed and migrations),
   * in one transaction; every write is an upsert, so bringing it in twice changes nothing.
   */
  async importRecord(viewer: Viewer, record: LearnerRecord): Promise<void> {
    requireAdmin(viewer, 'importing a learner record');
    await this.db.writeTransaction(async (tx) => {
      await this.learners.create(tx, record.id, record.displayName);
      for (const a of record.achievements) {
        await this.learners.recordAchievement(tx, {
          learnerId: record.id,
          ...a,
          issuedBy: recorderOf(viewer),
        });
      }
      for (const s of record.skills) {
        await this.learners.setSkill(tx, record.id, s.skillId, s.level, s.source);
      }
    });
  }
}
