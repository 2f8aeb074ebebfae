import {
  MIN_ADJACENCY,
  rankBroadening,
  scoreBroadening,
  type Adjacency,
} from '../../src/pathway/broadening';
import type { SkillRef } from '../../src/pathway/pathway.repository';
import { credential } from './fixtures';

const refs = (...ids: string[]): SkillRef[] => ids.map((id) => ({ id, label: id }));
const skillMap = (list: SkillRef[]) => new Map(list.map((s) => [s.id, s]));

describe('scoreBroadening', () => {
  const start = skillMap(refs('s1', 's2'));
  const adjacent: Adjacency = new Map([
    ['n1', ['s1']],
    ['n2', ['s2']],
  ]);

  it.each([
    ['three new, two adjacent: full breadth', refs('n1', 'n2', 'x'), 0.667, 1, 1, 0.8],
    ['two new, both adjacent: damped to two thirds', refs('n1', 'n2'), 1, 1, 0.667, 0.667],
    ['all new, half adjacent', refs('n1', 'x'), 0.5, 1, 0.667, 0.467],
    ['one new skill: damped to a third', refs('s1', 'n1'), 1, 0.5, 0.333, 0.267],
    ['nothing new', refs('s1', 's2'), 0, 0, 0, 0],
  ])('%s (equal weights)', (_name, skills, adjacency, novelty, breadth, score) => {
    const s = scoreBroadening(start, adjacent, skills);
    expect(s.adjacency).toBeCloseTo(adjacency, 3);
    expect(s.novelty).toBeCloseTo(novelty, 3);
    expect(s.breadth).toBeCloseTo(breadth, 3);
    expect(s.score).toBeCloseTo(score, 3);
  });

  it('ranks a one-skill course below a broader one however new its skill is', () => {
    const one = scoreBroadening(start, adjacent, refs('n1'));
    const broad = scoreBroadening(start, adjacent, refs('n1', 'n2', 'x', 'y'));
    expect(one.adjacency).toBe(1);
    expect(one.novelty).toBe(1);
    expect(one.score).toBeLessThan(broad.score);
  });

  it('scores a credential without skills 0', () => {
    expect(scoreBroadening(start, adjacent, []).score).toBe(0);
  });

  it('counts adjacency through generic skills little', () => {
    // A data course and a humanitarian course meet only through "make decisions ~ show initiative".
    const data = skillMap([
      { id: 'sql', df: 3 },
      { id: 'viz', df: 4 },
      { id: 'decide', df: 40, generic: true },
    ]);
    const near: Adjacency = new Map([['initiative', ['decide']]]);
    const s = scoreBroadening(
      data,
      near,
      [
        { id: 'initiative', df: 35, generic: true },
        { id: 'relief', df: 2 },
        { id: 'logistics', df: 3 },
      ],
      100,
    );
    expect(s.adjacentIds).toEqual(['initiative']);
    expect(s.adjacency).toBeLessThan(MIN_ADJACENCY);
  });

  it("counts another provider's custom skill of the start's group as held, not new", () => {
    const s = scoreBroadening(
      skillMap([{ id: 'custom:a:leadership', group: 'group:words:leadership' }]),
      new Map(),
      [{ id: 'custom:b:leadership', group: 'group:words:leadership' }, { id: 'x' }],
    );
    expect(s.newSkillIds).toEqual(['x']);
    expect(s.novelty).toBe(0.5);
  });

  it('weighs a new skill as adjacent as the lighter of it and the start skill it sits next to', () => {
    const s = scoreBroadening(
      skillMap([{ id: 'decide', df: 50, generic: true }]),
      new Map([['stats', ['decide']]]),
      [{ id: 'stats', df: 1 }],
      100,
    );
    // stats weighs 1, decide 0.25 x ln(1 + 2) / ln(101).
    expect(s.adjacency).toBeCloseTo((0.25 * Math.log(3)) / Math.log(101), 3);
  });
});

describe('rankBroadening', () => {
  const start = skillMap(refs('s1', 's2', 's3'));
  const adjacent: Adjacency = new Map([
    ['n1', ['s1']],
    ['n2', ['s2']],
  ]);
  const option = (id: string, skills: SkillRef[], siblingOf: unknown[] = []) => ({
    node: credential(id),
    skills,
    siblingOf,
  });

  it('keeps options mostly new and adjacent for real, and siblings whatever they add', () => {
    const ranked = rankBroadening(
      start,
      adjacent,
      [
        option('adjacent', refs('n1', 'x')),
        option('barely', refs('n1', 'x', 'y', 'z', 'w')),
        option('far', refs('x', 'y')),
        option('overlap', refs('s1', 's2', 'n1')),
        option('sibling', refs('s1'), [credential('whole')]),
      ],
      10,
    );
    expect(ranked.map((r) => r.c.node.id)).toEqual(['p:sibling', 'p:adjacent']);
  });

  it('puts sibling parts of the same whole ahead of strangers', () => {
    const options = [
      option('broad', refs('n1', 'n2', 'x', 'y')),
      option('part', refs('s1', 'z'), [credential('programme')]),
    ];
    expect(rankBroadening(start, adjacent, options, 10).map((r) => r.c.node.id)).toEqual([
      'p:part',
      'p:broad',
    ]);
  });

  it('orders by score, then by id, and cuts at first', () => {
    const ranked = rankBroadening(
      start,
      adjacent,
      [option('b', refs('n1', 'n2')), option('a', refs('n1', 'n2')), option('c', refs('n1', 'x'))],
      2,
    );
    expect(ranked.map((r) => r.c.node.id)).toEqual(['p:a', 'p:b']);
  });
});
