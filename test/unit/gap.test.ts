import { essentialCoverageAfter, splitGap } from '../../src/pathway/gap';
import type { GapRow, HeldMatch } from '../../src/pathway/pathway.repository';
import { credential, skill } from './fixtures';
import { JobRole } from '../../src/job-role/job-role.type';
import { Framework } from '../../src/skill/skill.type';

const role = Object.assign(new JobRole(), {
  id: 'role',
  title: 'Data analyst',
  framework: Framework.ESCO,
});

function row(id: string, opts: Partial<GapRow> = {}): GapRow {
  return {
    role,
    req: skill(id),
    essential: true,
    importance: 1,
    level: 2,
    reliable: true,
    matches: [],
    earned: [],
    learnerFound: true,
    ...opts,
  };
}

function match(skillId: string, level: number, opts: Partial<HeldMatch> = {}): HeldMatch {
  return {
    skillId,
    skill: skill(skillId),
    level,
    credential: null,
    source: 'SELF',
    exact: true,
    ...opts,
  };
}

describe('splitGap', () => {
  it.each([
    ['a match at the needed level covers', [match('a', 2)], 'covered', null],
    ['a match above the needed level covers', [match('a', 4)], 'covered', null],
    [
      'a match below the needed level leaves it missing at that level',
      [match('a', 1)],
      'missing',
      1,
    ],
    ['no match leaves it missing with no level held', [], 'missing', null],
  ])('%s', (_name, matches, side, heldLevel) => {
    const result = splitGap([row('a', { matches })]);
    const list = side === 'covered' ? result.covered : result.missing;
    expect(list).toHaveLength(1);
    expect(list[0]!.heldLevel).toBe(heldLevel);
  });

  it('prefers an exact match, then a higher level, then a credential over a declared skill', () => {
    const byCourse = match('narrow', 3, { exact: false, credential: credential('c1') });
    const declared = match('a', 2, { exact: true });
    const better = match('a', 3, { exact: true });
    const viaCourse = match('a', 3, { exact: true, credential: credential('c2') });
    expect(splitGap([row('a', { matches: [byCourse, declared] })]).covered[0]!.coveredBy).toBe(
      declared,
    );
    expect(splitGap([row('a', { matches: [declared, better] })]).covered[0]!.coveredBy).toBe(
      better,
    );
    expect(splitGap([row('a', { matches: [better, viaCourse] })]).covered[0]!.coveredBy).toBe(
      viaCourse,
    );
  });

  it('weighs coverage by importance, over all and over the essential requirements', () => {
    const result = splitGap([
      row('a', { importance: 1, matches: [match('a', 2)] }),
      row('b', { importance: 1 }),
      row('c', { importance: 0.5, essential: false, matches: [match('c', 5)] }),
    ]);
    expect(result.coverage).toBeCloseTo(1.5 / 2.5);
    expect(result.essentialCoverage).toBeCloseTo(0.5);
  });

  it('counts a role with no requirements as fully covered', () => {
    expect(splitGap([])).toMatchObject({ coverage: 1, essentialCoverage: 1 });
  });
});

describe('essentialCoverageAfter', () => {
  const rows = [
    row('a', { matches: [match('a', 2)] }),
    row('b', { importance: 0.5 }),
    row('c', { importance: 0.5 }),
    row('d', { essential: false }),
  ];

  it.each([
    ['nothing new', [], 0.5],
    ['one essential skill', ['b'], 0.75],
    ['every essential skill', ['b', 'c'], 1],
    ['an optional skill only', ['d'], 0.5],
  ])('adds what the plan newly covers: %s', (_name, newly, expected) => {
    expect(essentialCoverageAfter(rows, splitGap(rows), new Set(newly))).toBeCloseTo(expected);
  });

  it('is 1 for a role without essential requirements', () => {
    const optional = [row('d', { essential: false })];
    expect(essentialCoverageAfter(optional, splitGap(optional), new Set())).toBe(1);
  });
});
