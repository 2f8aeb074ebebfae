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
import { GraphQLJSONObject } from 'graphql-scalars';
import { ApiRole } from '../auth/viewer';
import type { Context } from '../context';
import { Achievement, LearnerSkill, ProviderGrant } from './learner-links.type';
import { LearnerInput } from './learner.inputs';
import type { LearnerService } from './learner.service';
import { Learner, LearnerWithKey } from './learner.type';

@Resolver(() => Learner)
export class LearnerResolver {
  constructor(private readonly learnerService: LearnerService) {}

  @Query(() => Learner, {
    nullable: true,
    description:
      "A learner's record (the learner's own key or an admin key); null when there is none.",
  })
  async learner(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Learner | null> {
    this.learnerService.checkReader(await ctx.viewer(), id);
    return ctx.loaders.learnerById.load(id);
  }

  @Extensions({ maxItems: LEARNER_LIST_BOUNDS.achievements })
  @FieldResolver(() => [Achievement], { description: 'Credentials earned, newest first.' })
  async achievements(@Root() l: Learner, @Ctx() ctx: Context): Promise<Achievement[]> {
    const rows = await ctx.loaders.learnerAchievements.load(l.id);
    return rows.map((r) => this.learnerService.award(r.node, r));
  }

  @Extensions({ maxItems: LEARNER_LIST_BOUNDS.grants })
  @FieldResolver(() => [ProviderGrant], {
    description: 'Providers the learner allows to record awards for them, newest first.',
  })
  async grants(@Root() l: Learner, @Ctx() ctx: Context): Promise<ProviderGrant[]> {
    const rows = await ctx.loaders.learnerGrants.load(l.id);
    return rows.map((r) => ({ provider: r.node, grantedAt: r.grantedAt }));
  }

  @Extensions({ cost: 200 })
  @FieldResolver(() => GraphQLJSONObject, {
    name: 'export',
    description:
      'Everything the registry holds about the learner as one JSON document (data portability): ' +
      'the record, declared skills, grants, each award as an unsigned Open Badges 3.0 ' +
      'OpenBadgeCredential (the awarding provider as issuer, the registry as recorder in ' +
      "credentialSubject.source), and revoked awards with their reasons. The learner's or an admin's key.",
  })
  async exportRecord(@Root() l: Learner, @Ctx() ctx: Context): Promise<Record<string, unknown>> {
    return this.learnerService.exportRecord(await ctx.viewer(), l);
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
    return this.learnerService.create(input?.displayName ?? null);
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
    return this.learnerService.recordAchievement(
      viewer,
      learnerId,
      credentialId,
      issuedAt,
      expiresAt,
    );
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
    return this.learnerService.setSkill(await ctx.viewer(), learnerId, skillId, level ?? null);
  }

  @Authorized(ApiRole.LEARNER, ApiRole.ADMIN)
  @Mutation(() => ProviderGrant, {
    description:
      "Allows a provider to record awards of its credentials for the learner (the learner's key or " +
      'an admin). Granting again changes nothing.',
  })
  async grantProvider(
    @Arg('learnerId', () => ID) learnerId: string,
    @Arg('providerId', () => ID) providerId: string,
    @Ctx() ctx: Context,
  ): Promise<ProviderGrant> {
    return this.learnerService.grantProvider(await ctx.viewer(), learnerId, providerId);
  }

  @Authorized(ApiRole.LEARNER, ApiRole.ADMIN)
  @Mutation(() => Boolean, {
    description:
      "Withdraws a provider's right to record awards for the learner (the learner's key or an " +
      'admin); awards it recorded stay. NOT_FOUND when there is no such grant.',
  })
  async revokeProviderGrant(
    @Arg('learnerId', () => ID) learnerId: string,
    @Arg('providerId', () => ID) providerId: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    await this.learnerService.revokeProviderGrant(await ctx.viewer(), learnerId, providerId);
    return true;
  }

  @Authorized(ApiRole.PROVIDER, ApiRole.ADMIN)
  @Mutation(() => Boolean, {
    description:
      "Revokes an award recorded in error (the credential's provider or an admin), with a reason " +
      "(1 to 500 characters). It stays on the learner's record and never counts in gaps, plans or " +
      'broadening; recording it again lifts the revocation.',
  })
  async revokeAchievement(
    @Arg('learnerId', () => ID) learnerId: string,
    @Arg('credentialId', () => ID) credentialId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    await this.learnerService.revokeAchievement(
      await ctx.viewer(),
      learnerId,
      credentialId,
      reason,
    );
    return true;
  }

  @Authorized(ApiRole.LEARNER, ApiRole.ADMIN)
  @Mutation(() => Boolean, {
    description:
      "Erases a learner (the learner's own key or an admin): the record, its awards, declared " +
      'skills, grants and API keys, in one transaction. It cannot be undone.',
  })
  async deleteLearner(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    await this.learnerService.deleteLearner(await ctx.viewer(), id);
    return true;
  }

  @Authorized(ApiRole.LEARNER, ApiRole.ADMIN)
  @Mutation(() => LearnerWithKey, {
    description:
      "Issues a new API key for a learner and revokes the old ones (the learner's own key or an " +
      'admin). The new key is shown this once.',
  })
  async rotateLearnerKey(
    @Arg('learnerId', () => ID) learnerId: string,
    @Ctx() ctx: Context,
  ): Promise<LearnerWithKey> {
    return this.learnerService.rotateKey(await ctx.viewer(), learnerId);
  }
}
