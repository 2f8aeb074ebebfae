import { SkillMatcher, type MatchableSkill } from '../../src/skill/skill-matcher';
import {
  bagKey,
  expandAbbreviations,
  labelVariants,
  queryTerms,
  slug,
  tokens,
  wordSpans,
} from '../../src/skill/skill-text';
import { Framework, SkillType } from '../../src/skill/skill.type';

function esco(id: string, label: string, altLabels: string[] = [], hidden: string[] = []) {
  return {
    id,
    label,
    altLabels,
    hiddenLabels: hidden,
    framework: Framework.ESCO,
    skillType: SkillType.SKILL,
  } satisfies MatchableSkill;
}

const onet = (id: string, label: string, altLabels: string[] = []): MatchableSkill => ({
  id,
  label,
  altLabels,
  framework: Framework.ONET,
  skillType: SkillType.TECHNOLOGY,
});

/** A small taxonomy with the traps real ones have: shared labels, near words, products. */
const TAXONOMY: MatchableSkill[] = [
  esco('python', 'Python (computer programming)'),
  esco('viz', 'deliver visual presentation of data', ['visualise data', 'present data visually']),
  esco('massage', 'apply deep tissue massage'),
  esco('deep', 'deep learning'),
  esco('ml', 'machine learning', ['ML techniques']),
  esco('pm', 'project management', ['project planning']),
  esco('commission', 'project commissioning', ['project management']),
  esco('several', 'manage several projects', ['manage projects']),
  esco('sheets', 'use spreadsheets software', ['Microsoft Office Excel']),
  esco('access', 'Microsoft Access'),
  esco('ux', 'create prototype of user experience solutions', ['user experience design']),
  esco('comm', 'communication'),
  esco('mould', 'insert reinforcement in mould'),
  esco('sql-a', 'SQL', [], ['structured query language']),
  esco('sql-b', 'database query languages', ['SQL']),
  esco('lead', 'lead others', ['leadership']),
  esco('prod', 'manage production', ['production management']),
  esco('plan-prod', 'plan product management'),
  onet('spread', 'Spreadsheet software', ['Microsoft Excel', 'Google Sheets']),
  onet('pmsw', 'Project management software', ['Atlassian JIRA']),
  ...Array.from({ length: 40 }, (_, i) => esco(`filler-${i}`, `operate filler ${i} data`)),
];

const matcher = SkillMatcher.build(TAXONOMY);
const top = (text: string, framework?: Framework) =>
  matcher.suggest(text, { first: 3, framework: framework ?? null });
const sure = (text: string) => top(text).find((m) => m.confident)?.skillId ?? null;

describe('skill text', () => {
  test.each([
    ['Data Visualization', 'visualise data'],
    ['Project Management', 'manage projects'],
    ['Analysing data', 'data analytics'],
    ['Modeling', 'modelling'],
    ['colour theory', 'color theory'],
    ['Programme design', 'program design'],
  ])('"%s" and "%s" have the same stems', (a, b) => {
    expect(bagKey(tokens(a))).toBe(bagKey(tokens(b)));
  });

  test('products keep their punctuation as one word', () => {
    expect(tokens('C++, C#, .NET and Node.js.')).toEqual([
      'cplusplus',
      'csharp',
      'dotnet',
      'nodej',
    ]);
    expect(tokens('C and R')).toEqual(['c', 'r']);
  });

  test('course framing words are dropped from what providers write, not from labels', () => {
    expect(queryTerms('Introduction to Statistics').tokens).toEqual(tokens('statistics'));
    expect(queryTerms('Advanced Excel 101').tokens).toEqual(tokens('excel'));
    expect(queryTerms('Introduction').tokens).toEqual(tokens('introduction'));
    expect(tokens('advanced statistics')).toHaveLength(2);
  });

  test('abbreviations are spelled out when written in capitals or alone', () => {
    expect(expandAbbreviations('UX Design')).toBe('user experience Design');
    expect(expandAbbreviations('ml')).toBe('machine learning');
    expect(expandAbbreviations('make it work')).toBeNull();
    expect(expandAbbreviations('Python')).toBeNull();
  });

  test('labels are also known without a trailing bracket or a leading vendor', () => {
    expect(labelVariants('Python (computer programming)')).toEqual([
      'Python (computer programming)',
      'Python',
    ]);
    expect(labelVariants('Microsoft Excel')).toEqual(['Microsoft Excel', 'Excel']);
    expect(labelVariants('Excel')).toEqual(['Excel']);
  });

  test('word spans point at the text as written', () => {
    const text = 'Use Python, SQL and Data Visualisation.';
    const spans = wordSpans(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'Use',
      'Python',
      'SQL',
      'and',
      'Data',
      'Visualisation',
    ]);
    expect(spans.filter((s) => s.breakAfter).map((s) => s.word)).toEqual([
      'python',
      'visualisation',
    ]);
  });

  test('slugs are stable ids of a label', () => {
    expect(slug('Leadership & Management!')).toBe('leadership-management');
    expect(slug('  leadership and  MANAGEMENT ')).toBe('leadership-management');
    expect(slug('---')).toBe('');
  });
});

