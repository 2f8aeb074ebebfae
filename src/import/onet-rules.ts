/** O*NET importance IM 1-5 maps to 0-1 (docs/ARCHITECTURE.md, "Scales"). */
export const onetImportance = (im: number) => Math.max(0, Math.min(1, (im - 1) / 4));
/** O*NET level LV 0-7 maps to 1-5 (docs/ARCHITECTURE.md, "Scales"). */
export const onetLevel = (lv: number) => Math.max(1, Math.min(5, 1 + Math.round((lv * 4) / 7)));
/** O*NET has no essential flag: an element of importance 3 or more (0.5) counts as essential. */
export const ESSENTIAL_IMPORTANCE = 0.5;
/** The weight of a requirement whose importance cannot be used: ESCO's optional weight. */
export const UNRATED_IMPORTANCE = 0.5;
/** The level of a requirement whose level cannot be used: the registry's default level. */
export const DEFAULT_LEVEL = 2;
/** Technology examples kept as evidence on one requirement, hot and in-demand ones first. */
export const MAX_EVIDENCE = 10;

/** One row of Skills.txt or Knowledge.txt, as far as the registry reads it. */
export interface RatingRow {
  roleId: string;
  elementId: string;
  scale: string;
  value: number;
  /** "Recommend Suppress" = Y: too unreliable to publish. */
  suppressed: boolean;
  /** "Not Relevant" = Y: the element plays no part in the occupation. */
  notRelevant: boolean;
}

/** One row of Technology Skills.txt. */
export interface TechnologyRow {
  roleId: string;
  commodityCode: string;
  example: string;
  hot: boolean;
  inDemand: boolean;
}

/** A requirement as the importer writes it (REQUIRES_SKILL). */
export interface Requirement {
  roleId: string;
  skillId: string;
  essential: boolean;
  importance: number;
  level: number;
  /** False when O*NET recommends suppressing the importance or the level it rests on. */
  reliable: boolean;
  /** Technology requirements: the example products O*NET names for this occupation. */
  evidence: string[];
}

/** What the rating rules did, for the import report. */
export interface RatingTally {
  /** Requirements with a suppressed importance or level. */
  suppressed: number;
  /** Elements marked Not Relevant, left out. */
  notRelevant: number;
}

/**
 * Skill and knowledge requirements from their IM and LV rows, read as O*NET publishes them: an
 * element marked Not Relevant is not a requirement; a suppressed importance is not used (the
 * requirement weighs the optional 0.5 and is never essential) and a suppressed level falls back to
 * the default level; either makes the requirement `reliable: false`.
 */
export function ratedRequirements(rows: Iterable<RatingRow>): {
  requirements: Requirement[];
  tally: RatingTally;
} {
  const byKey = new Map<
    string,
    {
      roleId: string;
      elementId: string;
      im?: number;
      lv?: number;
      imSuppressed: boolean;
      lvSuppressed: boolean;
      notRelevant: boolean;
    }
  >();
  for (const r of rows) {
    const key = `${r.roleId}|${r.elementId}`;
    const entry = byKey.get(key) ?? {
      roleId: r.roleId,
      elementId: r.elementId,
      imSuppressed: false,
      lvSuppressed: false,
      notRelevant: false,
    };
    if (r.scale === 'IM') {
      entry.im = r.value;
      entry.imSuppressed ||= r.suppressed;
    } else if (r.scale === 'LV') {
      entry.lv = r.value;
      entry.lvSuppressed ||= r.suppressed;
    }
    entry.notRelevant ||= r.notRelevant;
    byKey.set(key, entry);
  }
  const tally: RatingTally = { suppressed: 0, notRelevant: 0 };
  const requirements: Requirement[] = [];
  for (const e of byKey.values()) {
    if (e.notRelevant) {
      tally.notRelevant++;
      continue;
    }
    const im = e.imSuppressed ? undefined : e.im;
    const lv = e.lvSuppressed ? undefined : e.lv;
    const reliable = !e.imSuppressed && !e.lvSuppressed;
    if (!reliable) tally.suppressed++;
    const importance = im !== undefined ? onetImportance(im) : UNRATED_IMPORTANCE;
    requirements.push({
      roleId: e.roleId,
      skillId: e.elementId,
      essential: im !== undefined && importance >= ESSENTIAL_IMPORTANCE,
      importance,
      level: lv !== undefined ? onetLevel(lv) : DEFAULT_LEVEL,
      reliable,
      evidence: [],
    });
  }
  return { requirements, tally };
}

/**
 * Technology requirements: one per occupation and UNSPSC commodity, whatever the order of the
 * example rows. It is essential when any example is a Hot Technology or In Demand, and keeps the
 * example names (hot and in-demand first) as evidence.
 */
export function technologyRequirements(rows: Iterable<TechnologyRow>): Requirement[] {
  const byKey = new Map<
    string,
    { roleId: string; code: string; flagged: string[]; plain: string[] }
  >();
  for (const r of rows) {
    const key = `${r.roleId}|${r.commodityCode}`;
    const entry = byKey.get(key) ?? {
      roleId: r.roleId,
      code: r.commodityCode,
      flagged: [],
      plain: [],
    };
    (r.hot || r.inDemand ? entry.flagged : entry.plain).push(r.example);
    byKey.set(key, entry);
  }
  return [...byKey.values()].map((e) => {
    const essential = e.flagged.length > 0;
    return {
      roleId: e.roleId,
      skillId: `unspsc:${e.code}`,
      essential,
      importance: essential ? 1 : UNRATED_IMPORTANCE,
      level: DEFAULT_LEVEL,
      reliable: true,
      evidence: [...new Set([...e.flagged, ...e.plain])].slice(0, MAX_EVIDENCE),
    };
  });
}
