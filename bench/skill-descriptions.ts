import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/lib/paths';
import type { MatchableSkill } from '../src/skill/skill-matcher';

/**
 * The labelled course descriptions (test/fixtures/skill-descriptions.tsv): real-shaped texts of
 * many domains, each with the concepts a careful reader would link. An expected item lists one or
 * more labels ("a / b": either is right); a label names the concepts whose preferred or
 * alternative label it is. Labels that name no concept are reported, never guessed.
 */
export interface LabelledDescription {
  id: string;
  domain: string;
  split: 'train' | 'heldout';
  text: string;
  /** Each expected item: the concept ids any of which is right. */
  expected: Set<string>[];
}

export const descriptionsFile = path.join(
  projectRoot,
  'test',
  'fixtures',
  'skill-descriptions.tsv',
);

export function readLabelledDescriptions(
  skills: readonly MatchableSkill[],
  file = descriptionsFile,
): { descriptions: LabelledDescription[]; unknownLabels: string[] } {
  const byLabel = new Map<string, Set<string>>();
  const add = (label: string, id: string) => {
    const key = label.trim().toLowerCase();
    byLabel.set(key, (byLabel.get(key) ?? new Set()).add(id));
  };
  for (const s of skills) add(s.label, s.id);
  const preferred = new Set(byLabel.keys());
  for (const s of skills)
    for (const a of s.altLabels) if (!preferred.has(a.trim().toLowerCase())) add(a, s.id);
  const unknownLabels: string[] = [];
  const descriptions = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .map((line) => {
      const [id, domain, split, text, expected] = line.split('\t');
      return {
        id: id!,
        domain: domain!,
        split: split as LabelledDescription['split'],
        text: text!,
        expected: (expected ?? '').split('|').map((item) => {
          const ids = new Set<string>();
          for (const label of item.split(' / ')) {
            const found = byLabel.get(label.trim().toLowerCase());
            if (found) found.forEach((x) => ids.add(x));
            else unknownLabels.push(`${id}: ${label.trim()}`);
          }
          return ids;
        }),
      };
    });
  return { descriptions, unknownLabels };
}

/** Precision and recall of extracted concepts against one description's expected items. */
export function scoreExtraction(
  found: readonly string[],
  expected: readonly Set<string>[],
): { precision: number; recall: number; right: number; wrong: string[] } {
  const items = expected.filter((e) => e.size > 0);
  const right = found.filter((id) => items.some((e) => e.has(id)));
  const covered = items.filter((e) => found.some((id) => e.has(id))).length;
  return {
    precision: found.length === 0 ? 1 : right.length / found.length,
    recall: items.length === 0 ? 1 : covered / items.length,
    right: right.length,
    wrong: found.filter((id) => !items.some((e) => e.has(id))),
  };
}
