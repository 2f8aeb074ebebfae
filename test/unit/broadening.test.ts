import { rankBroadening, scoreBroadening } from '../../src/pathway/broadening';
import type { SkillRef } from '../../src/pathway/pathway.repository';
import { credential } from './fixtures';

const refs = (...ids: string[]): SkillRef[] => ids.map((id) => ({ id, label: id }));

describe('scoreBroadening', () => {
  const start = new Set(['s1', 's2']);
  const adjacent = new Set(['n1', 'n2']);

  it.each([
    ['all new and all adjacent', refs('n1', 'n2'), false, 1, 1, 1],
    ['all new, half adjacent', refs('n1', 'x'), false, 0.5, 1, 0.7],
    ['half new, all of that adjacent', refs('s1', 'n1'), false, 1, 0.5, 0.8],
    ['nothing new', refs('s1', 's2'), false, 0, 0, 0],
    ['a sibling gets 0.25 more, capped at 1', refs('n1', 'x'), true, 0.5, 1, 0.95],
  ])('%s', (_name, skills, sibling, adjacency, novelty, score) => {
    const s = scoreBroadening(start, adjacent, skills, sibling);
    expect(s.adjacency).toBeCloseTo(adjacency);
    expect(s.novelty).toBeCloseTo(novelty);
    expect(s.score).toBeCloseTo(score);
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
