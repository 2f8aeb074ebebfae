import { heldSkills, hrefOf, viewOf, writeSkills } from '../../explorer/src/address';
import { money, num, percent, ticks } from '../../explorer/src/format';

/** The explorer's pure helpers: what its address holds, and how it writes numbers and axes. */

describe('the explorer address', () => {
  const state = (query: string) => new URLSearchParams(query);

  it('reads the view it names, the role view otherwise', () => {
    expect(viewOf(state('view=research'))).toBe('research');
    expect(viewOf(state('view=nothing'))).toBe('role');
    expect(viewOf(state(''))).toBe('role');
  });

  it('writes an address without empty values, escaping the rest', () => {
    expect(hrefOf({ view: 'role', role: 'http://x/o?1', learner: null, skills: '' })).toBe(
      '?view=role&role=http%3A%2F%2Fx%2Fo%3F1',
    );
    expect(hrefOf({})).toBe('?');
  });

  it('keeps held skills and their levels through the address, URIs included', () => {
    const held = [
      { skillId: 'http://data.europa.eu/esco/skill/abc', level: 4 },
      { skillId: 'onet:2.A.1.a', level: 1 },
    ];
    const address = hrefOf({ skills: writeSkills(held) });
    expect(heldSkills(state(address.slice(1)))).toEqual(held);
  });

  it('reads a missing or impossible level as 2', () => {
    expect(heldSkills(state('skills=a b~9 c~x d~0 e~5'))).toEqual([
      { skillId: 'a', level: 2 },
      { skillId: 'b', level: 2 },
      { skillId: 'c', level: 2 },
      { skillId: 'd', level: 2 },
      { skillId: 'e', level: 5 },
    ]);
    expect(heldSkills(state(''))).toEqual([]);
  });
});

describe('the explorer formats', () => {
  it('writes numbers, shares and prices for people, a dash or "unknown" for none', () => {
    expect([num(1234.567), num(2.5, 0), num(null), num(Number.NaN)]).toEqual([
      '1,234.6',
      '3',
      '–',
      '–',
    ]);
    expect([percent(0.456), percent(1), percent(undefined)]).toEqual(['46%', '100%', '–']);
    expect([
      money(12.5, ['EUR']),
      money(30, ['EUR', 'USD']),
      money(7, []),
      money(null, []),
    ]).toEqual(['12.5 EUR', '30 (EUR + USD)', '7', 'unknown']);
  });

  it('puts about five round ticks on an axis, reaching the largest value', () => {
    expect(ticks(0)).toEqual([0, 1]);
    expect(ticks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks(23)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(ticks(0.37)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    for (const max of [1, 7, 99, 1234, 0.05]) {
      const axis = ticks(max);
      expect(axis[axis.length - 1]).toBeGreaterThanOrEqual(max);
      expect(axis.length).toBeGreaterThanOrEqual(3);
      expect(axis.length).toBeLessThanOrEqual(8);
    }
  });
});
