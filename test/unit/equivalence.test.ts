import { rankEquivalents, scoreEquivalence } from '../../src/pathway/equivalence';
import type { SkillRef } from '../../src/pathway/pathway.repository';
import { credential } from './fixtures';

const ref = (id: string, parents: string[] = [], children: string[] = []): SkillRef => ({
  id,
  label: id,
  parents,
  children,
});

describe('scoreEquivalence', () => {
  it.each([
    ['identical sets score 1', [ref('a'), ref('b')], [ref('a'), ref('b')], 1, 2, 0],
    ['disjoint sets score 0', [ref('a')], [ref('b')], 0, 0, 0],
    ['one shared of three score 1/3', [ref('a'), ref('b')], [ref('a'), ref('c')], 1 / 3, 1, 0],
    ['a parent/child pair counts 0.5', [ref('a', ['p'])], [ref('p', [], ['a'])], 0.5, 0, 1],
    ['a child seen from the other side counts too', [ref('p')], [ref('a', ['p'])], 0.5, 0, 1],
  ])('%s', (_name, a, b, score, exact, hierarchy) => {
    const s = scoreEquivalence({ skills: a }, { skills: b });
    expect(s.score).toBeCloseTo(score);
    expect(s.exactMatches).toBe(exact);
    expect(s.hierarchyMatches).toBe(hierarchy);
  });

  it('matches each skill at most once, exact matches first', () => {
    const s = scoreEquivalence(
      { skills: [ref('a', ['p']), ref('p')] },
      { skills: [ref('p', [], ['a'])] },
    );
    expect(s.exactMatches).toBe(1);
    expect(s.hierarchyMatches).toBe(0);
    expect(s.onlyInStart).toEqual(['a']);
  });

  it.each([
    ['EQF levels two apart halve it', { eqfLevel: 4 }, { eqfLevel: 6 }, 0.5, 1],
    ['EQF levels one apart do not', { eqfLevel: 5 }, { eqfLevel: 6 }, 1, 1],
    ['hours more than 2x apart halve it', { hours: 10 }, { hours: 21 }, 1, 0.5],
    ['hours exactly 2x apart do not', { hours: 10 }, { hours: 20 }, 1, 1],
    ['unknown levels and hours do not damp', {}, { eqfLevel: 8, hours: 900 }, 1, 1],
  ])('damping: %s', (_name, a, b, eqf, hours) => {
    const s = scoreEquivalence({ skills: [ref('x')], ...a }, { skills: [ref('x')], ...b });
    expect(s.eqfDamping).toBe(eqf);
    expect(s.hoursDamping).toBe(hours);
    expect(s.score).toBeCloseTo(eqf * hours);
  });

  it('lists shared skills and those only on either side', () => {
    const s = scoreEquivalence({ skills: [ref('a'), ref('b')] }, { skills: [ref('a'), ref('c')] });
    expect(s).toMatchObject({ shared: ['a'], onlyInStart: ['b'], onlyInOther: ['c'] });
  });
});

describe('rankEquivalents', () => {
  const start = credential('uni:start');
  const score = (value: number) => ({
    ...scoreEquivalence({ skills: [] }, { skills: [] }),
    score: value,
  });

  it('puts declared ones first, then computed by score, and drops computed under minScore', () => {
    const ranked = rankEquivalents(
      start,
      [
        { node: credential('a:low'), score: score(0.2) },
        { node: credential('b:high'), score: score(0.9) },
        { node: credential('c:mid'), score: score(0.5) },
      ],
      [{ node: credential('d:declared'), assertedBy: ['d'], mutual: false }],
      0.3,
      10,
    );
    expect(ranked.map((r) => r.credential.id)).toEqual(['d:declared', 'b:high', 'c:mid']);
    expect(ranked[0]).toMatchObject({ declared: true, score: null, assertedBy: ['d'] });
  });

  it('keeps a declared equivalence whatever its computed score, with that score', () => {
    const other = credential('x:other');
    const [only] = rankEquivalents(
      start,
      [{ node: other, score: score(0.1) }],
      [{ node: other, assertedBy: ['uni', 'x'], mutual: true }],
      0.5,
      10,
    );
    expect(only).toMatchObject({ declared: true, mutual: true, score: 0.1 });
  });

  it('flags same-provider matches and cuts at first', () => {
    const ranked = rankEquivalents(
      start,
      [
        { node: credential('uni:sibling'), score: score(0.8) },
        { node: credential('z:other'), score: score(0.7) },
      ],
      [],
      0,
      1,
    );
    expect(ranked).toHaveLength(1);
    expect(ranked[0]).toMatchObject({ sameProvider: true });
  });

  it('orders ties by id', () => {
    const ranked = rankEquivalents(
      start,
      [
        { node: credential('b:two'), score: score(0.5) },
        { node: credential('a:one'), score: score(0.5) },
      ],
      [],
      0,
      10,
    );
    expect(ranked.map((r) => r.credential.id)).toEqual(['a:one', 'b:two']);
  });
});
