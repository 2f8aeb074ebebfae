import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/lib/paths';
import { OnnxEmbedder } from '../src/skill/embedder';
import { ensureEmbeddingModel } from '../src/skill/embedding-model';

/**
 * Writes test/fixtures/skill-vectors.json: the pinned model's vectors (4 decimals) of the phrases
 * and labels the unit tests of the resolution rules use, so those tests run without the model.
 * `npm run fixture:vectors` after a model change.
 */
export const FIXTURE_TEXTS = [
  'Audit',
  'Adobe Audition',
  'audit techniques',
  'Cash Management',
  'manage cash transportation',
  'manage cash flow',
  'Project Management',
  'project management',
  'Project management software',
  'information and communication technologies (icts)',
];

async function main(): Promise<void> {
  const embedder = await OnnxEmbedder.load(ensureEmbeddingModel());
  const vectors: Record<string, number[]> = {};
  for (const text of FIXTURE_TEXTS) {
    vectors[text] = [...(await embedder.embed(text))].map((x) => Math.round(x * 1e4) / 1e4);
  }
  const file = path.join(projectRoot, 'test', 'fixtures', 'skill-vectors.json');
  fs.writeFileSync(file, `${JSON.stringify(vectors)}\n`);
  process.stdout.write(`wrote ${Object.keys(vectors).length} vectors to ${file}\n`);
}

void main();
