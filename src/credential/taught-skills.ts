import { UserInputError } from '../lib/errors';
import type { SkillIndex } from '../skill/skill-index';
import { slug } from '../skill/skill-text';
import type { CustomSkillRow, SkillRepository } from '../skill/skill.repository';
import type { SkillLevel } from './credential.repository';

/** What a skill given by label became. */
export enum LabelOutcome {
  /** A confident match to a taxonomy skill. */
  MATCHED = 'MATCHED',
  /** The provider's custom skill of that label, which is mapped to a taxonomy skill. */
  MAPPED = 'MAPPED',
  /** No confident match: the provider's own custom skill of that label. */
  CUSTOM = 'CUSTOM',
}

export interface LabelResolution {
  label: string;
  outcome: LabelOutcome;
  skillId: string;
  /** The match score (MATCHED only). */
  score: number | null;
  /** The taxonomy label that matched (MATCHED only). */
  matchedLabel: string | null;
}

/** The skills a registration teaches, the custom skills it creates, and what each label became. */
export interface TaughtSkills {
  skills: SkillLevel[];
  custom: CustomSkillRow[];
  resolutions: LabelResolution[];
}

/** A skill as given: by id or by label, one of the two. */
export interface GivenSkill {
  skillId?: string | null;
  label?: string | null;
  level: number;
}

/** The id of a provider's custom skill for a label: the same words give the same skill. */
export function customSkillId(providerId: string, label: string): string {
  const words = slug(label);
  if (words.length === 0) {
    throw new UserInputError(`The skill label "${label.slice(0, 80)}" has no words to match.`, {
      field: 'skills',
    });
  }
  return `custom:${providerId}:${words}`;
}

/**
 * Turns the skills of a registration into stored links. An id is taken as it is (checked later); a
 * label goes to the provider's mapped custom skill of the same words when there is one, else to a
 * confident suggestion (see SkillMatcher), else to a custom skill of the provider (created with
 * the registration). Nothing is written here.
 */
export async function resolveTaughtSkills(
  providerId: string,
  given: readonly GivenSkill[],
  index: SkillIndex,
  skills: SkillRepository,
): Promise<TaughtSkills> {
  const [result] = await resolveTaughtSkillsMany([{ providerId, given }], index, skills);
  if (result instanceof Error) throw result;
  return result!;
}

/**
 * resolveTaughtSkills for many registrations at once, in one read of the custom mappings; a record
 * whose skills are malformed gets its error in its place.
 */
export async function resolveTaughtSkillsMany(
  records: readonly { providerId: string; given: readonly GivenSkill[] }[],
  index: SkillIndex,
  skills: SkillRepository,
): Promise<(TaughtSkills | UserInputError)[]> {
  const checked = records.map((r) => {
    try {
      checkGiven(r.given);
      const customIds = new Map(
        r.given
          .filter((s) => s.skillId == null || s.skillId === '')
          .map((s) => [s, customSkillId(r.providerId, s.label!)]),
      );
      return { ...r, customIds };
    } catch (error) {
      if (error instanceof UserInputError) return error;
      throw error;
    }
  });
  const allCustom = checked.flatMap((c) => (c instanceof Error ? [] : [...c.customIds.values()]));
  const targets = await skills.findCustomTargets([...new Set(allCustom)]);
  const matcher = allCustom.length > 0 ? await index.current() : null;
  return checked.map((c) => {
    if (c instanceof Error) return c;
    const out: SkillLevel[] = [];
    const custom = new Map<string, CustomSkillRow>();
    const resolutions: LabelResolution[] = [];
    for (const s of c.given) {
      if (s.skillId != null && s.skillId !== '') {
        out.push({ skillId: s.skillId, level: s.level });
        continue;
      }
      const label = s.label!.trim();
      const customId = c.customIds.get(s)!;
      const mapped = targets.get(customId);
      const match = mapped
        ? undefined
        : matcher!.suggest(label, { first: 3 }).find((m) => m.confident);
      if (mapped) {
        out.push({ skillId: mapped, level: s.level, label, via: customId });
        resolutions.push({
          label,
          outcome: LabelOutcome.MAPPED,
          skillId: mapped,
          score: null,
          matchedLabel: null,
        });
      } else if (match) {
        out.push({ skillId: match.skillId, level: s.level, label });
        resolutions.push({
          label,
          outcome: LabelOutcome.MATCHED,
          skillId: match.skillId,
          score: match.score,
          matchedLabel: match.matchedLabel,
        });
      } else {
        out.push({ skillId: customId, level: s.level, label });
        custom.set(customId, { id: customId, label, providerId: c.providerId });
        resolutions.push({
          label,
          outcome: LabelOutcome.CUSTOM,
          skillId: customId,
          score: null,
          matchedLabel: null,
        });
      }
    }
    return { skills: out, custom: [...custom.values()], resolutions };
  });
}

function checkGiven(given: readonly GivenSkill[]): void {
  given.forEach((s, i) => {
    const byId = s.skillId != null && s.skillId !== '';
    const byLabel = s.label != null && s.label.trim() !== '';
    if (byId === byLabel) {
      throw new UserInputError(`skills[${i}] needs either skillId or label (not both).`, {
        field: 'skills',
      });
    }
  });
}
