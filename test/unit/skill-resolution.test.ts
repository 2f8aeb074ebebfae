import fs from 'node:fs';
import path from 'node:path';
import { cosine } from '../../src/skill/embedder';
import { cutText } from '../../src/skill/skill-extraction';
import { SkillMatcher } from '../../src/skill/skill-matcher';
import { compoundParts, gatherEvidence, rankEvidence } from '../../src/skill/skill-resolution';
import type { LabelHit } from '../../src/skill/skill-vectors';
import { Framework, SkillType } from '../../src/skill/skill.type';
import { unicodeSlug } from '../../src/skill/skill-text';
import { customSkillId } from '../../src/credential/taught-skills';

/** The pinned model's vectors of a few phrases and labels (bench/skill-vector-fixture.ts). */
const vectors = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'skill-vectors.json'), 'utf8'),
) as Record<string, number[]>;

const skills = [
  {
    id: 'esco:audition',
    label: 'Adobe Audition',
    framework: Framework.ESCO,
    skillType: SkillType.KNOWLEDGE,
  },
  {
    id: 'esco:audit',
    label: 'audit techniques',
    framework: Framework.ESCO,
    skillType: SkillType.KNOWLEDGE,
  },
  {
    id: 'esco:cash-transport',
    label: 'manage cash transportation',
    framework: Framework.ESCO,
    skillType: SkillType.SKILL,
  },
  {
    id: 'esco:cash-flow',
    label: 'manage cash flow',
    framework: Framework.ESCO,
    skillType: SkillType.SKILL,
  },
  {
    id: 'esco:pm',
    label: 'project management',
    framework: Framework.ESCO,
    skillType: SkillType.KNOWLEDGE,
  },
  {
    id: 'onet:pm-software',
    label: 'Project management software',
    framework: Framework.ONET,
    skillType: SkillType.TECHNOLOGY,
  },
  {
    id: 'esco:ict-group',
    label: 'information and communication technologies (icts) ',
    framework: Framework.ESCO,
    skillType: SkillType.GROUP,
  },
].map((s) => ({ ...s, altLabels: [] as string[] }));
const matcher = SkillMatcher.build(skills);

/** What the vector index answers, by brute force over the fixture's vectors. */
function hitsFor(phrase: string): LabelHit[] {
  const v = vectors[phrase]!;
  return skills.map((s) => {
    const similarity = cosine(v, vectors[s.label.trim()]!);
    return {
      query: 0,
      skillId: s.id,
      text: s.label,
      kind: 'PREFERRED',
      similarity,
      context: similarity,
    };
  });
}

function resolve(phrase: string) {
  return rankEvidence(
    gatherEvidence(matcher.candidates(phrase, 8), hitsFor(phrase), (id) => matcher.describe(id)),
  );
}

describe('resolution by meaning and letters', () => {
  it('does not take a product that shares letters for the word: Audit is not Adobe Audition', () => {
    const ranked = resolve('Audit');
    expect(ranked.find((r) => r.skillId === 'esco:audition')?.confident ?? false).toBe(false);
    expect(ranked[0]!.skillId).toBe('esco:audit');
  });

  it('takes no verb-object near miss as confident: Cash Management is not cash transportation', () => {
    const ranked = resolve('Cash Management');
    expect(ranked.find((r) => r.skillId === 'esco:cash-transport')?.confident ?? false).toBe(false);
  });

  it('gives no confident loose fit in one framework when another names the phrase exactly', () => {
    const ranked = resolve('Project Management');
    expect(ranked[0]).toMatchObject({ skillId: 'esco:pm', confident: true });
    expect(ranked.find((r) => r.skillId === 'onet:pm-software')?.confident).toBe(false);
  });

  it('names each concept once, with its label trimmed, a group heading behind a concept', () => {
    const ranked = resolve('information and communication technologies (icts)');
    expect(new Set(ranked.map((r) => r.skillId)).size).toBe(ranked.length);
    const group = ranked.find((r) => r.skillId === 'esco:ict-group')!;
    expect(group.matchedLabel).toBe('information and communication technologies (icts)');
    expect(group.score).toBeLessThan(1);
  });

  it('splits compound tags into parts, and leaves single tags whole', () => {
    expect(compoundParts('Leadership and Management')).toEqual(['Leadership', 'Management']);
    expect(compoundParts('Probability & Statistics')).toEqual(['Probability', 'Statistics']);
    expect(compoundParts('Python/SQL')).toEqual(['Python', 'SQL']);
    expect(compoundParts('Machine Learning')).toEqual([]);
  });
});

describe('phrases cut from a description', () => {
  const cut = cutText(
    'In this lecture it will go over knowledge of logistic regression. Learn Python and SQL with Tableau.',
  );
  const single = cut.phrases.filter((p) => p.words === 1).map((p) => p.text);

  it('never looks up pronouns, stop words or bare course words alone', () => {
    for (const w of ['it', 'go', 'knowledge', 'lecture', 'will', 'Learn'])
      expect(single).not.toContain(w);
  });

  it('marks names and words with modifiers', () => {
    const of = (t: string) => cut.phrases.find((p) => p.text === t)!;
    expect(of('Python')).toMatchObject({ named: true });
    expect(of('Tableau')).toMatchObject({ named: true });
    expect(of('logistic')).toMatchObject({ named: false, alone: false });
    expect(cut.phrases.map((p) => p.text)).toContain('logistic regression');
    expect(cut.sentences).toHaveLength(2);
  });

  it('keeps a window across prose words only when its words are a whole label', () => {
    const labels = new Set(['machine learning', 'quality of service']);
    const across = cutText(
      'An introduction to machine learning, and to the quality of service; learning about machine parts.',
      (phrase) => labels.has(phrase.toLowerCase()),
    ).phrases.filter((p) => p.wholeLabel);
    expect(across.map((p) => p.text)).toEqual(['machine learning', 'quality of service']);
    // Never across punctuation: "learning, machine" is not asked about.
    const asked: string[] = [];
    cutText('Deep learning, machine vision.', (phrase) => {
      asked.push(phrase);
      return false;
    });
    expect(asked).toEqual(['Deep learning']);
  });
});

describe('custom skills in any script', () => {
  it('keeps words of every script and refuses nothing but a tag of symbols', () => {
    expect(unicodeSlug('数据分析')).toBe('数据-分析');
    expect(unicodeSlug('Анализ данных')).toBe('анализ-данных');
    expect(customSkillId('p', 'تحليل البيانات')).toBe('custom:p:تحليل-البيانات');
    expect(customSkillId('p', '🚀 !!!')).toBeNull();
  });
});
