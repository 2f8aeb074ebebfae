import { randomUUID } from 'node:crypto';
import type { ApiKeyRepository } from '../auth/api-keys';
import type { AuthService } from '../auth/auth.service';
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
import { ForbiddenError, NotFoundError, UserInputError } from '../lib/errors';
import type { Provider } from '../provider/provider.type';
import type { AwardExporter } from '../standards/award-exporter';
import type { SkillRepository } from '../skill/skill.repository';
import { expiryOf } from './achievement';
import type { AwardRow, LearnerRepository } from './learner.repository';
import { SkillSource, type Learner } from './learner.type';
import { present } from '../lib/present';

/** An award as the API shows it: the credential, its dates, who recorded it, any revocation. */
export interface AwardShape {
  credential: Credential;
  issuedAt: string;
  expiresAt: string | null;
  expired: boolean;
  recordedBy: string | null;
  recordedAt: string | null;
  revoked: boolean;
  revokedReason: string | null;
  revokedAt: string | null;
}

/** The longest revocation reason. */
export const MAX_REASON = 500;

/** A learner record as the demo seed or a migration brings it in, with a chosen id. */
export interface LearnerRecord {
  id: string;
  displayName: string | null;
  /** Providers the learner allows to record awards for them. */
  grants?: string[];
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
    private readonly auth: AuthService,
    private readonly exporter: AwardExporter,
    private readonly clock: Clock,
  ) {}

  /** An award row as the API shows it. */
  award(credential: Credential, row: AwardRow): AwardShape {
    return {
      credential,
      issuedAt: row.issuedAt,
      expiresAt: row.expiresAt,
      expired: this.expired(row.expiresAt),
      recordedBy: row.recordedBy,
      recordedAt: row.recordedAt,
      revoked: row.revokedAt !== null,
      revokedReason: row.revokedReason,
      revokedAt: row.revokedAt,
    };
  }

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
    const issued = isoDate(issuedAt, 'issuedAt');
    const given = expiresAt == null ? null : isoDate(expiresAt, 'expiresAt');
    const expires = expiryOf(issued, given, credential.validityMonths);
    const stored = await this.db.writeTransaction(async (tx) => {
      if (viewer.role === ApiRole.ADMIN) {
        const [learner] = await this.learners.findByIds([learnerId], tx);
        if (!learner) throw new NotFoundError(`No learner "${learnerId}".`);
      } else if (!(await this.learners.hasGrant(tx, learnerId, credential.providerId))) {
        // The same answer for an unknown learner and one without a grant: ids cannot be probed.
        throw new ForbiddenError(
          `recordAchievement needs the learner's grant for provider "${credential.providerId}": ` +
            'the learner calls grantProvider first.',
        );
      }
      return this.learners.recordAchievement(tx, {
        learnerId,
        credentialId,
        issuedAt: issued,
        expiresAt: expires,
        issuedBy: recorderOf(viewer),
      });
    });
    return this.award(credential, {
      ...stored,
      revokedAt: null,
      revokedReason: null,
    });
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

  /** The learner allows a provider to record awards for them (the learner's key or an admin). */
  async grantProvider(
    viewer: Viewer,
    learnerId: string,
    providerId: string,
  ): Promise<{ provider: Provider; grantedAt: string }> {
    requireLearnerOrAdmin(viewer, learnerId, 'grantProvider');
    const granted = await this.db.writeTransaction((tx) =>
      this.learners.grant(tx, learnerId, providerId),
    );
    if (!granted) throw new NotFoundError(`No learner "${learnerId}" or provider "${providerId}".`);
    return granted;
  }

  /** Withdraws a provider's grant (the learner's key or an admin); awards already made stay. */
  async revokeProviderGrant(viewer: Viewer, learnerId: string, providerId: string): Promise<void> {
    requireLearnerOrAdmin(viewer, learnerId, 'revokeProviderGrant');
    const removed = await this.db.writeTransaction((tx) =>
      this.learners.revokeGrant(tx, learnerId, providerId),
    );
    if (removed === 0) throw new NotFoundError(`No grant of "${learnerId}" to "${providerId}".`);
  }

  /**
   * Revokes an award recorded in error (the awarding provider or an admin): it stays on the
   * learner's record with its reason and never counts again. Recording it again lifts it.
   */
  async revokeAchievement(
    viewer: Viewer,
    learnerId: string,
    credentialId: string,
    reason: string,
  ): Promise<void> {
    const [credential] = await this.credentials.findByIds([credentialId]);
    if (!credential) throw new NotFoundError(`No credential "${credentialId}".`);
    requireProviderOrAdmin(viewer, credential.providerId, 'revokeAchievement');
    const text = reason.trim();
    if (text.length === 0 || text.length > MAX_REASON) {
      throw new UserInputError(`reason must hold 1 to ${MAX_REASON} characters.`, {
        field: 'reason',
      });
    }
    const revoked = await this.db.writeTransaction((tx) =>
      this.learners.revokeAchievement(tx, {
        learnerId,
        credentialId,
        reason: text,
        by: recorderOf(viewer),
      }),
    );
    if (revoked === 0) throw new NotFoundError(`No award of "${credentialId}" to that learner.`);
  }

  /**
   * Erases a learner (the learner's key or an admin): the record, its awards, declared skills,
   * grants and keys, in one transaction; nothing that names the learner is left.
   */
  async deleteLearner(viewer: Viewer, id: string): Promise<void> {
    requireLearnerOrAdmin(viewer, id, 'deleteLearner');
    const deleted = await this.db.writeTransaction((tx) => this.learners.delete(tx, id));
    if (deleted === 0) throw new NotFoundError(`No learner "${id}".`);
    this.auth.forget(ApiRole.LEARNER, id);
  }

  /** Issues a new key for a learner and revokes the old ones (the learner's key or an admin). */
  async rotateKey(
    viewer: Viewer,
    learnerId: string,
  ): Promise<{ learner: Learner; apiKey: string }> {
    requireLearnerOrAdmin(viewer, learnerId, 'rotateLearnerKey');
    const [learner] = await this.learners.findByIds([learnerId]);
    if (!learner) throw new NotFoundError(`No learner "${learnerId}".`);
    return { learner, apiKey: await this.auth.rotateKey(ApiRole.LEARNER, learnerId) };
  }

  /**
   * Everything held about a learner as one JSON document (the learner's key or an admin): the
   * record, declared skills, grants, each unrevoked award as an Open Badges 3.0
   * OpenBadgeCredential (unsigned; the awarding provider as issuer, the registry as recorder), and
   * the revoked awards with their reasons.
   */
  async exportRecord(viewer: Viewer, learner: Learner): Promise<Record<string, unknown>> {
    this.checkReader(viewer, learner.id, 'Exporting a learner record');
    const [skills, grants, awards] = await Promise.all([
      this.learners.findSkills([learner.id]),
      this.learners.findGrants([learner.id]),
      this.learners.findAchievements([learner.id]),
    ]);
    const current = awards.filter((a) => a.revokedAt === null);
    const credentials = await this.exporter.exportInputs(current.map((a) => a.node));
    return {
      format: 'credential-graph learner export, version 1',
      exportedAt: this.clock.now().toISOString(),
      learner: {
        id: learner.id,
        displayName: learner.displayName ?? null,
        createdAt: learner.createdAt,
      },
      skills: skills.map((s) => ({
        skillId: s.node.id,
        label: s.node.label,
        level: s.level,
        source: s.source,
      })),
      grants: grants.map((g) => ({
        providerId: g.node.id,
        name: g.node.name,
        grantedAt: g.grantedAt,
      })),
      achievements: current.map((a, i) =>
        this.exporter.achievementCredential(
          learner.id,
          a,
          present(credentials[i], 'the export of an achievement'),
        ),
      ),
      revokedAchievements: awards
        .filter((a) => a.revokedAt !== null)
        .map((a) => ({
          credentialId: a.node.id,
          title: a.node.title,
          issuedAt: a.issuedAt,
          revokedAt: a.revokedAt,
          reason: a.revokedReason,
        })),
    };
  }

  /**
   * Brings in a whole learner record with a chosen id (admin only: the demo seed and migrations),
   * in one transaction; every write is an upsert, so bringing it in twice changes nothing.
   */
  async importRecord(viewer: Viewer, record: LearnerRecord): Promise<void> {
    requireAdmin(viewer, 'importing a learner record');
    await this.db.writeTransaction(async (tx) => {
      await this.learners.create(tx, record.id, record.displayName);
      for (const providerId of record.grants ?? []) {
        await this.learners.grant(tx, record.id, providerId);
      }
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
