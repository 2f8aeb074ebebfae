import {
  completeness,
  consistencyReport,
  distribution,
  elementsPresent,
  EU_ELEMENTS,
  lowOverlapPairs,
  type ConsistencyRow,
} from '../../src/analytics/consistency';
import { ConsistencyGroupBy } from '../../src/analytics/consistency.type';
import {
  CredentialType,
  DeliveryMode,
  type Credential,
} from '../../src/credential/credential.type';
import { credential } from './fixtures';

const row = (c: Credential, skillIds: string[] = [], country: string | null = 'DE') => ({
  node: c,
  country,
  providerName: `Provider ${c.providerId}`,
  skillIds,
});

describe('distribution', () => {
  it.each([
    [[], { n: 0, min: null, median: null, cv: null }],
    [[10], { n: 1, min: 10, q1: 10, median: 10, q3: 10, max: 10, mean: 10, cv: 0 }],
    [[1, 2, 3, 4], { n: 4, min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4, mean: 2.5 }],
    [[0, 0], { n: 2, mean: 0, cv: null }],
  ])('summarises %j', (values, expected) => {
    expect(distribution(values)).toMatchObject(expected);
  });

  it('gives the population coefficient of variation', () => {
    // mean 5, population sd 2 -> 0.4
    expect(distribution([2, 4, 4, 4, 5, 5, 7, 9]).cv).toBeCloseTo(0.4);
  });
});

describe('EU standard elements', () => {
  it('finds every element on a complete definition', () => {
    const full = credential('a', {
      description: 'x',
      hours: 10,
      eqfLevel: 5,
      assessmentType: 'exam',
      deliveryMode: DeliveryMode.ONLINE,
      qualityAssurance: 'accredited',
    });
    expect(completeness(row(full))).toEqual({
      present: [...EU_ELEMENTS],
      missing: [],
      score: 1,
    });
  });

  it('counts skills as learning outcomes and ECTS as workload', () => {
    const present = elementsPresent(row(credential('a', { ects: 5 }), ['s1'], null));
    expect(present.has('learningOutcomes')).toBe(true);
    expect(present.has('workload')).toBe(true);
    expect(present.has('country')).toBe(false);
  });

  it('always has an awarding body and a title, and nothing else when bare', () => {
    const bare = completeness(row(credential('a'), [], null));
    expect(bare.present).toEqual(['title', 'awardingBody']);
    expect(bare.score).toBeCloseTo(2 / EU_ELEMENTS.length);
  });
});

