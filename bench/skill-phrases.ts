import fs from 'node:fs';
import path from 'node:path';
import { readEscoSkills } from '../src/import/esco';
import { readOnetSkills } from '../src/import/onet';
import { projectRoot } from '../src/lib/paths';
import {
  CONFIDENCE,
  SkillMatcher,
  type Confidence,
  type MatchableSkill,
} from '../src/skill/skill-matcher';

/**
 * The labelled skill phrases (test/fixtures/skill-phrases.tsv): how providers write skills, each
 * with the concepts that are right answers (none for phrases no taxonomy names), a kind and a
 * split. Thresholds are set on the train part; the held-out part checks them.
 */
export interface LabelledPhrase {
  phrase: string;
  kind: string;
  split: 'train' | 'heldout';
  expected: Set<string>;
}

export const phrasesFile = path.join(projectRoot, 'test', 'fixtures', 'skill-phrases.tsv');
export const sharedData = path.resolve(projectRoot, '..', 'shared', 'data');

export function readLabelledPhrases(file = phrasesFile): LabelledPhrase[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .map((line) => {
      const [phrase, kind, split, ids] = line.split('\t');
      return {
        phrase: phrase!,
        kind: kind!,
        split: split as LabelledPhrase['split'],
        expected: new Set((ids ?? '').split('|').filter(Boolean)),
      };
    });
}

/** Every ESCO and O*NET skill concept with all its labels, read from the published files. */
export function readTaxonomySkills(dir = sharedData): MatchableSkill[] {
  const esco = readEscoSkills(path.join(dir, 'esco-v1.1.1-en'));
  const onet = readOnetSkills(path.join(dir, 'onet-29.2'));
  return [...esco.skills, ...esco.groups, ...onet.elements, ...onet.techSkills];
}

export interface PhraseFigures {
  phrases: number;
  /** Phrases that name a concept. */
  answerable: number;
  /** Phrases with a confident answer, and how many of those were right. */
  confident: number;
  confidentRight: number;
  top1: number;
  top3: number;
  /** Precision of confident answers (a confident answer to an unanswerable phrase is wrong). */
  precision: number;
  /** Share of answerable phrases whose first (or one of the first three) suggestions is right. */
  top1Recall: number;
  top3Recall: number;
  /** Share of answerable phrases answered with confidence (and rightly). */
  confidentRecall: number;
}

export function evaluate(matcher: SkillMatcher, phrases: readonly LabelledPhrase[]): PhraseFigures {
  let answerable = 0;
  let confident = 0;
  let confidentRight = 0;
  let top1 = 0;
  let top3 = 0;
  for (const p of phrases) {
    const found = matcher.suggest(p.phrase, { first: 3 });
    const sure = found.find((m) => m.confident);
    if (sure) {
      confident += 1;
      if (p.expected.has(sure.skillId)) confidentRight += 1;
    }
    if (p.expected.size === 0) continue;
    answerable += 1;
    if (found[0] && p.expected.has(found[0].skillId)) top1 += 1;
    if (found.some((m) => p.expected.has(m.skillId))) top3 += 1;
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);
  return {
    phrases: phrases.length,
    answerable,
    confident,
    confidentRight,
    top1,
    top3,
    precision: ratio(confidentRight, confident),
    top1Recall: ratio(top1, answerable),
    top3Recall: ratio(top3, answerable),
    confidentRecall: ratio(confidentRight, answerable),
  };
}

/** The figures by kind of phrase, then for all. */
export function evaluateByKind(
  matcher: SkillMatcher,
  phrases: readonly LabelledPhrase[],
): Map<string, PhraseFigures> {
  const kinds = [...new Set(phrases.map((p) => p.kind))].sort();
  const table = new Map<string, PhraseFigures>();
  for (const kind of kinds)
    table.set(
      kind,
      evaluate(
        matcher,
        phrases.filter((p) => p.kind === kind),
      ),
    );
  table.set('all', evaluate(matcher, phrases));
  return table;
}

/**
 * The thresholds that answer the most train phrases with confidence while keeping the precision of
 * confident answers at `precision` or more; ties go to the stricter thresholds.
 */
export function calibrate(
  matcher: SkillMatcher,
  train: readonly LabelledPhrase[],
  precision = 0.95,
): Confidence & { figures: PhraseFigures } {
  let best: (Confidence & { figures: PhraseFigures }) | null = null;
  for (let score = 0.95; score >= 0.7 - 1e-9; score -= 0.025) {
    for (const margin of [0.01, 0.02, 0.04, 0.06, 0.08, 0.1]) {
      const confidence = { score: round(score), margin: round(margin) };
      const figures = evaluate(matcher.withConfidence(confidence), train);
      if (figures.precision < precision) continue;
      if (!best || figures.confidentRight > best.figures.confidentRight) {
        best = { ...confidence, figures };
      }
    }
  }
  return best ?? { ...CONFIDENCE, figures: evaluate(matcher, train) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
