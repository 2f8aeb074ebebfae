import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Extensions,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { JOB_ROLE_LIST_BOUNDS } from './job-role.repository';
import { ApiRole } from '../auth/viewer';
import { offsetAfter, PageArgs, toConnection, type ConnectionShape } from '../lib/pagination';
import type { Context } from '../context';
import { Framework } from '../skill/skill.type';
import { EquivalentJobRole, RelatedJobRole, SkillRequirement } from './job-role-links.type';
import { JobRoleInput } from './job-role.inputs';
import type { JobRoleService } from './job-role.service';
import { JobRole, JobRoleConnection } from './job-role.type';

@Resolver(() => JobRole)
export class JobRoleResolver {
  constructor(private readonly jobRoleService: JobRoleService) {}

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
  ): Promise<ConnectionShape<JobRole>> {
    const skip = offsetAfter(page.after);
    return toConnection(
      await this.jobRoleService.findPage(framework ?? null, skip, page.first),
      skip,
    );
  }

  @FieldResolver(() => [String], { description: 'Alternative titles, searched too.' })
  altTitles(@Root() j: JobRole): string[] {
    return j.altTitles ?? [];
  }

  @Extensions({ maxItems: JOB_ROLE_LIST_BOUNDS.requiredSkills })
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
      reliable: r.reliable,
      evidence: r.evidence,
    }));
  }

  @Extensions({ maxItems: JOB_ROLE_LIST_BOUNDS.relatedRoles })
  @FieldResolver(() => [RelatedJobRole], { description: 'Related roles, closest first.' })
  async relatedRoles(@Root() j: JobRole, @Ctx() ctx: Context): Promise<RelatedJobRole[]> {
    const rows = await ctx.loaders.jobRoleRelatedRoles.load(j.id);
    return rows.map((r) => ({ jobRole: r.node, tier: r.tier, rank: r.rank }));
  }

  @Extensions({ maxItems: JOB_ROLE_LIST_BOUNDS.equivalentRoles })
  @FieldResolver(() => [EquivalentJobRole], {
    description:
      'Roles of the other taxonomy (ESCO or O*NET) mapped onto this one by a crosswalk, so a gap ' +
      'can be asked against either.',
  })
  async equivalentRoles(@Root() j: JobRole, @Ctx() ctx: Context): Promise<EquivalentJobRole[]> {
    const rows = await ctx.loaders.jobRoleEquivalents.load(j.id);
    return rows.map((r) => ({ jobRole: r.node, source: r.source, confidence: r.confidence }));
  }

  @Extensions({ maxItems: JOB_ROLE_LIST_BOUNDS.broader })
  @FieldResolver(() => [JobRole], { description: 'Broader roles in the occupation hierarchy.' })
  async broader(@Root() j: JobRole, @Ctx() ctx: Context): Promise<JobRole[]> {
    return (await ctx.loaders.jobRoleBroader.load(j.id)).map((r) => r.node);
  }

  @Authorized(ApiRole.ADMIN)
  @Mutation(() => JobRole, {
    description:
      'Creates or updates a job role with its required skills (admin key), in one transaction. ' +
      'Unknown skill ids fail with BAD_USER_INPUT naming them.',
  })
  async upsertJobRole(
    @Arg('input', () => JobRoleInput) input: JobRoleInput,
    @Ctx() ctx: Context,
  ): Promise<JobRole> {
    return this.jobRoleService.upsert(await ctx.viewer(), input);
  }
}
