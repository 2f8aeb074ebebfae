import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireAdmin } from '../auth/guards';
import { UserInputError } from '../lib/errors';
import { offsetAfter, PageArgs, toConnection, type ConnectionShape } from '../lib/pagination';
import type { Context } from '../server/context';
import { Framework } from '../skill/skill.type';
import { EquivalentJobRole, RelatedJobRole, SkillRequirement } from './job-role-links.type';
import { JobRoleInput } from './job-role.inputs';
import { JobRole, JobRoleConnection } from './job-role.type';

@Resolver(() => JobRole)
export class JobRoleResolver {
  @Query(() => JobRole, {
    nullable: true,
    description: 'A job role by id; null when there is none.',
  })
  jobRole(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<JobRole | null> {
    return ctx.loaders.jobRoleById.load(id);
  }

  @Query(() => JobRoleConnection, {
    description: 'Job roles by title, optionally of one framework.',
  })
  async jobRoles(
    @Arg('framework', () => Framework, { nullable: true }) framework: Framework | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<JobRole>> {
    const skip = offsetAfter(page.after);
    return toConnection(
      await ctx.repositories.jobRole.findPage(framework ?? null, skip, page.first),
      skip,
    );
  }

  @FieldResolver(() => [String], { description: 'Alternative titles, searched too.' })
  altTitles(@Root() j: JobRole): string[] {
    return j.altTitles ?? [];
  }

  @FieldResolver(() => [SkillRequirement], {
    description: 'Required skills, most important first.',
  })
  async requiredSkills(@Root() j: JobRole, @Ctx() ctx: Context): Promise<SkillRequirement[]> {
    const rows = await ctx.loaders.jobRoleRequiredSkills.load(j.id);
    return rows.map((r) => ({
      skill: r.node,
      essential: r.essential,
      importance: r.importance,
      level: r.level,
    }));
  }

  @FieldResolver(() => [RelatedJobRole], { description: 'Related roles, closest first.' })
  async relatedRoles(@Root() j: JobRole, @Ctx() ctx: Context): Promise<RelatedJobRole[]> {
    const rows = await ctx.loaders.jobRoleRelatedRoles.load(j.id);
    return rows.map((r) => ({ jobRole: r.node, tier: r.tier, rank: r.rank }));
  }

  @FieldResolver(() => [EquivalentJobRole], {
    description:
      'Roles of the other taxonomy (ESCO or O*NET) mapped onto this one by a crosswalk, so a gap ' +
      'can be asked against either.',
  })
  async equivalentRoles(@Root() j: JobRole, @Ctx() ctx: Context): Promise<EquivalentJobRole[]> {
    const rows = await ctx.loaders.jobRoleEquivalents.load(j.id);
    return rows.map((r) => ({ jobRole: r.node, source: r.source, confidence: r.confidence }));
  }

  @FieldResolver(() => [JobRole], { description: 'Broader roles in the occupation hierarchy.' })
  async broader(@Root() j: JobRole, @Ctx() ctx: Context): Promise<JobRole[]> {
    return (await ctx.loaders.jobRoleBroader.load(j.id)).map((r) => r.node);
  }

  @Mutation(() => JobRole, {
    description:
      'Creates or updates a job role with its required skills (admin key), in one transaction. ' +
      'Unknown skill ids fail with BAD_USER_INPUT naming them.',
  })
  async upsertJobRole(
    @Arg('input', () => JobRoleInput) input: JobRoleInput,
    @Ctx() ctx: Context,
  ): Promise<JobRole> {
    await requireAdmin(ctx, 'upsertJobRole');
    const skillIds = input.requiredSkills.map((r) => r.skillId);
    if (new Set(skillIds).size !== skillIds.length) {
      throw new UserInputError('Each skill may be required once per job role.');
    }
    const { jobRole: roles, skill: skills } = ctx.repositories;
    return ctx.db.writeTransaction(async (tx) => {
      const missing = await skills.findMissing(tx, skillIds);
      if (missing.length > 0) {
        throw new UserInputError(`Unknown skill ids: ${missing.join(', ')}.`, {
          unknownSkillIds: missing,
        });
      }
      return roles.upsert(
        tx,
        {
          id: input.id,
          title: input.title,
          altTitles: input.altTitles,
          description: input.description ?? null,
          framework: input.framework,
          code: input.code ?? null,
          jobZone: input.jobZone ?? null,
        },
        input.requiredSkills.map((r) => ({
          skillId: r.skillId,
          essential: r.essential,
          importance: r.importance ?? (r.essential ? 1 : 0.5),
          level: r.level,
        })),
      );
    });
  }
}
