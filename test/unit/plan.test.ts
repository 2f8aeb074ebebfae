import type { Credential } from '../../src/credential/credential.type';
import { CredentialStatus } from '../../src/credential/credential.type';
import type { PlanCandidateRow } from '../../src/pathway/pathway.repository';
import { PlanObjective } from '../../src/pathway/pathway.type';
import {
  greedyPlan,
  orderByPrerequisites,
  recognition,
  sumCosts,
  type PlanPick,
} from '../../src/pathway/plan';
import { credential } from './fixtures';

function candidate(
  node: Credential,
  covers: string[],
  prerequisites: Credential[] = [],
): PlanCandidateRow {
  return {
    node,
    covers,
    prerequisites,
    edges: prerequisites.map((p) => ({ from: node.id, to: p.id })),
  };
}

const targets = (...ids: string[]) => ids.map((skillId) => ({ skillId, importance: 1 }));
const ids = (picks: PlanPick[]) => picks.map((p) => p.credential.id);

describe('greedyPlan', () => {
  const short = credential('short', { hours: 10, price: 500, currency: 'EUR' });
  const long = credential('long', { hours: 40, price: 100, currency: 'EUR' });
  const both = credential('both', { hours: 30, price: 900, currency: 'EUR' });

  it.each([
    [PlanObjective.HOURS, ['p:short']],
    [PlanObjective.PRICE, ['p:long']],
  ])('picks the cheapest cover for %s', (objective, expected) => {
    const plan = greedyPlan(
      targets('a'),
      [candidate(short, ['a']), candidate(long, ['a'])],
      new Set(),
      objective,
      5,
    );
    expect(ids(plan.picks)).toEqual(expected);
    expect(plan.uncovered).toEqual([]);
  });

  it('VALUE prefers a recognised programme over short unrecognised projects', () => {
    // Three 1.5-hour guided projects cover a, b, c one each; a recognised 120-hour programme covers
    // all three. By hours the projects win; by value the programme does (120 / 3 = 40 per 3
    // skills, against 15 / 1 per skill for each project).
    const projects = ['a', 'b', 'c'].map((skill) =>
      candidate(credential(`project-${skill}`, { hours: 1.5 }), [skill]),
    );
    const programme = candidate(
      credential('programme', { hours: 120, ects: 5, qualityAssurance: 'ESG', eqfLevel: 6 }),
      ['a', 'b', 'c'],
    );
    const all = [...projects, programme];
    expect(
      ids(greedyPlan(targets('a', 'b', 'c'), all, new Set(), PlanObjective.HOURS, 5).picks),
    ).toEqual(['p:project-a', 'p:project-b', 'p:project-c']);
    expect(
      ids(greedyPlan(targets('a', 'b', 'c'), all, new Set(), PlanObjective.VALUE, 5).picks),
    ).toEqual(['p:programme']);
  });

  it.each([
    [{}, 1],
    [{ ects: 5 }, 2],
    [{ ects: 5, qualityAssurance: 'ESG' }, 2.5],
    [{ ects: 5, qualityAssurance: 'ESG', eqfLevel: 6 }, 3],
  ])('recognition of %j is %d', (fields, expected) => {
    expect(recognition(fields)).toBe(expected);
  });

  it('is greedy: the best cost per importance first, then the cheapest cover of the rest', () => {
    const plan = greedyPlan(
      targets('a', 'b'),
      [candidate(short, ['a']), candidate(long, ['b']), candidate(both, ['a', 'b'])],
      new Set(),
      PlanObjective.HOURS,
      5,
    );
    expect(ids(plan.picks)).toEqual(['p:short', 'p:both']);
  });

  it('counts by number of credentials with COUNT', () => {
    const plan = greedyPlan(
      targets('a', 'b'),
      [candidate(short, ['a']), candidate(long, ['b']), candidate(both, ['a', 'b'])],
      new Set(),
      PlanObjective.COUNT,
      5,
    );
    expect(ids(plan.picks)).toEqual(['p:both']);
  });

  it('adds unmet prerequisites, orders them first and marks them prerequisite-only', () => {
    const basics = credential('basics', { hours: 5 });
    const advanced = credential('advanced', { hours: 5 });
    const plan = greedyPlan(
      targets('a'),
      [candidate(advanced, ['a'], [basics])],
      new Set(),
      PlanObjective.HOURS,
      5,
    );
    expect(ids(plan.picks)).toEqual(['p:basics', 'p:advanced']);
    expect(plan.picks[0]!.prerequisiteOnly).toBe(true);
    expect(plan.picks[1]!.requires).toEqual(['p:basics']);
  });

  it('skips prerequisites the learner has earned', () => {
    const basics = credential('basics', { hours: 5 });
    const advanced = credential('advanced', { hours: 5 });
    const plan = greedyPlan(
      targets('a'),
      [candidate(advanced, ['a'], [basics])],
      new Set(['p:basics']),
      PlanObjective.HOURS,
      5,
    );
    expect(ids(plan.picks)).toEqual(['p:advanced']);
  });

  it('explains what stays uncovered: no credential, the limit, or a retired prerequisite', () => {
    const retired = credential('old', { status: CredentialStatus.RETIRED });
    const plan = greedyPlan(
      targets('a', 'b', 'c', 'd'),
      [
        candidate(short, ['a']),
        candidate(long, ['b']),
        candidate(credential('blocked'), ['c'], [retired]),
      ],
      new Set(),
      PlanObjective.HOURS,
      1,
    );
    const reasons = Object.fromEntries(plan.uncovered.map((u) => [u.skillId, u.reason]));
    expect(ids(plan.picks)).toEqual(['p:short']);
    expect(reasons).toEqual({ b: 'LIMIT_REACHED', c: 'LIMIT_REACHED', d: 'NO_CREDENTIAL' });
    const unlimited = greedyPlan(
      targets('c'),
      [candidate(credential('blocked'), ['c'], [retired])],
      new Set(),
      PlanObjective.HOURS,
      5,
    );
    expect(unlimited.uncovered).toEqual([{ skillId: 'c', reason: 'PREREQUISITE_RETIRED' }]);
  });

  it('never takes a credential of unknown cost for free: it costs the dearest known', () => {
    const unknown = credential('unknown');
    const plan = greedyPlan(
      targets('a'),
      [candidate(unknown, ['a']), candidate(long, ['a'])],
      new Set(),
      PlanObjective.HOURS,
      5,
    );
    // Equal cost (40 h each): ties go to the smaller id.
    expect(ids(plan.picks)).toEqual(['p:long']);
  });
});

