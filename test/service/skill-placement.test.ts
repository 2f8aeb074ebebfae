import { createHash } from 'node:crypto';
import type { Params } from '../../src/db/database';
import { createLogger } from '../../src/lib/logger';
import { createServices } from '../../src/services';
import type { Embedder } from '../../src/skill/embedder';
import { FakeDatabase } from './fake-database';

/**
 * Placing custom skills (SkillResolver.placeCustom) over a fake database and a stand-in model:
 * what it reads and writes, and that it never scans the taxonomy's labels.
 */

/** A stand-in for the model: a fixed unit vector per text (equal texts, equal vectors). */
const embedder: Embedder = {
  model: 'test-model',
  dimensions: 8,
  embed: (text) => Promise.resolve(vectorOf(text)),
  embedLabel: (text) => Promise.resolve(vectorOf(text)),
  embedSpans: (text, spans) =>
    Promise.resolve({ whole: vectorOf(text), spans: spans.map(() => vectorOf(text)) }),
};

function vectorOf(text: string): Float32Array {
  const bytes = createHash('sha256').update(text.trim().toLowerCase()).digest();
  const v = Float32Array.from({ length: 8 }, (_, i) => bytes[i]! - 128);
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

const TAXONOMY = [
  {
    id: 'esco:pm',
    label: 'project management',
    altLabels: [],
    hiddenLabels: [],
    framework: 'ESCO',
    skillType: 'KNOWLEDGE',
    reuseLevel: null,
  },
];

function registry(unplaced: { id: string; label: string; providerId: string }[]) {
  let rounds = 0;
  const db = new FakeDatabase()
    .answer('skill/find-labels', () => TAXONOMY)
    .answer('skill/find-unplaced-custom', () => (rounds++ === 0 ? unplaced : []))
    .answer('skill/nearest-labels', (p) =>
      (p['queries'] as Params[]).map((q) => ({
        query: q['i'],
        skillId: 'esco:pm',
        text: 'project management',
        kind: 'PREFERRED',
        similarity: 0.8,
        context: 0.8,
      })),
    )
    .answer('skill/nearest-custom', (p) =>
      (p['ids'] as string[])
        .filter((id) => id === 'custom:eastgate:project-management')
        .map((id) => ({
          skillId: id,
          neighbourId: 'custom:northbridge:project-management',
          neighbourGroup: 'words:project-management',
          similarity: 1,
        })),
    );
  return { db, services: createServices(db.asDatabase, createLogger('silent'), { embedder }) };
}

describe('placing custom skills, service over a fake database', () => {
  const unplaced = [
    {
      id: 'custom:eastgate:project-management',
      label: 'Project Management',
      providerId: 'eastgate',
    },
    { id: 'custom:eastgate:数据分析', label: '数据分析', providerId: 'eastgate' },
  ];

  it('embeds the new custom labels only, never scanning the taxonomy labels', async () => {
    const { db, services } = registry(unplaced);
    await services.skillResolver.placeCustom();
    const [written] = db.paramsOf('skill/write-label-vectors');
    expect(written).toMatchObject({
      model: 'test-model',
      rows: [
        { skillId: unplaced[0]!.id, text: 'Project Management', kind: 'CUSTOM' },
        { skillId: unplaced[1]!.id, text: '数据分析', kind: 'CUSTOM' },
      ],
    });
    for (const scan of [
      'skill/prune-label-vectors',
      'skill/count-unembedded-labels',
      'skill/find-unembedded-labels',
    ])
      expect(db.names()).not.toContain(scan);
  });

  it('joins another provider’s group of the same meaning, else its own words, with proposals', async () => {
    const { db, services } = registry(unplaced);
    await services.skillResolver.placeCustom();
    const [placed] = db.paramsOf('skill/place-custom');
    expect(placed).toMatchObject({
      model: 'test-model',
      rows: [
        {
          id: unplaced[0]!.id,
          groupKey: 'words:project-management',
          proposals: [{ skillId: 'esco:pm', rank: 0 }],
        },
        { id: unplaced[1]!.id, groupKey: 'words:数据分析' },
      ],
    });
    expect(db.names('committed writes')).toEqual([
      'skill/write-label-vectors',
      'skill/place-custom',
    ]);
  });
});
