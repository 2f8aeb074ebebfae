import { rankEquivalents, scoreEquivalence, skillWeight } from '../../src/pathway/equivalence';
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
  ])('%s', (_name, a, b, raw, exact, hierarchy) => {
    const s = scoreEquivalence({ skills: a }, { skills: b });
    expect(s.raw).toBeCloseTo(raw, 3);
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
    // One shared skill is two thirds of the evidence a full score needs.
    expect(s.evidenceDamping).toBeCloseTo(0.667, 3);
    expect(s.score).toBeCloseTo(0.667 * eqf * hours, 2);
  });

  const weighted = (id: string, df: number): SkillRef => ({ id, label: id, df });

  it.each([
    ['a skill one credential teaches weighs 1', 1, 1000, 1],
    ['a skill every credential teaches weighs about a tenth', 1000, 1000, 0.1],
    ['a skill a tenth teach weighs about a third', 100, 1000, 0.347],
  ])('skillWeight: %s', (_name, df, catalogue, weight) => {
    expect(skillWeight(df, catalogue)).toBeCloseTo(weight, 2);
  });

  it('generic shared skills do not make two different courses equivalent', () => {
    // "communication" and "teamwork" are everywhere; the specific skills differ.
    const data = [weighted('communication', 900), weighted('teamwork', 800), weighted('sql', 20)];
    const ux = [
      weighted('communication', 900),
      weighted('teamwork', 800),
      weighted('wireframes', 15),
    ];
    const s = scoreEquivalence({ skills: data }, { skills: ux }, 1000);
    expect(s.raw).toBeLessThan(0.2);
    expect(s.score).toBeLessThan(0.05);
    // Unweighted, the same pair would score 0.5 and rest on two shared skills.
    expect(scoreEquivalence({ skills: data }, { skills: ux }).raw).toBeCloseTo(0.5);
  });

  it('a perfect overlap of three generic skills is not a high score', () => {
    const generic = ['communication', 'teamwork', 'problem solving'].map((id) => weighted(id, 700));
    const s = scoreEquivalence({ skills: generic }, { skills: generic }, 1000);
    expect(s.raw).toBe(1);
    expect(s.evidence).toBeLessThan(1);
    expect(s.score).toBeLessThan(0.5);
  });

  it('specific shared skills carry a full score and their weights explain it', () => {
    const a = [
      weighted('sql', 10),
      weighted('etl', 12),
      weighted('warehousing', 8),
      weighted('communication', 900),
    ];
    const b = [
      weighted('sql', 10),
      weighted('etl', 12),
      weighted('warehousing', 8),
      weighted('python', 30),
    ];
    const s = scoreEquivalence({ skills: a }, { skills: b }, 1000);
    expect(s.evidenceDamping).toBe(1);
    expect(s.score).toBeGreaterThan(0.5);
    expect(s.weights.get('communication')).toBeLessThan(0.15);
    expect(s.weights.get('sql')).toBeGreaterThan(0.6);
  });

  it('lists shared skills and those only on either side', () => {
    const s = scoreEquivalence({ skills: [ref('a'), ref('b')] }, { skills: [ref('a'), ref('c')] });
    expect(s).toMatchObject({ shared: ['a'], onlyInStart: ['b'], onlyInOther: ['c'] });
  });
});