describe('lowOverlapPairs', () => {
  const course = (id: string, title: string, extra: Partial<Credential> = {}) =>
    credential(id, { providerLabel: 'Course', title, ...extra });

  it('pairs same-type, same-topic credentials with little skill overlap, lowest first', () => {
    const { pairs, complete } = lowOverlapPairs([
      row(course('a', 'Python for Data Analysis', { hours: 10 }), ['x', 'y']),
      row(course('b', 'Data Analysis with Python', { hours: 40 }), ['z']),
      row(course('c', 'Introduction to Python for Data Analysis'), ['x', 'y']),
      row(
        credential('d', {
          credentialType: CredentialType.BADGE,
          providerLabel: 'Badge',
          title: 'Python for Data Analysis',
        }),
        ['q'],
      ),
    ]);
    expect(complete).toBe(true);
    expect(pairs.map((p) => [p.a.id, p.b.id, p.skillOverlap, p.titleSimilarity])).toEqual([
      ['p:a', 'p:b', 0, 1],
      ['p:b', 'p:c', 0, 1],
    ]);
    expect(pairs[0]!.hoursRatio).toBe(4);
    expect(pairs[1]!.hoursRatio).toBeNull();
  });

  it('does not pair different topics that share only a type label', () => {
    const { pairs } = lowOverlapPairs([
      row(course('jira', 'Agile with Jira'), ['agile']),
      row(course('money', 'Economics of Money and Banking'), ['economics']),
      row(course('dataviz', 'Data Visualization'), ['viz']),
      row(course('datasci', 'Data Science'), ['ml']),
    ]);
    expect(pairs).toEqual([]);
  });

  it('orders ties by id whatever the input order', () => {
    const rows = ['d', 'b', 'a', 'c'].map((id) => row(course(id, 'SQL Basics'), [`s-${id}`]));
    const ids = lowOverlapPairs(rows).pairs.map((p) => `${p.a.id}-${p.b.id}`);
    expect(ids).toEqual(['p:a-p:b', 'p:a-p:c', 'p:a-p:d', 'p:b-p:c', 'p:b-p:d', 'p:c-p:d']);
    expect(lowOverlapPairs([...rows].reverse()).pairs.map((p) => `${p.a.id}-${p.b.id}`)).toEqual(
      ids,
    );
  });

  it('never pairs credentials without skills, and counts them', () => {
    const degree = (id: string, title: string) =>
      credential(id, { credentialType: CredentialType.DEGREE, title });
    const { pairs, noSkills } = lowOverlapPairs([
      row(degree('a', 'Bachelor of Science in Data Science')),
      row(degree('b', 'Bachelor of Science in Data Science')),
      row(course('c', 'SQL'), ['x']),
    ]);
    expect(pairs).toEqual([]);
    expect(noSkills).toBe(2);
  });

  it('reads titles in any script and leaves the provider name out', () => {
    const google = (id: string, title: string, skills: string[]) => ({
      ...row(course(id, title), skills),
      providerName: 'Google',
    });
    const { pairs } = lowOverlapPairs([
      google('en', 'Google Data Analytics', ['data']),
      google('ar', 'تحليل البيانات من Google', ['other']),
      google('zh1', '数据分析入门', ['a']),
      google('zh2', '数据分析', ['b']),
    ]);
    expect(pairs.map((p) => [p.a.id, p.b.id])).toEqual([['p:zh1', 'p:zh2']]);
  });

  it('does not pair degrees that share only the words of a degree name', () => {
    const degree = (id: string, title: string, skills: string[]) =>
      row(credential(id, { credentialType: CredentialType.DEGREE, title }), skills);
    const { pairs } = lowOverlapPairs([
      degree('bio', 'Bachelor of Science in Biology', ['cells']),
      degree('hist', 'Bachelor of Science in History', ['archives']),
      degree('cs', 'Bachelor of Science in Computer Science', ['code']),
      degree('cs2', 'BSc Computer Science', ['maths']),
    ]);
    expect(pairs.map((p) => [p.a.id, p.b.id])).toEqual([['p:cs', 'p:cs2']]);
  });

  it('says when it stopped early', () => {
    // 700 same-titled credentials make 244,650 pairs, over the cap.
    const rows = Array.from({ length: 700 }, (_, i) =>
      row(course(`c${String(i).padStart(3, '0')}`, 'SQL Basics'), [`s${i}`]),
    );
    const { pairs, complete } = lowOverlapPairs(rows);
    expect(complete).toBe(false);
    expect(pairs).toHaveLength(20);
  });
});

describe('consistencyReport', () => {
  const rows: ConsistencyRow[] = [
    row(credential('u:a', { credentialType: CredentialType.BADGE, hours: 10 })),
    row(credential('u:b', { credentialType: CredentialType.CERTIFICATE, hours: 30 })),
    row(credential('v:c', { credentialType: CredentialType.BADGE, price: 50, hours: 5 })),
  ];

  it('groups by provider, largest first, with the provider name', () => {
    const groups = consistencyReport(rows, ConsistencyGroupBy.PROVIDER);
    expect(groups.map((g) => [g.key, g.name, g.count])).toEqual([
      ['u', 'Provider u', 2],
      ['v', 'Provider v', 1],
    ]);
    expect(groups[0]!.hours.median).toBe(20);
    expect(groups[1]!.pricePerHour.median).toBe(10);
  });

  it('groups by credential type, ties by key', () => {
    const groups = consistencyReport(rows, ConsistencyGroupBy.CREDENTIAL_TYPE);
    expect(groups.map((g) => [g.key, g.count])).toEqual([
      ['BADGE', 2],
      ['CERTIFICATE', 1],
    ]);
  });
});
