import {
  Arg,
  Authorized,
  Ctx,
  Extensions,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { LEARNER_LIST_BOUNDS } from './learner.repository';
import { ApiRole } from '../auth/viewer';
import type { Context } from '../server/context';
import { Achievement, LearnerSkill } from './learner-links.type';
import { LearnerInput } from './learner.inputs';
import type { LearnerService } from './learner.service';
import { Learner, LearnerWithKey } from './learner.type';

@Resolver(() => Learner)
export class LearnerResolver {
  constructor(private readonly learners: LearnerService) {}

  @Query(() => Learner, {
    nullable: true,
    description:
      "A learner's record (the learner's own key or an admin key); null when there is none.",
  })
  async learner(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Learner | null> {
    this.learners.checkReader(await ctx.viewer(), id);
    return ctx.loaders.learnerById.load(id);
  }

  @Extensions({ maxItems: LEARNER_LIST_BOUNDS.achievements })
  @FieldResolver(() => [Achievement], { description: 'Credentials earned, newest first.' })
  async achievements(@Root() l: Learner, @Ctx() ctx: Context): Promise<Achievement[]> {
    const rows = await ctx.loaders.learnerAchievements.load(l.id);
    return rows.map((r) => ({
      credential: r.node,
      issuedAt: r.issuedAt,
      expiresAt: r.expiresAt,
      expired: this.learners.expired(r.expiresAt),
    }));
  }

  @Extensions({ maxItems: LEARNER_LIST_BOUNDS.skills })
  @FieldResolver(() => [LearnerSkill], { description: 'Skills declared or assessed.' })
  async skills(@Root() l: Learner, @Ctx() ctx: Context): Promise<LearnerSkill[]> {
    const rows = await ctx.loaders.learnerSkills.load(l.id);
    return rows.map((r) => ({ skill: r.node, level: r.level, source: r.source }));
  }

  @Mutation(() => LearnerWithKey, {
    description: "Creates a learner record and returns the learner's API key, once. Needs no key.",
  })
  createLearner(
    @Arg('input', () => LearnerInput, { nullable: true }) input: LearnerInput | null,
  ): Promise<LearnerWithKey> {
    return this.learners.create(input?.displayName ?? null);
  }

  @Authorized(ApiRole.PROVIDER, ApiRole.ADMIN)
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
    const viewer = await ctx.viewer();
    return this.learners.recordAchievement(viewer, learnerId, credentialId, issuedAt, expiresAt);
  }

  @Authorized(ApiRole.LEARNER, ApiRole.ADMIN)
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
    return this.learners.setSkill(await ctx.viewer(), learnerId, skillId, level ?? null);
  }
}
