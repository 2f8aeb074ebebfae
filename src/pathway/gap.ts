import type { GapRow, HeldMatch } from './pathway.repository';

/** A requirement after the split: the best covering match, or the best level held below the need. */
export interface RequirementResult {
  row: GapRow;
  coveredBy: HeldMatch | null;
  heldLevel: number | null;
}

export interface GapResult {
  covered: RequirementResult[];
  missing: RequirementResult[];
  coverage: number;
  essentialCoverage: number;
}

function better(a: HeldMatch, b: HeldMatch): HeldMatch {
  if (a.exact !== b.exact) return a.exact ? a : b;
  if (a.level !== b.level) return a.level > b.level ? a : b;
  // A credential is stronger evidence than a self-declared skill.
  return a.credential !== null ? a : b;
}

/** Splits requirements into covered and missing (levels count) and weighs coverage by importance. */
export function splitGap(rows: GapRow[]): GapResult {
  const covered: RequirementResult[] = [];
  const missing: RequirementResult[] = [];
  for (const row of rows) {
    const sufficient = row.matches.filter((m) => m.level >= row.level);
    if (sufficient.length > 0) {
      covered.push({ row, coveredBy: sufficient.reduce(better), heldLevel: null });
    } else {
      const best = row.matches.reduce<number | null>((max, m) => Math.max(max ?? 0, m.level), null);
      missing.push({ row, coveredBy: null, heldLevel: best });
    }
  }
  return {
    covered,
    missing,
    coverage: coverage(rows, covered),
    essentialCoverage: coverage(
      rows.filter((r) => r.essential),
      covered.filter((c) => c.row.essential),
    ),
  };
}

function coverage(all: GapRow[], covered: RequirementResult[]): number {
  const total = all.reduce((sum, r) => sum + r.importance, 0);
  if (total === 0) return 1;
  return covered.reduce((sum, c) => sum + c.row.importance, 0) / total;
}

/**
 * The share of essential importance a plan leaves covered: what was covered before plus the
 * essential requirements the plan's credentials newly cover. 1 when the role has no essential
 * requirement.
 */
export function essentialCoverageAfter(
  rows: GapRow[],
  before: GapResult,
  newlyCovered: ReadonlySet<string>,
): number {
  const essential = rows.filter((r) => r.essential);
  const total = essential.reduce((s, r) => s + r.importance, 0);
  if (total === 0) return 1;
  const covered =
    before.covered.filter((c) => c.row.essential).reduce((s, c) => s + c.row.importance, 0) +
    essential.filter((r) => newlyCovered.has(r.req.id)).reduce((s, r) => s + r.importance, 0);
  return covered / total;
}
