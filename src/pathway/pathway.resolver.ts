import { Length, Max, Min } from 'class-validator';
import { Arg, Ctx, Field, Float, ID, InputType, Int, Query, Resolver } from 'type-graphql';
import { requireLearnerOrAdmin } from '../auth/guards';
import { isMutual } from '../credential/credential.service';
import { today } from '../learner/learner.resolver';
import { NotFoundError, UserInputError } from '../lib/errors';
import { intInRange, MAX_PAGE_SIZE } from '../lib/pagination';
import type { Context } from '../server/context';
import type { Skill } from '../skill/skill.type';
import type { GapRow, HeldMatch } from './pathway.repository';
import {
  greedyPlan,
  scoreBroadening,
  scoreEquivalence,
  splitGap,
  type GapResult,
  type RequirementResult,
} from './pathway.service';
import {
  BroadeningOption,
  Equivalent,
  GapClosingPlan,
  PlanObjective,
  RoleTransition,
  SkillGap,
  StackingDirection,
  StackingLink,
  StackingPath,
} from './pathway.type';

export const MAX_STACKING_DEPTH = 6;
export const MAX_PLAN_CREDENTIALS = 20;
/** Candidates a plan or a broadening search considers at most, so dense graphs stay bounded. */
const CANDIDATE_LIMIT = 500;
/** Equivalence candidates scored at most: those that touch most of the start's skills. */
const EQUIVALENCE_CANDIDATES = 100;

@InputType({ description: 'A skill held, for anonymous gap questions.' })
export class HeldSkillInput {
  @Field(() => ID, { description: 'Skill id.' })
  @Length(1, 300)
  skillId!: string;

  @Field(() => Int, { defaultValue: 2, description: 'Level held, 1 to 5 (default 2).' })
  @Min(1)
  @Max(5)
  level!: number;
}

/**
 * The full nodes of the skills a result names. The headline queries name skills by id and label to
 * keep their rows small; the nodes load in one batch, for what is returned only.
 */
async function skillNodes(ctx: Context, ids: Iterable<string>): Promise<Map<string, Skill>> {
  const loaded = await ctx.loaders.skillById.loadMany([...new Set(ids)]);
  const map = new Map<string, Skill>();
  for (const s of loaded) if (s && !(s instanceof Error)) map.set(s.id, s);
  return map;
}

async function heldFrom(
  ctx: Context,
  learnerId: string | null | undefined,
  skills: HeldSkillInput[] | null | undefined,
): Promise<{ learnerId: string | null; skills: { skillId: string; level: number }[] }> {
  if (learnerId) {
    await requireLearnerOrAdmin(ctx, learnerId, 'A gap for a stored learner');
    if (!(await ctx.loaders.learnerById.load(learnerId)))
      throw new NotFoundError(`No learner "${learnerId}".`);
  }
  if (!learnerId && !skills)
    throw new UserInputError('Give learnerId or skills (an ad-hoc list of held skills).');
  return {
    learnerId: learnerId ?? null,
    skills: (skills ?? []).map((s) => ({ skillId: s.skillId, level: s.level })),
  };
}

async function gapFor(
  ctx: Context,
  query: {
    roleId: string;
    learnerId: string | null;
    skills: { skillId: string; level: number }[];
    fromRoleId: string | null;
    includeOptional: boolean;
  },
): Promise<{ rows: GapRow[]; gap: SkillGap; result: GapResult }> {
  const rows = await ctx.repositories.pathway.findSkillGap({ ...query, today: today() });
  if (rows.length === 0) {
    const role = await ctx.loaders.jobRoleById.load(query.roleId);
    if (!role) throw new NotFoundError(`No job role "${query.roleId}".`);
  } else if (query.learnerId !== null && !rows[0]!.learnerFound) {
    throw new NotFoundError(`No learner "${query.learnerId}".`);
  }
  const result = splitGap(rows);
  const match = (m: HeldMatch | null) =>
    m && {
      skill: m.skill,
      level: m.level,
      exact: m.exact,
      credential: m.credential,
      source: m.source,
    };
  const status = (r: RequirementResult) => ({
    skill: r.row.req,
    essential: r.row.essential,
    importance: r.row.importance,
    level: r.row.level,
    coveredBy: match(r.coveredBy),
    heldLevel: r.heldLevel,
  });
  const jobRole = rows[0]?.role ?? (await ctx.loaders.jobRoleById.load(query.roleId))!;
  return {
    rows,
    result,
    gap: {
      jobRole,
      covered: result.covered.map(status),
      missing: result.missing.map(status),
      coverage: result.coverage,
      essentialCoverage: result.essentialCoverage,
    },
  };
}

