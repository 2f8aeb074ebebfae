import { UserInputError } from '../lib/errors';
import type { SkillMatch, MatchOptions } from '../skill/skill-matcher';
import { slug, unicodeSlug } from '../skill/skill-text';
import type { CustomSkillRow, SkillRepository } from '../skill/skill.repository';
import type { SkillLevel } from './credential.repository';
import { present } from '../lib/present';

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
  /** Labels left out, with why (a tag of only symbols or emoji names nothing). */
  warnings: string[];
}

/** What resolves labels to taxonomy concepts (SkillResolver). */
export interface LabelResolver {
  suggestMany(texts: readonly string[], options: MatchOptions): Promise<SkillMatch[][]>;
  /** Gives new custom skills their vectors, proposals and groups. */
  placeCustom(): Promise<void>;
}

/** A skill as given: by id or by label, one of the two. */
export interface GivenSkill {
  skillId?: string | null;
  label?: string | null;
  level: number;
}

/**
 * The id of a provider's custom skill for a label: the same words give the same skill, in any
 * script ("数据分析" and "Анализ данных" are words too). Null for a label of no words at all
 * (only symbols or emoji).
 */
export function customSkillId(providerId: string, label: string): string | null {
  const words = slug(label) || unicodeSlug(label);
  return words.length === 0 ? null : `custom:${providerId}:${words}`;
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
  resolver: LabelResolver,
  skills: SkillRepository,
): Promise<TaughtSkills> {
  const [result] = await resolveTaughtSkillsMany([{ providerId, given }], resolver, skills);
  if (result instanceof Error) throw result;
  return present(result, 'the skills of the one record');
}

/**
 * resolveTaughtSkills for many registrations at once, in one read of the custom mappings; a record
 * whose skills are malformed gets its error in its place.
 */
export async function resolveTaughtSkillsMany(
  records: readonly { providerId: string; given: readonly GivenSkill[] }[],
  resolver: LabelResolver,
  skills: SkillRepository,
): Promise<(TaughtSkills | UserInputError)[]> {
  const checked = records.map((r) => {
    try {
      checkGiven(r.given);
      const customIds = new Map(
        r.given
          .filter((s) => s.skillId == null || s.skillId === '')
          .map((s) => [s, customSkillId(r.providerId, labelOf(s))]),
      );
      return { ...r, customIds };
    } catch (error) {
      if (error instanceof UserInputError) return error;
      throw error;
    }
  });
  const allCustom = checked.flatMap((c) =>
    c instanceof Error ? [] : [...c.customIds.values()].filter((id) => id !== null),
  );
  const targets = await skills.findCustomTargets([...new Set(allCustom)]);
  // Each distinct label not mapped yet is resolved once, all in one round trip.
  const labels = [
    ...new Set(
      checked.flatMap((c) =>
        c instanceof Error
          ? []
          : [...c.customIds]
              .filter(([, id]) => id !== null && !targets.has(id))
              .map(([s]) => labelOf(s).trim()),
      ),
    ),
  ];
  const answers = await resolver.suggestMany(labels, { first: 6 });
  const matches = new Map(labels.map((l, i) => [l, confidentAnswers(answers[i] ?? [])]));
  return checked.map((c) => (c instanceof Error ? c : taughtOf(c, targets, matches)));
}

/** The label of a skill given without an id (checkGiven refuses one with neither). */
const labelOf = (s: GivenSkill): string => present(s.label, 'the label of a skill given by label');

/** The confident answers of a label, one per concept (a compound tag may have one per part). */
function confidentAnswers(answers: SkillMatch[]): SkillMatch[] {
  return answers.filter((m) => m.confident);
}

function taughtOf(
  c: {
    providerId: string;
    given: readonly GivenSkill[];
    customIds: Map<GivenSkill, string | null>;
  },
  targets: Map<string, string>,
  matches: Map<string, SkillMatch[]>,
): TaughtSkills {
  const out: SkillLevel[] = [];
  const custom = new Map<string, CustomSkillRow>();
  const resolutions: LabelResolution[] = [];
  const warnings: string[] = [];
  const resolution = (label: string, outcome: LabelOutcome, skillId: string, m?: SkillMatch) =>
    resolutions.push({
      label,
      outcome,
      skillId,
      score: m?.score ?? null,
      matchedLabel: m?.matchedLabel ?? null,
    });
  for (const s of c.given) {
    if (s.skillId != null && s.skillId !== '') {
      out.push({ skillId: s.skillId, level: s.level });
      continue;
    }
    const label = labelOf(s).trim();
    const customId = c.customIds.get(s) ?? null;
    if (customId === null) {
      warnings.push(`The skill label "${label.slice(0, 80)}" has no words; it was left out.`);
      continue;
    }
    const mapped = targets.get(customId);
    const found = mapped ? [] : (matches.get(label) ?? []);
    if (mapped) {
      out.push({ skillId: mapped, level: s.level, label, via: customId });
      resolution(label, LabelOutcome.MAPPED, mapped);
    } else if (found.length > 0) {
      for (const m of found) {
        out.push({ skillId: m.skillId, level: s.level, label });
        resolution(label, LabelOutcome.MATCHED, m.skillId, m);
      }
    } else {
      out.push({ skillId: customId, level: s.level, label });
      custom.set(customId, { id: customId, label, providerId: c.providerId });
      resolution(label, LabelOutcome.CUSTOM, customId);
    }
  }
  return { skills: out, custom: [...custom.values()], resolutions, warnings };
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
