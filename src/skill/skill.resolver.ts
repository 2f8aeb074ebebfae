import {
  Arg,
  Args,
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
import { SKILL_LIST_BOUNDS } from './skill.repository';
import { MAX_SKILLS_PER_UPSERT } from './skill.service';
import { ApiRole } from '../auth/viewer';
import {
  intInRange,
  MAX_PAGE_SIZE,
  offsetAfter,
  PageArgs,
  toConnection,
  type ConnectionShape,
} from '../lib/pagination';
import type { Context } from '../context';
import { RelatedSkill, SkillDemand, SkillTeaching } from './skill-links.type';
import { CustomSkill, SkillMention, SkillSuggestion } from './skill-match.type';
import { SkillInput } from './skill.inputs';
import type { SkillService } from './skill.service';
import { Framework, Skill, SkillConnection, SkillType } from './skill.type';

const limitArg = (first: number) => intInRange(first, 0, MAX_PAGE_SIZE, 'first');

@Resolver(() => Skill)
export class SkillResolver {
  constructor(private readonly skillService: SkillService) {}

  @Query(() => Skill, { nullable: true, description: 'A skill by id; null when there is none.' })
  skill(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Skill | null> {
    return ctx.loaders.skillById.load(id);
  }

  @Query(() => SkillConnection, {
    description: 'Skills by label, optionally of one framework and type.',
  })
  async skills(
    @Arg('framework', () => Framework, { nullable: true }) framework: Framework | null,
    @Arg('skillType', () => SkillType, { nullable: true }) skillType: SkillType | null,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ConnectionShape<Skill>> {
    const skip = offsetAfter(page.after);
    const found = await this.skillService.findPage(
      { framework: framework ?? null, skillType: skillType ?? null },
      skip,
      page.first,
    );
    return toConnection(found, skip);
  }

  @Extensions({ cost: 20 })
  @Query(() => [SkillSuggestion], {
    description:
      'The registry skills (ESCO, O*NET, admin-defined) a short phrase as providers write it ("Python Programming", ' +
      '"Data Visualization", "Microsoft Excel") most likely names, best first, from every label ' +
      'the taxonomies give (preferred, alternative, hidden, O*NET technology examples), with US/UK ' +
      'spellings, word forms, abbreviations and product names made one. Text up to 200 ' +
      'characters; first up to 20.',
  })
  suggestSkills(
    @Arg('text', () => String) text: string,
    @Arg('first', () => Int, { defaultValue: 5 }) first: number,
    @Arg('framework', () => Framework, { nullable: true }) framework: Framework | null,
  ): Promise<SkillSuggestion[]> {
    return this.skillService.suggest(text, first, framework ?? null);
  }

  @Extensions({ cost: 100 })
  @Query(() => [SkillMention], {
    description:
      'The registry skills (ESCO, O*NET, admin-defined) a course description or its learning outcomes name, best first: ' +
      'every phrase that is a whole label (longest first, no overlaps), then short list items ' +
      'resolved with confidence. Text up to 10,000 characters; first up to 50.',
  })
  extractSkills(
    @Arg('text', () => String) text: string,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('framework', () => Framework, { nullable: true }) framework: Framework | null,
  ): Promise<SkillMention[]> {
    return this.skillService.extract(text, first, framework ?? null);
  }

  @Query(() => [CustomSkill], {
    description:
      "A provider's own (CUSTOM) skills by label, with what each is mapped to and how many " +
      'credentials teach it; unmappedOnly lists the ones still to map (see suggestSkills).',
  })
  customSkills(
    @Arg('providerId', () => ID) providerId: string,
    @Arg('unmappedOnly', () => Boolean, { defaultValue: false }) unmappedOnly: boolean,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
  ): Promise<CustomSkill[]> {
    return this.skillService.customSkills(providerId, unmappedOnly, first);
  }

  @FieldResolver(() => [String], { description: 'Alternative labels, searched too.' })
  altLabels(@Root() s: Skill): string[] {
    return s.altLabels ?? [];
  }

  @Extensions({ maxItems: SKILL_LIST_BOUNDS.broader })
  @FieldResolver(() => [Skill], { description: 'Broader skills (there may be several).' })
  async broader(@Root() s: Skill, @Ctx() ctx: Context): Promise<Skill[]> {
    return (await ctx.loaders.broaderOf(s)).map((r) => r.node);
  }

  @FieldResolver(() => [Skill], { description: 'Narrower skills, by label (at most 100).' })
  async narrower(
    @Root() s: Skill,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<Skill[]> {
    return (await ctx.loaders.skillNarrower.load(s.id))
      .slice(0, limitArg(first))
      .map((r) => r.node);
  }

  @Extensions({ maxItems: SKILL_LIST_BOUNDS.related })
  @FieldResolver(() => [RelatedSkill], { description: 'Related skills outside the hierarchy.' })
  async related(@Root() s: Skill, @Ctx() ctx: Context): Promise<RelatedSkill[]> {
    const rows = await ctx.loaders.skillRelated.load(s.id);
    return rows.map((r) => ({ skill: r.node, essential: r.essential }));
  }

  @FieldResolver(() => [SkillTeaching], {
    description: 'Credentials that teach exactly this skill, with levels (at most 100).',
  })
  async credentials(
    @Root() s: Skill,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<SkillTeaching[]> {
    const rows = await ctx.loaders.skillCredentials.load(s.id);
    return rows.slice(0, limitArg(first)).map((r) => ({ credential: r.node, level: r.level }));
  }

  @FieldResolver(() => [SkillDemand], {
    description: 'Job roles that require this skill, most important first (at most 100).',
  })
  async jobRoles(
    @Root() s: Skill,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<SkillDemand[]> {
    const rows = await ctx.loaders.skillJobRoles.load(s.id);
    return rows.slice(0, limitArg(first)).map((r) => ({
      jobRole: r.node,
      essential: r.essential,
      importance: r.importance,
      level: r.level,
    }));
  }

  @Authorized(ApiRole.ADMIN)
  @Extensions({ maxItems: MAX_SKILLS_PER_UPSERT, cost: 2000 })
  @Mutation(() => [Skill], {
    description:
      'Creates or updates skills by id (admin key), up to 1000 per call, in one transaction. ' +
      'BAD_USER_INPUT names broader or related ids that exist neither in the batch nor the registry; ' +
      'CONFLICT when a skill names itself as broader.',
  })
  async upsertSkills(
    @Arg('skills', () => [SkillInput]) skills: SkillInput[],
    @Ctx() ctx: Context,
  ): Promise<Skill[]> {
    return this.skillService.upsert(await ctx.viewer(), skills);
  }
}
