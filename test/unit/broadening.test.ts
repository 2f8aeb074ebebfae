import { rankBroadening, scoreBroadening } from '../../src/pathway/broadening';
import type { SkillRef } from '../../src/pathway/pathway.repository';
import { credential } from './fixtures';

const refs = (...ids: string[]): SkillRef[] => ids.map((id) => ({ id, label: id }));

describe('scoreBroadening', () => {
  const start = new Set(['s1', 's2']);
  const adjacent = new Set(['n1', 'n2']);

  it.each([
    ['three new, two adjacent: full breadth', refs('n1', 'n2', 'x'), false, 0.667, 1, 1, 0.8],
    ['two new, both adjacent: damped to two thirds', refs('n1', 'n2'), false, 1, 1, 0.667, 0.667],
    ['all new, half adjacent', refs('n1', 'x'), false, 0.5, 1, 0.667, 0.467],
    ['one new skill: damped to a third', refs('s1', 'n1'), false, 1, 0.5, 0.333, 0.267],
    ['nothing new', refs('s1', 's2'), false, 0, 0, 0, 0],
    ['a sibling gets 0.25 more', refs('n1', 'x'), true, 0.5, 1, 0.667, 0.717],
    ['capped at 1', refs('n1', 'n2', 'y'), true, 0.667, 1, 1, 1],
  ])('%s', (_name, skills, sibling, adjacency, novelty, breadth, score) => {
    const s = scoreBroadening(start, adjacent, skills, sibling);
    expect(s.adjacency).toBeCloseTo(adjacency, 3);
    expect(s.novelty).toBeCloseTo(novelty, 3);
    expect(s.breadth).toBeCloseTo(breadth, 3);
    expect(s.score).toBeCloseTo(score, 3);
  });

  it('ranks a one-skill course below a broader one however new its skill is', () => {
    const one = scoreBroadening(start, adjacent, refs('n1'), false);
    const broad = scoreBroadening(start, adjacent, refs('n1', 'n2', 'x', 'y'), false);
    expect(one.adjacency).toBe(1);
    expect(one.novelty).toBe(1);
    expect(one.score).toBeLessThan(broad.score);
  });

  it('scores a credential without skills 0', () => {
    expect(scoreBroadening(start, adjacent, [], false).score).toBe(0);
  });
});

describe('rankBroadening', () => {
  const start = new Set(['s1', 's2', 's3']);
  const adjacent = new Set(['n1', 'n2']);
  const option = (id: string, skills: SkillRef[], siblingOf: unknown[] = []) => ({
    node: credential(id),
    skills,
    siblingOf,
  });

  it('keeps options mostly new and partly adjacent, and siblings whatever they add', () => {
    const ranked = rankBroadening(
      start,
      adjacent,
      [
        option('adjacent', refs('n1', 'x')),
        option('far', refs('x', 'y')),
        option('overlap', refs('s1', 's2', 'n1')),
        option('sibling', refs('s1'), [credential('whole')]),
      ],
      10,
    );
    expect(ranked.map((r) => r.c.node.id)).toEqual(['p:adjacent', 'p:sibling']);
  });

  it("puts a learner's remaining programme parts first", () => {
    const options = [
      option('broad', refs('n1', 'n2', 'x', 'y')),
      option('part', refs('s1', 'z'), [credential('programme')]),
    ];
    expect(rankBroadening(start, adjacent, options, 10).map((r) => r.c.node.id)).toEqual([
      'p:broad',
      'p:part',
    ]);
    expect(rankBroadening(start, adjacent, options, 10, true).map((r) => r.c.node.id)).toEqual([
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
