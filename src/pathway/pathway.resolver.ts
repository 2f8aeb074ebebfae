import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Extensions, Float, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { projection, selectionsAt } from '../lib/lookahead';
import { SKILL_SHAPE } from '../skill/skill.type';
import { MAX_PAGE_SIZE } from '../lib/pagination';
import type { Context } from '../context';
import { GapPlanArgs, SkillGapArgs } from './pathway.inputs';
import { MAX_PLAN_CREDENTIALS, MAX_STACKING_DEPTH, type PathwayService } from './pathway.service';
import {
  BroadeningOption,
  Equivalent,
  GapClosingPlan,
  RoleTransition,
  SkillGap,
  StackingDirection,
  StackingPath,
} from './pathway.type';

/** The skill properties the skills at these paths of the result ask for (null: all). */
function skillFieldsAt(info: GraphQLResolveInfo, ...paths: string[][]): string[] | null {
  return projection(info, selectionsAt(info, info.fieldNodes, ...paths), SKILL_SHAPE);
}

@Resolver()
export class PathwayResolver {
  constructor(private readonly pathwayService: PathwayService) {}

  @Extensions({ cost: 100 })
  @Query(() => [StackingPath], {
    description:
      'Stacking paths from a credential through prerequisites (REQUIRES, followed from a prerequisite ' +
      'to what it unlocks) and part-of links (part to whole), over active credentials. UP climbs from ' +
      '`from`; DOWN lists what leads into it. With `to`, only paths ending there. Ordered by total ' +
      `hours, then length. maxDepth 1 to ${MAX_STACKING_DEPTH}; first up to ${MAX_PAGE_SIZE}.`,
  })
  async stackingPaths(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID, { nullable: true }) to: string | null,
    @Arg('direction', () => StackingDirection, { defaultValue: StackingDirection.UP })
    direction: StackingDirection,
    @Arg('maxDepth', () => Int, { defaultValue: 4 }) maxDepth: number,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
  ): Promise<StackingPath[]> {
    return this.pathwayService.stackingPaths({ from, to: to ?? null, direction, maxDepth, first });
  }

  @Extensions({ cost: 500 })
  @Query(() => [BroadeningOption], {
    description:
      'Horizontal stacking: active credentials within one EQF level of the start whose skills are ' +
      'mostly new to it (over half) but adjacent to it (sharing a BROADER parent of at most 60 ' +
      'children with, or RELATED_TO, a start skill), plus sibling parts of the same whole. Score = ' +
      '(0.6 x adjacency + 0.4 x novelty) x breadth (new skills / 3, at most 1) + 0.25 for a ' +
      'sibling. The start is a credential, or a learner (unexpired earned credentials and ' +
      "declared skills; the learner's or an admin's key), for whom the remaining parts of " +
      'programmes they have started come first. Best first.',
  })
  async broadeningOptions(
    @Arg('credentialId', () => ID, { nullable: true }) credentialId: string | null,
    @Arg('learnerId', () => ID, { nullable: true }) learnerId: string | null,
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<BroadeningOption[]> {
    return this.pathwayService.broadeningOptions(await ctx.viewer(), {
      credentialId: credentialId ?? null,
      learnerId: learnerId ?? null,
      first,
      skillFields: skillFieldsAt(info, ['newSkills', 'skill'], ['newSkills', 'via']),
    });
  }

  @Extensions({ cost: 300 })
  @Query(() => [Equivalent], {
    description:
      'Credentials that cover the same ground: declared equivalences (who asserted them, whether ' +
      'mutual) and, with includeComputed, computed ones. Computed score = weighted overlap / union ' +
      'of the two skill sets (exact match its weight, parent/child pair half; a skill weighs how ' +
      'few credentials teach it), scaled down when the shared weight is under 1.5, halved when EQF ' +
      'levels differ by more than one and halved when hours differ by more than 2x. Same-provider ' +
      'matches are flagged, or left out with acrossProviders. Best first.',
  })
  async equivalents(
    @Arg('credentialId', () => ID) credentialId: string,
    @Arg('minScore', () => Float, { defaultValue: 0.3 }) minScore: number,
    @Arg('includeComputed', () => Boolean, { defaultValue: true }) includeComputed: boolean,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('acrossProviders', () => Boolean, {
      defaultValue: false,
      description: "Leave out the start's own provider's credentials (translations, re-runs).",
    })
    acrossProviders: boolean,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Equivalent[]> {
    return this.pathwayService.equivalents({
      credentialId,
      minScore,
      includeComputed,
      first,
      acrossProviders,
      skillFields: skillFieldsAt(
        info,
        ['sharedSkills'],
        ['onlyInStart'],
        ['onlyInOther'],
        ['uncomparableSkills'],
        ['sharedSkillWeights', 'skill'],
      ),
    });
  }

  @Extensions({ cost: 200 })
  @Query(() => SkillGap, {
    description:
      "A job role's required skills split into covered (and by which held skill or credential) and " +
      "missing, with coverage weighted by importance. Held skills: a stored learner's (the learner's " +
      'or an admin key; expired achievements do not count) and/or an ad-hoc list.',
  })
  async skillGap(
    @Args(() => SkillGapArgs) args: SkillGapArgs,
    @Ctx() ctx: Context,
  ): Promise<SkillGap> {
    return this.pathwayService.skillGap(await ctx.viewer(), {
      roleId: args.roleId,
      learnerId: args.learnerId ?? null,
      skills: args.skills ?? null,
      includeOptional: args.includeOptional,
    });
  }

  @Extensions({ cost: 1000 })
  @Query(() => GapClosingPlan, {
    description:
      'A plan of active credentials that closes the missing essential skills of a role (and optional ' +
      `ones with includeOptional), at low total hours, price or count, with at most maxCredentials (1 to ${MAX_PLAN_CREDENTIALS}) ` +
      'steps including added prerequisites, ordered so prerequisites come first. Reports what stays uncovered.',
  })
  async gapClosingPlan(
    @Args(() => GapPlanArgs) args: GapPlanArgs,
    @Ctx() ctx: Context,
  ): Promise<GapClosingPlan> {
    return this.pathwayService.gapClosingPlan(await ctx.viewer(), {
      roleId: args.roleId,
      learnerId: args.learnerId ?? null,
      skills: args.skills ?? null,
      optimize: args.optimize,
      maxCredentials: args.maxCredentials,
      includeOptional: args.includeOptional,
      filter: args.filter ?? null,
    });
  }

  @Extensions({ cost: 200 })
  @Query(() => RoleTransition, {
    description:
      "The gap between two roles' skill profiles: the target role's requirements, covered or not by " +
      "the first role's requirements (at their levels, through the skill hierarchy).",
  })
  async roleTransition(
    @Arg('fromRoleId', () => ID) fromRoleId: string,
    @Arg('toRoleId', () => ID) toRoleId: string,
    @Arg('includeOptional', () => Boolean, { defaultValue: false }) includeOptional: boolean,
  ): Promise<RoleTransition> {
    return this.pathwayService.roleTransition({ fromRoleId, toRoleId, includeOptional });
  }
}
