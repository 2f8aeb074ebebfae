import { requireLearnerOrAdmin } from '../auth/guards';
import type { Viewer } from '../auth/viewer';
import {
  CREDENTIAL_LIST_BOUNDS,
  type CredentialRepository,
} from '../credential/credential.repository';
import { isMutual } from '../credential/credential.rules';
import type { Credential } from '../credential/credential.type';
import type { JobRoleRepository } from '../job-role/job-role.repository';
import type { JobRole } from '../job-role/job-role.type';
import type { LearnerRepository } from '../learner/learner.repository';
import { today, type Clock } from '../lib/clock';
import { NotFoundError, UserInputError } from '../lib/errors';
import { intInRange, MAX_PAGE_SIZE } from '../lib/pagination';
import type { ProviderRepository } from '../provider/provider.repository';
import type { Provider } from '../provider/provider.type';
import type { SkillRepository } from '../skill/skill.repository';
import type { Skill } from '../skill/skill.type';
import { rankBroadening } from './broadening';
import { rankEquivalents, scoreEquivalence } from './equivalence';
import { essentialCoverageAfter, splitGap, type GapResult, type RequirementResult } from './gap';
import type { GapRow, HeldMatch, PathwayRepository } from './pathway.repository';
import type {
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
import { greedyPlan, sumCosts } from './plan';
import { findById, groupBy } from '../lib/group';
import type { CredentialFilter } from '../credential/credential.inputs';
import { catalogueFilter } from '../credential/credential.rules';
import { present } from '../lib/present';

/** A node the same read returned by id (so it is there); `what` names it if not. */
const byId = <T>(nodes: ReadonlyMap<string, T>, id: string, what: string): T =>
  present(nodes.get(id), `${what} ${id}`);

/** The deepest stacking path asked for. */
export const MAX_STACKING_DEPTH = 6;
/** The most credentials a plan may hold, prerequisites included. */
export const MAX_PLAN_CREDENTIALS = 20;
/** The most held skills an ad-hoc gap question may list. */
export const MAX_HELD_SKILLS = 500;
/** Candidates a plan or a broadening search considers at most, so dense graphs stay bounded. */
const CANDIDATE_LIMIT = 500;
/** Equivalence candidates scored at most: those that touch most of the start's skills. */
const EQUIVALENCE_CANDIDATES = 100;
/** Equivalence candidates with the start's very title besides, whatever their skills. */
const EQUIVALENCE_BY_TITLE = 10;

/** Held skills: a stored learner's, an ad-hoc list, or both. */
export interface HeldQuery {
  learnerId: string | null;
  skills: { skillId: string; level: number }[] | null;
}

interface GapQuery {
  roleId: string;
  learnerId: string | null;
  skills: { skillId: string; level: number }[];
  fromRoleId: string | null;
  includeOptional: boolean;
}

/**
 * The headline queries: stacking paths, broadening options, equivalents, skill gaps, gap-closing
 * plans and role transitions. Each runs its Cypher in one round trip (a few at most); the rules
 * that decide the answers live in the pure modules beside this one.
 */
export class PathwayService {
  constructor(
    private readonly pathways: PathwayRepository,
    private readonly credentials: CredentialRepository,
    private readonly providers: ProviderRepository,
    private readonly skills: SkillRepository,
    private readonly jobRoles: JobRoleRepository,
    private readonly learners: LearnerRepository,
    private readonly clock: Clock,
  ) {}

  /** Paths through prerequisites and part-of links, up from a credential or down into it. */
  async stackingPaths(query: {
    from: string;
    to: string | null;
    direction: StackingDirection;
    maxDepth: number;
    first: number;
  }): Promise<StackingPath[]> {
    intInRange(query.maxDepth, 1, MAX_STACKING_DEPTH, 'maxDepth');
    intInRange(query.first, 1, MAX_PAGE_SIZE, 'first');
    const rows = await this.pathways.findStackingPaths(query);
    if (rows.length === 0 && !(await this.credential(query.from))) {
      throw new NotFoundError(`No credential "${query.from}".`);
    }
    const providers = await findById(
      (ids) => this.providers.findByIds(ids),
      rows.flatMap((r) => r.providerIds),
    );
    return rows.map((r) => ({
      steps: r.steps.map((s) => ({
        credential: s.credential,
        link: s.link as StackingLink,
        required: s.required ?? null,
      })),
      totalHours: r.totalHours,
      totalPrice: r.totalPrice,
      priceKnown: r.priceKnown,
      partsExceedWhole: r.partsExceedWhole,
      currencies: r.currencies,
      providers: r.providerIds
        .map((id) => providers.get(id))
        .filter((p): p is Provider => p !== undefined),
      length: r.steps.length,
    }));
  }

  /** Horizontal stacking from a credential or from a learner's record (their key or an admin's). */
  async broadeningOptions(
    viewer: Viewer,
    query: {
      credentialId: string | null;
      learnerId: string | null;
      first: number;
      /** The skill properties the answer's skills need (null: all). */
      skillFields?: string[] | null;
    },
  ): Promise<BroadeningOption[]> {
    const { credentialId, learnerId, first } = query;
    intInRange(first, 1, MAX_PAGE_SIZE, 'first');
    if (!credentialId === !learnerId) {
      throw new UserInputError('Give exactly one of credentialId and learnerId.');
    }
    if (learnerId) requireLearnerOrAdmin(viewer, learnerId, 'Broadening options for a learner');
    const start = credentialId
      ? await this.credential(credentialId)
      : learnerId
        ? (await this.learners.findByIds([learnerId]))[0]
        : undefined;
    if (!start) {
      throw new NotFoundError(
        `No ${credentialId ? 'credential' : 'learner'} "${credentialId ?? learnerId}".`,
      );
    }
    const row = await this.pathways.findBroadeningOptions({
      credentialId,
      learnerId,
      today: today(this.clock),
      limit: CANDIDATE_LIMIT,
    });
    if (!row) return [];
    const adjacency = new Map(row.adjacency.map((a) => [a.id, a]));
    const ranked = rankBroadening(
      new Map(row.startSkills.map((s) => [s.id, s])),
      groupBy(
        row.adjacency,
        (a) => a.id,
        (a) => a.via,
      ),
      row.candidates,
      first,
      row.catalogue,
    );
    // Candidates come as ids: only the chosen ones, and the wholes they sit under, load whole.
    const { skillById, credentialById } = await this.namedNodes(
      ranked.flatMap(({ c }) => [c.node.id, ...c.siblingOf]),
      [...ranked.flatMap(({ s }) => s.newSkillIds), ...row.adjacency.map((a) => a.via)],
      query.skillFields ?? null,
    );
    return ranked.map(({ c, s }) => ({
      credential: byId(credentialById, c.node.id, 'the broadening candidate'),
      newSkills: s.newSkillIds.map((id) => {
        const adj = adjacency.get(id);
        return {
          skill: byId(skillById, id, 'the new skill'),
          adjacent: !!adj,
          how: adj?.how ?? null,
          via: adj ? (skillById.get(adj.via) ?? null) : null,
        };
      }),
      score: s.score,
      adjacency: s.adjacency,
      novelty: s.novelty,
      breadth: s.breadth,
      sibling: c.siblingOf.length > 0,
      siblingOf: c.siblingOf
        .map((id) => credentialById.get(id))
        .filter((w): w is Credential => w !== undefined),
    }));
  }

  /** Declared and computed equivalents of a credential, each explained. */
  async equivalents(query: {
    credentialId: string;
    minScore: number;
    includeComputed: boolean;
    first: number;
    acrossProviders?: boolean;
    /** The skill properties the answer's skills need (null: all). */
    skillFields?: string[] | null;
  }): Promise<Equivalent[]> {
    const { credentialId, minScore, includeComputed, first } = query;
    intInRange(first, 1, MAX_PAGE_SIZE, 'first');
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new UserInputError('minScore must be from 0 to 1.');
    }
    // With computed ones, one query brings the start, its candidates and its declared equivalents.
    const row = includeComputed
      ? await this.pathways.findEquivalenceCandidates(credentialId, {
          candidates: EQUIVALENCE_CANDIDATES,
          byTitle: EQUIVALENCE_BY_TITLE,
          declared: CREDENTIAL_LIST_BOUNDS.links,
        })
      : null;
    const declared = row
      ? row.declared
      : await this.credentials.findDeclaredEquivalents([credentialId]);
    const start = row?.start ?? (await this.credential(credentialId));
    if (!start) throw new NotFoundError(`No credential "${credentialId}".`);
    const startText = { ...start, providerName: row?.providerName ?? null };
    const computed = row
      ? row.candidates.map((c) => ({
          node: c.node,
          score: scoreEquivalence(
            { ...start, skills: row.skills, text: startText },
            { ...c.node, skills: c.skills, text: c.text },
            row.catalogue,
          ),
        }))
      : [];
    const chosen = rankEquivalents(
      start,
      computed,
      declared.map((d) => {
        const assertedBy = [...new Set(d.assertions.map((a) => a.assertedBy))];
        return { node: d.node, assertedBy, mutual: isMutual(assertedBy, start, d.node) };
      }),
      minScore,
      first,
      query.acrossProviders ?? false,
    );
    // Computed candidates come with what scoring reads: the chosen ones load whole.
    const { skillById, credentialById: computedById } = await this.namedNodes(
      chosen.filter((e) => !e.declared).map((e) => e.credential.id),
      chosen.flatMap((e) => [
        ...e.ids.shared,
        ...e.ids.onlyInStart,
        ...e.ids.onlyInOther,
        ...e.ids.uncomparable,
      ]),
      query.skillFields ?? null,
    );
    const declaredById = new Map(declared.map((d) => [d.node.id, d.node]));
    const skills = (ids: string[]) => ids.map((id) => byId(skillById, id, 'the compared skill'));
    return chosen.map(({ ids, ...e }) => ({
      ...e,
      credential: present(
        declaredById.get(e.credential.id) ?? computedById.get(e.credential.id),
        `the equivalent ${e.credential.id}`,
      ),
      sharedSkillWeights: ids.shared
        .map((id) => ({
          skill: byId(skillById, id, 'the shared skill'),
          weight: e.parts?.weights.get(id) ?? 1,
        }))
        .sort((x, y) => y.weight - x.weight || x.skill.id.localeCompare(y.skill.id)),
      sharedSkills: skills(ids.shared),
      onlyInStart: skills(ids.onlyInStart),
      onlyInOther: skills(ids.onlyInOther),
      uncomparableSkills: skills(ids.uncomparable),
    }));
  }

  /** A role's requirements split into covered and missing for held skills. */
  async skillGap(
    viewer: Viewer,
    query: HeldQuery & { roleId: string; includeOptional: boolean },
  ): Promise<SkillGap> {
    const held = this.held(viewer, query);
    return (await this.gap({ ...query, ...held, fromRoleId: null })).gap;
  }

  /** A plan of credentials that closes a role's missing essential (or all) requirements. */
  async gapClosingPlan(
    viewer: Viewer,
    query: HeldQuery & {
      roleId: string;
      optimize: PlanObjective;
      maxCredentials: number;
      includeOptional: boolean;
      filter?: CredentialFilter | null;
    },
  ): Promise<GapClosingPlan> {
    const { optimize, maxCredentials, includeOptional } = query;
    intInRange(maxCredentials, 1, MAX_PLAN_CREDENTIALS, 'maxCredentials');
    const held = this.held(viewer, query);
    const { rows, gap, result } = await this.gap({ ...query, ...held, fromRoleId: null });
    const targets = result.missing.filter((m) => includeOptional || m.row.essential);
    const candidates =
      targets.length === 0
        ? []
        : await this.pathways.findPlanCandidates(
            targets.map((t) => ({ skillId: t.row.req.id, level: t.row.level })),
            catalogueFilter(query.filter),
            CANDIDATE_LIMIT,
          );
    const plan = greedyPlan(
      targets.map((t) => ({ skillId: t.row.req.id, importance: t.row.importance })),
      candidates,
      new Set(rows[0]?.earned ?? []),
      optimize,
      maxCredentials,
    );
    const reqById = new Map(rows.map((r) => [r.req.id, r]));
    const picked = new Map(plan.picks.map((p) => [p.credential.id, p.credential]));
    const steps = plan.picks.map((p, i) => ({
      order: i + 1,
      credential: p.credential,
      covers: p.covers.map((id) => byId(reqById, id, 'the covered requirement').req),
      prerequisiteOnly: p.prerequisiteOnly,
      requires: p.requires.map((id) => byId(picked, id, 'the required step')),
    }));
    return {
      gap,
      steps,
      ...sumCosts(steps.map((s) => s.credential)),
      uncovered: plan.uncovered.map((u) => {
        const r = byId(reqById, u.skillId, 'the uncovered requirement');
        return { skill: r.req, importance: r.importance, level: r.level, reason: u.reason };
      }),
      essentialCoverageAfter: essentialCoverageAfter(
        rows,
        result,
        new Set(plan.picks.flatMap((p) => p.covers)),
      ),
    };
  }

  /** The gap between two roles' skill profiles. */
  async roleTransition(query: {
    fromRoleId: string;
    toRoleId: string;
    includeOptional: boolean;
  }): Promise<RoleTransition> {
    const [from] = await this.jobRoles.findByIds([query.fromRoleId]);
    if (!from) throw new NotFoundError(`No job role "${query.fromRoleId}".`);
    const { gap } = await this.gap({
      roleId: query.toRoleId,
      learnerId: null,
      skills: [],
      fromRoleId: query.fromRoleId,
      includeOptional: query.includeOptional,
    });
    return { from, gap };
  }

  private held(
    viewer: Viewer,
    query: HeldQuery,
  ): { learnerId: string | null; skills: { skillId: string; level: number }[] } {
    const { learnerId, skills } = query;
    if ((skills?.length ?? 0) > MAX_HELD_SKILLS) {
      throw new UserInputError(`skills is limited to ${MAX_HELD_SKILLS} entries.`);
    }
    // Whether the learner exists, the gap query says (learnerFound); see gap().
    if (learnerId) requireLearnerOrAdmin(viewer, learnerId, 'A gap for a stored learner');
    if (!learnerId && !skills) {
      throw new UserInputError('Give learnerId or skills (an ad-hoc list of held skills).');
    }
    return {
      learnerId: learnerId ?? null,
      skills: (skills ?? []).map((s) => ({ skillId: s.skillId, level: s.level })),
    };
  }

  private async gap(
    query: GapQuery,
  ): Promise<{ rows: GapRow[]; gap: SkillGap; result: GapResult }> {
    const rows = await this.pathways.findSkillGap({ ...query, today: today(this.clock) });
    let role: JobRole | undefined = rows[0]?.role;
    if (!role) {
      // No requirement rows: the role may not exist, or requires nothing.
      [role] = await this.jobRoles.findByIds([query.roleId]);
      if (!role) throw new NotFoundError(`No job role "${query.roleId}".`);
      if (query.learnerId !== null) {
        const [learner] = await this.learners.findByIds([query.learnerId]);
        if (!learner) throw new NotFoundError(`No learner "${query.learnerId}".`);
      }
    } else if (query.learnerId !== null && !rows[0]?.learnerFound) {
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
      reliable: r.row.reliable,
      coveredBy: match(r.coveredBy),
      heldLevel: r.heldLevel,
    });
    return {
      rows,
      result,
      gap: {
        jobRole: role,
        covered: result.covered.map(status),
        missing: result.missing.map(status),
        coverage: result.coverage,
        essentialCoverage: result.essentialCoverage,
      },
    };
  }

  private async credential(id: string): Promise<Credential | undefined> {
    return (await this.credentials.findByIds([id]))[0];
  }

  /**
   * The whole nodes of the credentials and skills a result names (skills with `skillFields` only),
   * in one round trip. The headline queries name them by id (with what scoring reads) to keep their
   * rows small; only what is returned loads.
   */
  private async namedNodes(
    credentialIds: Iterable<string>,
    skillIds: Iterable<string>,
    skillFields: string[] | null,
  ): Promise<{ credentialById: Map<string, Credential>; skillById: Map<string, Skill> }> {
    const c = [...new Set(credentialIds)];
    const s = [...new Set(skillIds)];
    if (c.length === 0 && s.length === 0)
      return { credentialById: new Map(), skillById: new Map() };
    const found = await this.pathways.findNamedNodes(c, s, skillFields);
    return {
      credentialById: new Map(found.credentials.map((n) => [n.id, n])),
      skillById: new Map(found.skills.map((n) => [n.id, n])),
    };
  }
}
