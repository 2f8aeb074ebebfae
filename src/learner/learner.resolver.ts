import { randomUUID } from 'node:crypto';
import { IsOptional, Length } from 'class-validator';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { requireLearnerOrAdmin, requireProviderOrAdmin } from '../auth/guards';
import { ApiRole } from '../auth/viewer';
import { NotFoundError, UserInputError } from '../lib/errors';
import type { Context } from '../server/context';
import { Achievement, LearnerSkill } from './learner-links.type';
import { Learner, SkillSource } from './learner.type';

@InputType({
  description: 'A new learner record; personal data is kept to an optional display name.',
})
export class LearnerInput {
  @Field(() => String, { nullable: true, description: 'Name to show (1 to 100), optional.' })
  @IsOptional()
  @Length(1, 100)
  displayName?: string | null;
}

@ObjectType({
  description: "A learner and the learner's API key; the key is shown this once only.",
})
export class LearnerWithKey {
  @Field(() => Learner, { description: 'The learner.' })
  learner!: Learner;

  @Field(() => String, {
    description: 'The API key for this record. Store it now: only its hash is kept.',
  })
  apiKey!: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

function isoDate(value: string, field: string): string {
  if (!DATE.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UserInputError(`${field} must be an ISO-8601 date such as 2026-03-31.`, { field });
  }
  return value;
}

/** Today's date as YYYY-MM-DD: achievements expire at the start of their expiry date. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Adds whole months to a YYYY-MM-DD date. */
export function addMonths(date: string, months: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

@Resolver(() => Learner)
export class LearnerResolver {
  @Query(() => Learner, {
    nullable: true,
    description:
      "A learner's record (the learner's own key or an admin key); null when there is none.",
  })
  async learner(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Learner | null> {
    await requireLearnerOrAdmin(ctx, id, 'Reading a learner record');
    return ctx.loaders.learnerById.load(id);
  }

  @FieldResolver(() => [Achievement], { description: 'Credentials earned, newest first.' })
  async achievements(@Root() l: Learner, @Ctx() ctx: Context): Promise<Achievement[]> {
    const now = today();
    const rows = await ctx.loaders.learnerAchievements.load(l.id);
    return rows.map((r) => ({
      credential: r.node,
      issuedAt: r.issuedAt,
      expiresAt: r.expiresAt,
      expired: r.expiresAt !== null && r.expiresAt.slice(0, 10) <= now,
    }));
  }

  @FieldResolver(() => [LearnerSkill], { description: 'Skills declared or assessed.' })
  async skills(@Root() l: Learner, @Ctx() ctx: Context): Promise<LearnerSkill[]> {
    const rows = await ctx.loaders.learnerSkills.load(l.id);
    return rows.map((r) => ({ skill: r.node, level: r.level, source: r.source }));
  }

  @Mutation(() => LearnerWithKey, {
    description: "Creates a learner record and returns the learner's API key, once. Needs no key.",
  })
  async createLearner(
    @Arg('input', () => LearnerInput, { nullable: true }) input: LearnerInput | null,
    @Ctx() ctx: Context,
  ): Promise<LearnerWithKey> {
    const { learner: learners, apiKey: keys } = ctx.repositories;
    return ctx.db.writeTransaction(async (tx) => {
      const learner = await learners.create(tx, randomUUID(), input?.displayName ?? null);
      return { learner, apiKey: await keys.issue(tx, ApiRole.LEARNER, learner.id) };
    });
  }

  @Mutation(() => Achievement, {
    description:
      "Records that a learner earned a credential (the credential's provider or an admin). Without " +
      'expiresAt, a credential with validityMonths expires that many months after issuedAt. ' +
      'Recording it again updates the dates.',
  })
  async recordAchievement(
    @Arg('learnerId', () => ID) learnerId: string,
    @Arg('credentialId', () => ID) credentialId: string,
    @Arg('issuedAt', () => String, { description: 'Date of issue, ISO-8601.' }) issuedAt: string,
    @Arg('expiresAt', () => String, { nullable: true, description: 'Expiry date, ISO-8601.' })
    expiresAt: string | null,
    @Ctx() ctx: Context,
  ): Promise<Achievement> {
    const credential = await ctx.loaders.credentialById.load(credentialId);
    if (!credential) throw new NotFoundError(`No credential "${credentialId}".`);
    await requireProviderOrAdmin(ctx, credential.providerId, 'recordAchievement');
    const learner = await ctx.loaders.learnerById.load(learnerId);
    if (!learner) throw new NotFoundError(`No learner "${learnerId}".`);
    const issued = isoDate(issuedAt, 'issuedAt');
    let expires = expiresAt == null ? null : isoDate(expiresAt, 'expiresAt');
    if (expires === null && credential.validityMonths)
      expires = addMonths(issued, credential.validityMonths);
    if (expires !== null && expires.slice(0, 10) < issued.slice(0, 10)) {
      throw new UserInputError('expiresAt must not be before issuedAt.', { field: 'expiresAt' });
    }
    const viewer = await ctx.viewer();
    const stored = await ctx.db.writeTransaction((tx) =>
      ctx.repositories.learner.recordAchievement(tx, {
        learnerId,
        credentialId,
        issuedAt: issued,
        expiresAt: expires,
        issuedBy: 'subjectId' in viewer ? viewer.subjectId : 'anonymous',
      }),
    );
    return {
      credential,
      issuedAt: stored.issuedAt,
      expiresAt: stored.expiresAt,
      expired: stored.expiresAt !== null && stored.expiresAt.slice(0, 10) <= today(),
    };
  }

  @Mutation(() => Learner, {
    description:
      "Sets the level of a skill on the learner's own record (the learner's key; an admin key records " +
      'it as ASSESSED). A null level removes it.',
  })
  async setLearnerSkill(
    @Arg('learnerId', () => ID) learnerId: string,
    @Arg('skillId', () => ID) skillId: string,
    @Arg('level', () => Int, { nullable: true, description: 'Level 1 to 5; null removes.' })
    level: number | null,
    @Ctx() ctx: Context,
  ): Promise<Learner> {
    await requireLearnerOrAdmin(ctx, learnerId, 'setLearnerSkill');
    level ??= null;
    if (level !== null && (!Number.isInteger(level) || level < 1 || level > 5)) {
      throw new UserInputError('level must be from 1 to 5, or null to remove the skill.', {
        field: 'level',
      });
    }
    const learner = await ctx.loaders.learnerById.load(learnerId);
    if (!learner) throw new NotFoundError(`No learner "${learnerId}".`);
    const skill = await ctx.loaders.skillById.load(skillId);
    if (!skill) throw new NotFoundError(`No skill "${skillId}".`);
    const viewer = await ctx.viewer();
    const source = viewer.role === ApiRole.ADMIN ? SkillSource.ASSESSED : SkillSource.SELF;
    await ctx.db.writeTransaction((tx) =>
      ctx.repositories.learner.setSkill(tx, learnerId, skillId, level, source),
    );
    return learner;
  }
}