@Resolver()
export class PathwayResolver {
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
    @Ctx() ctx: Context,
  ): Promise<StackingPath[]> {
    intInRange(maxDepth, 1, MAX_STACKING_DEPTH, 'maxDepth');
    intInRange(first, 1, MAX_PAGE_SIZE, 'first');
    const rows = await ctx.repositories.pathway.findStackingPaths({
      from,
      to: to ?? null,
      direction,
      maxDepth,
      first,
    });
    if (rows.length === 0 && !(await ctx.loaders.credentialById.load(from))) {
      throw new NotFoundError(`No credential "${from}".`);
    }
    const providers = await ctx.loaders.providerById.loadMany([
      ...new Set(rows.flatMap((r) => r.providerIds)),
    ]);
    const providerMap = new Map(
      providers.filter((p) => p && !(p instanceof Error)).map((p) => [(p as { id: string }).id, p]),
    );
    return rows.map((r) => ({
      steps: r.steps.map((s) => ({
        credential: s.credential,
        link: s.link as StackingLink,
        required: s.required ?? null,
      })),
      totalHours: r.totalHours,
      totalPrice: r.totalPrice,
      currencies: r.currencies,
      providers: r.providerIds
        .map((id) => providerMap.get(id))
        .filter((p) => p !== undefined) as never[],
      length: r.steps.length,
    }));
  }

  @Query(() => [BroadeningOption], {
    description:
      'Horizontal stacking: active credentials within one EQF level of the start whose skills are ' +
      'mostly new to it (over half) but adjacent to it (sharing a BROADER parent of at most 60 ' +
      'children with, or RELATED_TO, a start skill), plus sibling parts of the same whole. The start is a credential, or a learner ' +
      "(unexpired earned credentials and declared skills; the learner's or an admin's key). Best first.",
  })
  async broadeningOptions(
    @Arg('credentialId', () => ID, { nullable: true }) credentialId: string | null,
    @Arg('learnerId', () => ID, { nullable: true }) learnerId: string | null,
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<BroadeningOption[]> {
    intInRange(first, 1, MAX_PAGE_SIZE, 'first');
    if (!credentialId === !learnerId)
      throw new UserInputError('Give exactly one of credentialId and learnerId.');
    if (learnerId) await requireLearnerOrAdmin(ctx, learnerId, 'Broadening options for a learner');
    const start = credentialId
      ? await ctx.loaders.credentialById.load(credentialId)
      : await ctx.loaders.learnerById.load(learnerId!);
    if (!start)
      throw new NotFoundError(
        `No ${credentialId ? 'credential' : 'learner'} "${credentialId ?? learnerId}".`,
      );
    const row = await ctx.repositories.pathway.findBroadeningOptions({
      credentialId: credentialId ?? null,
      learnerId: learnerId ?? null,
      today: today(),
      limit: CANDIDATE_LIMIT,
    });
    if (!row) return [];
    const startIds = new Set(row.startSkills.map((s) => s.id));
    const adjacency = new Map(row.adjacency.map((a) => [a.id, a]));
    const scored = row.candidates
      .map((c) => ({
        c,
        s: scoreBroadening(startIds, new Set(adjacency.keys()), c.skills, c.siblingOf.length > 0),
      }))
      .filter(({ c, s }) => c.siblingOf.length > 0 || (s.novelty > 0.5 && s.adjacentIds.length > 0))
      .sort((a, b) => b.s.score - a.s.score || a.c.node.id.localeCompare(b.c.node.id))
      .slice(0, first);
    const skillById = await skillNodes(ctx, [
      ...scored.flatMap(({ s }) => s.newSkillIds),
      ...row.adjacency.map((a) => a.via),
    ]);
    return scored.map(({ c, s }) => ({
      credential: c.node,
      newSkills: s.newSkillIds.map((id) => {
        const adj = adjacency.get(id);
        return {
          skill: skillById.get(id)!,
          adjacent: !!adj,
          how: adj?.how ?? null,
          via: adj ? (skillById.get(adj.via) ?? null) : null,
        };
      }),
      score: s.score,
      adjacency: s.adjacency,
      novelty: s.novelty,
      siblingOf: c.siblingOf,
    }));
  }

  @Query(() => [Equivalent], {
    description:
      'Credentials that cover the same ground: declared equivalences (who asserted them, whether ' +
      'mutual) and, with includeComputed, computed ones. Computed score = overlap / union of the two ' +
      'skill sets (exact match 1, parent/child 0.5), halved when EQF levels differ by more than one ' +
      'and halved when hours differ by more than 2x. Same-provider matches are flagged. Best first.',
  })
  async equivalents(
    @Arg('credentialId', () => ID) credentialId: string,
    @Arg('minScore', () => Float, { defaultValue: 0.3 }) minScore: number,
    @Arg('includeComputed', () => Boolean, { defaultValue: true }) includeComputed: boolean,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<Equivalent[]> {
    intInRange(first, 1, MAX_PAGE_SIZE, 'first');
    if (!(minScore >= 0 && minScore <= 1))
      throw new UserInputError('minScore must be from 0 to 1.');
    const [declared, row] = await Promise.all([
      ctx.loaders.credentialEquivalents.load(credentialId),
      includeComputed
        ? ctx.repositories.pathway.findEquivalenceCandidates(credentialId, EQUIVALENCE_CANDIDATES)
        : null,
    ]);
    const start = row?.start ?? (await ctx.loaders.credentialById.load(credentialId));
    if (!start) throw new NotFoundError(`No credential "${credentialId}".`);
    type Draft = Omit<Equivalent, 'sharedSkills' | 'onlyInStart' | 'onlyInOther'> & {
      ids: { shared: string[]; onlyInStart: string[]; onlyInOther: string[] };
    };
    const noIds = { shared: [], onlyInStart: [], onlyInOther: [] };
    const byId = new Map<string, Draft>();
    const computed = new Map(
      (row?.candidates ?? []).map((c) => [
        c.node.id,
        {
          c,
          s: scoreEquivalence({ ...start, skills: row!.skills }, { ...c.node, skills: c.skills }),
        },
      ]),
    );
    for (const { c, s } of computed.values()) {
      if (s.score < minScore) continue;
      byId.set(c.node.id, {
        credential: c.node,
        declared: false,
        assertedBy: [],
        mutual: false,
        sameProvider: c.node.providerId === start.providerId,
        score: s.score,
        parts: s,
        ids: s,
      });
    }
    for (const d of declared) {
      const asserters = [...new Set(d.assertions.map((a) => a.assertedBy))];
      const score = computed.get(d.node.id)?.s;
      byId.set(d.node.id, {
        credential: d.node,
        sameProvider: d.node.providerId === start.providerId,
        score: score?.score ?? null,
        parts: score ?? null,
        ids: score ?? noIds,
        declared: true,
        assertedBy: asserters,
        mutual: isMutual(asserters, start, d.node),
      });
    }
    const chosen = [...byId.values()]
      .sort(
        (a, b) =>
          Number(b.declared) - Number(a.declared) ||
          (b.score ?? 0) - (a.score ?? 0) ||
          a.credential.id.localeCompare(b.credential.id),
      )
      .slice(0, first);
    const skillById = await skillNodes(
      ctx,
      chosen.flatMap((e) => [...e.ids.shared, ...e.ids.onlyInStart, ...e.ids.onlyInOther]),
    );
    const skills = (ids: string[]) => ids.map((id) => skillById.get(id)!);
    return chosen.map(({ ids, ...e }) => ({
      ...e,
      sharedSkills: skills(ids.shared),
      onlyInStart: skills(ids.onlyInStart),
      onlyInOther: skills(ids.onlyInOther),
    }));
  }

  @Query(() => SkillGap, {
    description:
      "A job role's required skills split into covered (and by which held skill or credential) and " +
      "missing, with coverage weighted by importance. Held skills: a stored learner's (the learner's " +
      'or an admin key; expired achievements do not count) and/or an ad-hoc list.',
  })
  async skillGap(
    @Arg('roleId', () => ID) roleId: string,
    @Arg('learnerId', () => ID, { nullable: true }) learnerId: string | null,
    @Arg('skills', () => [HeldSkillInput], { nullable: true, validate: true })
    skills: HeldSkillInput[] | null,
    @Arg('includeOptional', () => Boolean, { defaultValue: false }) includeOptional: boolean,
    @Ctx() ctx: Context,
  ): Promise<SkillGap> {
    if ((skills?.length ?? 0) > 500) throw new UserInputError('skills is limited to 500 entries.');
    const held = await heldFrom(ctx, learnerId, skills);
    return (await gapFor(ctx, { roleId, ...held, fromRoleId: null, includeOptional })).gap;
  }

  @Query(() => GapClosingPlan, {
    description:
      'A plan of active credentials that closes the missing essential skills of a role (and optional ' +
      `ones with includeOptional), at low total hours, price or count, with at most maxCredentials (1 to ${MAX_PLAN_CREDENTIALS}) ` +
      'steps including added prerequisites, ordered so prerequisites come first. Reports what stays uncovered.',
  })
  async gapClosingPlan(
    @Arg('roleId', () => ID) roleId: string,
    @Arg('learnerId', () => ID, { nullable: true }) learnerId: string | null,
    @Arg('skills', () => [HeldSkillInput], { nullable: true, validate: true })
    skills: HeldSkillInput[] | null,
    @Arg('optimize', () => PlanObjective, { defaultValue: PlanObjective.HOURS })
    optimize: PlanObjective,
    @Arg('maxCredentials', () => Int, { defaultValue: 6 }) maxCredentials: number,
    @Arg('includeOptional', () => Boolean, { defaultValue: false }) includeOptional: boolean,
    @Ctx() ctx: Context,
  ): Promise<GapClosingPlan> {
    intInRange(maxCredentials, 1, MAX_PLAN_CREDENTIALS, 'maxCredentials');
    if ((skills?.length ?? 0) > 500) throw new UserInputError('skills is limited to 500 entries.');
    const held = await heldFrom(ctx, learnerId, skills);
    const { rows, gap, result } = await gapFor(ctx, {
      roleId,
      ...held,
      fromRoleId: null,
      includeOptional,
    });
    const targets = result.missing.filter((m) => includeOptional || m.row.essential);
    const candidates =
      targets.length === 0
        ? []
        : await ctx.repositories.pathway.findPlanCandidates(
            targets.map((t) => ({ skillId: t.row.req.id, level: t.row.level })),
            CANDIDATE_LIMIT,
          );
    const earned = new Set(rows[0]?.earned ?? []);
    const plan = greedyPlan(
      targets.map((t) => ({ skillId: t.row.req.id, importance: t.row.importance })),
      candidates,
      earned,
      optimize,
      maxCredentials,
    );
    const reqById = new Map(rows.map((r) => [r.req.id, r]));
    const steps = plan.picks.map((p, i) => ({
      order: i + 1,
      credential: p.credential,
      covers: p.covers.map((id) => reqById.get(id)!.req),
      prerequisiteOnly: p.prerequisiteOnly,
      requires: p.requires.map((id) => plan.picks.find((q) => q.credential.id === id)!.credential),
    }));
    const newlyCovered = new Set(plan.picks.flatMap((p) => p.covers));
    const essential = rows.filter((r) => r.essential);
    const essentialTotal = essential.reduce((s, r) => s + r.importance, 0);
    const essentialCovered =
      result.covered.filter((c) => c.row.essential).reduce((s, c) => s + c.row.importance, 0) +
      essential.filter((r) => newlyCovered.has(r.req.id)).reduce((s, r) => s + r.importance, 0);
    return {
      gap,
      steps,
      totalHours: steps.reduce((s, p) => s + (p.credential.hours ?? 0), 0),
      totalPrice: steps.reduce((s, p) => s + (p.credential.price ?? 0), 0),
      currencies: [
        ...new Set(steps.map((p) => p.credential.currency).filter((c): c is string => !!c)),
      ],
      uncovered: plan.uncovered.map((u) => {
        const r = reqById.get(u.skillId)!;
        return { skill: r.req, importance: r.importance, level: r.level, reason: u.reason };
      }),
      essentialCoverageAfter: essentialTotal === 0 ? 1 : essentialCovered / essentialTotal,
    };
  }

  @Query(() => RoleTransition, {
    description:
      "The gap between two roles' skill profiles: the target role's requirements, covered or not by " +
      "the first role's requirements (at their levels, through the skill hierarchy).",
  })
  async roleTransition(
    @Arg('fromRoleId', () => ID) fromRoleId: string,
    @Arg('toRoleId', () => ID) toRoleId: string,
    @Arg('includeOptional', () => Boolean, { defaultValue: false }) includeOptional: boolean,
    @Ctx() ctx: Context,
  ): Promise<RoleTransition> {
    const from = await ctx.loaders.jobRoleById.load(fromRoleId);
    if (!from) throw new NotFoundError(`No job role "${fromRoleId}".`);
    const { gap } = await gapFor(ctx, {
      roleId: toRoleId,
      learnerId: null,
      skills: [],
      fromRoleId,
      includeOptional,
    });
    return { from, gap };
  }
}