describe('scoreEquivalence over the shared vocabulary and the texts', () => {
  const custom = (id: string, group: string): SkillRef => ({ id, label: id, group });
  const taxonomy = (...ids: string[]) => ids.map((id) => ref(id));

  it("matches two providers' custom skills of one group, and leaves unmatched ones out", () => {
    const s = scoreEquivalence(
      {
        skills: [
          ...taxonomy('sql', 'python', 'stats'),
          custom('custom:a:leadership', 'group:words:leadership'),
          custom('custom:a:excel-magic', 'group:words:excel-magic'),
        ],
      },
      {
        skills: [
          ...taxonomy('sql', 'python', 'stats'),
          custom('custom:b:leadership', 'group:words:leadership'),
          custom('custom:b:storytelling', 'group:words:storytelling'),
        ],
      },
    );
    expect(s.exactMatches).toBe(4);
    expect(s.uncomparable.sort()).toEqual(['custom:a:excel-magic', 'custom:b:storytelling']);
    expect(s.onlyInStart).toEqual([]);
    expect(s.onlyInOther).toEqual([]);
    expect(s.raw).toBe(1);
  });

  const course = (title: string, description: string, providerName: string) => ({
    title,
    description,
    providerName,
  });
  const blurb =
    'Learn to clean, analyse and visualise data with spreadsheets, SQL and Tableau, and present ' +
    'your findings to stakeholders in a capstone project on real business data.';

  it('finds the same course published on two platforms whatever its tags became', () => {
    const s = scoreEquivalence(
      {
        skills: [custom('custom:coursera:data', 'group:words:data'), ...taxonomy('sql')],
        hours: 40,
        text: course('Data Analysis with Spreadsheets and SQL', blurb, 'Coursera'),
      },
      {
        skills: taxonomy('use-spreadsheets', 'data-analysis'),
        hours: 42,
        text: course('Data Analysis with Spreadsheets and SQL', blurb, 'edX'),
      },
    );
    expect(s.skillScore).toBe(0);
    expect(s.likelyDuplicate).toBe(true);
    expect(s.titleSimilarity).toBe(1);
    expect(s.score).toBeGreaterThanOrEqual(0.6);
  });

  it('breaks a tie of shared generic tools by what the texts are about', () => {
    const skills = taxonomy('sql', 'python', 'x1', 'x2');
    const security = {
      skills,
      text: course(
        'Cybersecurity Analyst Certificate',
        'Defend networks: monitor intrusions, respond to security incidents, harden systems and ' +
          'script security checks in Python and SQL.',
        'IBM',
      ),
    };
    const peer = {
      skills: taxonomy('sql', 'python', 'y1', 'y2'),
      text: course(
        'Security Operations and Incident Response',
        'Monitor networks for intrusions, respond to security incidents and harden systems, with ' +
          'Python and SQL scripts for the checks.',
        'Cisco',
      ),
    };
    const warehouse = {
      skills: taxonomy('sql', 'python', 'z1', 'z2'),
      text: course(
        'Data Warehousing for Business Intelligence',
        'Design star schemas, load a data warehouse with ETL jobs written in Python and SQL, and ' +
          'build reports for business intelligence.',
        'Colorado',
      ),
    };
    const toPeer = scoreEquivalence(security, peer);
    const toWarehouse = scoreEquivalence(security, warehouse);
    expect(toPeer.skillScore).toBe(toWarehouse.skillScore);
    expect(toPeer.score).toBeGreaterThan(toWarehouse.score);
    expect(toWarehouse.likelyDuplicate).toBe(false);
  });

  it('reads texts in any script and leaves the providers out of them', () => {
    const s = scoreEquivalence(
      { skills: [], text: { title: 'Google Data Analytics', providerName: 'Google' } },
      { skills: [], text: { title: 'تحليل البيانات من Google', providerName: 'Google' } },
    );
    expect(s.titleSimilarity).toBe(0);
    expect(s.score).toBe(0);
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

describe('rankEquivalents across providers', () => {
  it("leaves out the start provider's own credentials when asked", () => {
    const start = credential('uni:start');
    const computed = [
      {
        node: credential('uni:translation'),
        score: scoreEquivalence({ skills: [ref('a'), ref('b')] }, { skills: [ref('a'), ref('b')] }),
      },
      {
        node: credential('other:peer'),
        score: scoreEquivalence({ skills: [ref('a'), ref('b')] }, { skills: [ref('a'), ref('b')] }),
      },
    ];
    expect(rankEquivalents(start, computed, [], 0.3, 10).map((r) => r.credential.id)).toEqual([
      'other:peer',
      'uni:translation',
    ]);
    expect(rankEquivalents(start, computed, [], 0.3, 10, true).map((r) => r.credential.id)).toEqual(
      ['other:peer'],
    );
  });
});
