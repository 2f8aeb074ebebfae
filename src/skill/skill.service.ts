import { requireAdmin } from '../auth/guards';
import type { Viewer } from '../auth/viewer';
import type { Database } from '../db/database';
import { ConflictError, UserInputError } from '../lib/errors';
import type { Page } from '../lib/pagination';
import type { SkillInput } from './skill.inputs';
import type { SkillRepository } from './skill.repository';
import type { Framework, Skill, SkillType } from './skill.type';

/** How many skills one upsert may carry. */
export const MAX_SKILLS_PER_UPSERT = 1000;

/** The skill use cases: the taxonomy read, and its maintenance by admins. */
export class SkillService {
  constructor(
    private readonly db: Database,
    private readonly skills: SkillRepository,
  ) {}

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
    const byId = new Map((await repo.findByIds([...ids])).map((s) => [s.id, s]));
    return [...ids].map((id) => byId.get(id)).filter((s): s is Skill => s !== undefined);
  }
}