describe('skill suggestions', () => {
  test('"Python Programming" is first Python (computer programming)', () => {
    expect(top('Python Programming')[0]!.skillId).toBe('python');
  });

  test.each([
    ['Data Visualization', 'viz'],
    ['Deep Learning', 'deep'],
    ['Machine Learning Foundations', 'ml'],
    ['ML', 'ml'],
    ['Project Management', 'pm'],
    ['Communication', 'comm'],
    ['UX Design', 'ux'],
  ])('"%s" is confidently %s', (text, id) => {
    expect(sure(text)).toBe(id);
  });

  test('an exact preferred label beats the same words as another concept’s alternative label', () => {
    const [first, second] = top('Project Management');
    expect(first).toMatchObject({ skillId: 'pm', score: 1, confident: true });
    expect(second!.score).toBeLessThan(1);
    expect(second!.confident).toBe(false);
  });

  test('two concepts with the same label make neither confident', () => {
    const sql = top('SQL');
    expect(sql[0]).toMatchObject({ skillId: 'sql-a', confident: true });
    const both = SkillMatcher.build([
      esco('a', 'x-ray', ['radiography']),
      esco('b', 'radiography'),
    ]);
    expect(both.suggest('radiography', { first: 2 })[0]).toMatchObject({
      skillId: 'b',
      confident: true,
    });
    const tie = SkillMatcher.build([
      esco('a', 'imaging', ['scan']),
      esco('b', 'scanning', ['scan']),
    ]);
    expect(tie.suggest('scan', { first: 2 }).map((m) => m.confident)).toEqual([false, false]);
  });

  test('no confident answer beats a wrong one', () => {
    expect(sure('Reinforcement Learning')).toBeNull();
    expect(sure('Deep Tissue')).toBeNull();
    expect(sure('Leadership and Management')).toBeNull();
    expect(sure('Product Management')).not.toBe('prod');
  });

  test('products resolve through vendor-less labels and O*NET examples, per framework', () => {
    const excel = top('Microsoft Excel');
    expect(excel.find((m) => m.framework === Framework.ONET)).toMatchObject({
      skillId: 'spread',
      confident: true,
      matchedLabel: 'Microsoft Excel',
    });
    expect(top('Excel', Framework.ESCO)[0]!.skillId).toBe('sheets');
    expect(excel[0]!.skillId).not.toBe('access');
    expect(excel.find((m) => m.skillId === 'access')?.confident ?? false).toBe(false);
    expect(top('Jira', Framework.ONET)[0]!.skillId).toBe('pmsw');
  });

  test('a typo still finds the concept, without confidence', () => {
    const [first] = top('Pyton Programming');
    expect(first!.skillId).toBe('python');
  });

  test('the framework filter keeps one taxonomy', () => {
    expect(
      top('Microsoft Excel', Framework.ESCO).every((m) => m.framework === Framework.ESCO),
    ).toBe(true);
  });

  test('answers are deterministic and bounded', () => {
    expect(top('operate filler data')).toEqual(top('operate filler data'));
    expect(matcher.suggest('operate filler data', { first: 2 })).toHaveLength(2);
    expect(matcher.suggest('   ', { first: 5 })).toEqual([]);
    expect(matcher.suggest('the of and', { first: 5 })).toEqual([]);
  });
});

describe('skill extraction', () => {
  const text =
    'You will learn Python, SQL and data visualisation, practise deep learning and ' +
    'communication, and manage projects from start to finish.';
  const found = matcher.extract(text, { first: 20 });
  const byId = new Map(found.map((m) => [m.skillId, m]));

  test('finds whole labels with the words that named them', () => {
    expect(byId.get('viz')).toMatchObject({ confident: true, evidence: 'data visualisation' });
    expect(byId.get('deep')).toMatchObject({ confident: true, evidence: 'deep learning' });
    expect(byId.get('python')).toMatchObject({ evidence: 'Python' });
    expect(byId.get('sql-a')).toMatchObject({ evidence: 'SQL' });
    expect(byId.get('several')).toMatchObject({ evidence: 'manage projects' });
  });

  test('does not match inside a longer phrase it already used', () => {
    expect(byId.has('massage')).toBe(false);
    expect(found.filter((m) => m.evidence === 'deep learning')).toHaveLength(1);
  });

  test('one common word names no skill on its own', () => {
    const generic = matcher.extract('We operate things and data.', { first: 10 });
    expect(generic.map((m) => m.skillId)).not.toContain('filler-0');
    expect(generic.filter((m) => m.evidence.toLowerCase() === 'operate')).toEqual([]);
  });

  test('is bounded by first and filtered by framework', () => {
    expect(matcher.extract(text, { first: 2 })).toHaveLength(2);
    const onetOnly = matcher.extract('Spreadsheets in Microsoft Excel', {
      first: 5,
      framework: Framework.ONET,
    });
    expect(onetOnly.map((m) => m.skillId)).toEqual(['spread']);
  });
});