describe('orderByPrerequisites', () => {
  const pick = (id: string, requires: string[] = []): PlanPick => ({
    credential: credential(id),
    covers: [],
    prerequisiteOnly: false,
    requires,
  });

  it('puts prerequisites first and keeps the picking order among ready steps', () => {
    const ordered = orderByPrerequisites([pick('c', ['p:b']), pick('a'), pick('b', ['p:a'])]);
    expect(ids(ordered)).toEqual(['p:a', 'p:b', 'p:c']);
  });

  it('keeps independent steps in the order they were picked', () => {
    expect(ids(orderByPrerequisites([pick('z'), pick('y'), pick('x')]))).toEqual([
      'p:z',
      'p:y',
      'p:x',
    ]);
  });
});

describe('sumCosts', () => {
  it('adds hours (unknown as 0) and prices, and lists the currencies once', () => {
    expect(
      sumCosts([
        credential('a', { hours: 10, price: 100, currency: 'EUR' }),
        credential('b', { hours: 5.5, price: 50, currency: 'EUR' }),
        credential('c', { price: 20, currency: 'USD' }),
      ]),
    ).toEqual({ totalHours: 15.5, totalPrice: 170, priceKnown: true, currencies: ['EUR', 'USD'] });
  });

  it('makes the total price unknown, never 0, when a step has no price', () => {
    expect(
      sumCosts([
        credential('a', { hours: 10, price: 100, currency: 'EUR' }),
        credential('b', { hours: 2 }),
      ]),
    ).toEqual({ totalHours: 12, totalPrice: null, priceKnown: false, currencies: ['EUR'] });
  });
});
