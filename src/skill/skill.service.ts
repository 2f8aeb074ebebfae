import { requireAdmin } from '../auth/guards';
import type { Viewer } from '../auth/viewer';
import type { Database } from '../db/database';
import { ConflictError, UserInputError } from '../lib/errors';
import { intInRange, MAX_PAGE_SIZE, type Page } from '../lib/pagination';
import { findById } from '../lib/group';
import type { Logger } from '../lib/logger';
import type { SkillIndex } from './skill-index';
import type { SkillResolver } from './skill-resolver';
import type { SkillVectors } from './skill-vectors';
import type { SkillMatch, SkillMention } from './skill-matcher';
import type { SkillInput } from './skill.inputs';
import type { SkillRepository } from './skill.repository';
import type { Framework, Skill, SkillType } from './skill.type';

/** How many skills one upsert may carry. */
export const MAX_SKILLS_PER_UPSERT = 1000;

/** The longest phrase suggestSkills takes, and the longest text extractSkills takes. */
export const MAX_SUGGEST_TEXT = 200;
export const MAX_EXTRACT_TEXT = 10_000;

/** The most answers of suggestSkills and of extractSkills. */
export const MAX_SUGGESTIONS = 20;
export const MAX_MENTIONS = 50;

/** The skill use cases: the taxonomy read, skill resolution, and maintenance by admins. */
export class SkillService {
  constructor(
    private readonly db: Database,
    private readonly skills: SkillRepository,
    private readonly index: SkillIndex,
    private readonly resolver: SkillResolver,
    private readonly vectors: SkillVectors,
    private readonly logger: Logger,
  ) {}

  /** The taxonomy skills a short phrase most likely names, best first (see SkillResolver). */
  async suggest(
    text: string,
    first: number,
    framework: Framework | null,
  ): Promise<(SkillMatch & { skill: Skill })[]> {
    intInRange(first, 0, MAX_SUGGESTIONS, 'first');
    checkText(text, MAX_SUGGEST_TEXT, 'suggestSkills');
    return this.withSkills(await this.resolver.suggest(text, { first, framework }));
  }

  /** The taxonomy skills a description or a list of learning outcomes names, best first. */
  async extract(
    text: string,
    first: number,
    framework: Framework | null,
  ): Promise<(SkillMention & { skill: Skill })[]> {
    intInRange(first, 0, MAX_MENTIONS, 'first');
    checkText(text, MAX_EXTRACT_TEXT, 'extractSkills');
    return this.withSkills(await this.resolver.extract(text, { first, framework }));
  }

  /** A provider's own skills by label, optionally only those not mapped yet. */
  customSkills(providerId: string, unmappedOnly: boolean, first: number) {
    intInRange(first, 0, MAX_PAGE_SIZE, 'first');
    return this.skills.findCustom(providerId, unmappedOnly, first);
  }

  private async withSkills<M extends SkillMatch>(matches: M[]): Promise<(M & { skill: Skill })[]> {
    const byId = await findById(
      (ids) => this.skills.findByIds(ids),
      matches.map((m) => m.skillId),
    );
    // A skill deleted since the index was built is left out.
    return matches.flatMap((m) => {
      const skill = byId.get(m.skillId);
      return skill ? [{ ...m, skill }] : [];
    });
  }

  /** A page of skills by label, optionally of one framework and type. */
  findPage(
    filter: { framework: Framework | null; skillType: SkillType | null },
    skip: number,
    first: number,
  ): Promise<Page<Skill>> {
    return this.skills.findPage(filter, skip, first);
  }

  /**
   * Creates or updates skills by id with their broader and related links, in one transaction
   * (admin key). BAD_USER_INPUT names references that exist neither in the batch nor the registry.
   */
  async upsert(viewer: Viewer, skills: SkillInput[]): Promise<Skill[]> {
    requireAdmin(viewer, 'upsertSkills');
    if (skills.length > MAX_SKILLS_PER_UPSERT) {
      throw new UserInputError(
        `upsertSkills takes at most ${MAX_SKILLS_PER_UPSERT} skills per call.`,
      );
    }
    const ids = new Set(skills.map((s) => s.id));
    if (ids.size !== skills.length) {
      throw new UserInputError('Each skill id may appear once per call.');
    }
    for (const s of skills) {
      if (s.broader.includes(s.id)) {
        throw new ConflictError(`Skill "${s.id}" cannot be broader than itself.`);
      }
    }
    const referenced = [
      ...new Set(skills.flatMap((s) => [...s.broader, ...s.related.map((r) => r.skillId)])),
    ].filter((id) => !ids.has(id));
    const repo = this.skills;
    await this.db.writeTransaction(async (tx) => {
      const missing = await repo.findMissing(tx, referenced);
      if (missing.length > 0) {
        throw new UserInputError(`Unknown skill ids: ${missing.join(', ')}.`, {
          unknownSkillIds: missing,
        });
      }
      await repo.upsertMany(
        tx,
        skills.map((s) => ({
          id: s.id,
          label: s.label,
          altLabels: s.altLabels,
          skillType: s.skillType,
          framework: s.framework,
          description: s.description ?? null,
          reuseLevel: s.reuseLevel ?? null,
        })),
      );
      await repo.replaceLinks(
        tx,
        skills.map((s) => ({
          id: s.id,
          broader: s.broader,
          related: s.related.map((r) => ({ skillId: r.skillId, essential: r.essential })),
        })),
      );
    });
    this.index.invalidate();
    // The new labels' vectors, before the answer, so the next suggestion sees them.
    const synced = await this.vectors.sync();
    this.logger.debug('skill vectors after upsert', synced);
    const byId = new Map((await repo.findByIds([...ids])).map((s) => [s.id, s]));
    return [...ids].map((id) => byId.get(id)).filter((s): s is Skill => s !== undefined);
  }
}

function checkText(text: string, max: number, field: string): void {
  if (text.length > max) {
    throw new UserInputError(`${field} takes at most ${max} characters of text.`, {
      field: 'text',
    });
  }
}
