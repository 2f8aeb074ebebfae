import 'reflect-metadata';
import { createLogger } from '../src/lib/logger';
import { openTaxonomyStore } from './taxonomy-store';

/** Builds (or checks) the kept taxonomy store of the skill benchmark, with progress. */
async function main(): Promise<void> {
  const logger = createLogger('info');
  const { db, embedded } = await openTaxonomyStore(
    'bench-taxonomy',
    logger,
    (step, done, total) => {
      if (done === total || done % 10_000 < 2000)
        process.stderr.write(`${step}: ${done}/${total}\n`);
    },
  );
  await db.close();
  await embedded?.stop();
}

void main();
