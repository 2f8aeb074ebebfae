import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { SkillMatcher } from '../src/skill/skill-matcher';
import { percentile, writeBenchmarkSection } from './report';
import {
  calibrate,
  evaluate,
  evaluateByKind,
  readLabelledPhrases,
  readTaxonomySkills,
  type PhraseFigures,
} from './skill-phrases';

/**
 * Skill resolution on the labelled phrases over full ESCO v1.1.1 and O*NET 29.2: precision of
 * confident answers and top-1/top-3 recall by kind of phrase (train and held-out), the thresholds
 * the train part would choose, suggestion and extraction latency, and the index's build time and
 * memory. Writes the `skills` section of BENCHMARKS.md.
 */
function main(): void {
  const skills = readTaxonomySkills();
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const matcher = SkillMatcher.build(skills);
  const buildMs = performance.now() - started;
  global.gc?.();
  const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const phrases = readLabelledPhrases();
  const train = phrases.filter((p) => p.split === 'train');
  const heldout = phrases.filter((p) => p.split === 'heldout');

  const row = (name: string, f: PhraseFigures) =>
    `| ${name} | ${f.phrases} | ${f.answerable} | ${f.confident} | ${f.precision.toFixed(3)} | ` +
    (f.answerable === 0
      ? '- | - | - |'
      : `${f.top1Recall.toFixed(3)} | ${f.top3Recall.toFixed(3)} | ${f.confidentRecall.toFixed(3)} |`);
  const header =
    '| kind | phrases | answerable | confident | precision (confident) | top-1 | top-3 | confident & right |\n' +
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';
  const table = (list: typeof phrases) =>
    [header, ...[...evaluateByKind(matcher, list)].map(([k, f]) => row(k, f))].join('\n');

  const times: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    for (const p of phrases) {
      const t = performance.now();
      matcher.suggest(p.phrase, { first: 5 });
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  const description =
    'This professional certificate teaches Python programming, SQL and data visualisation ' +
    'with Tableau. Learners analyse data, build predictive models with machine learning, ' +
    'communicate results to stakeholders and manage projects in agile teams. '.repeat(1);
  const extractTimes: number[] = [];
  for (let i = 0; i < 50; i += 1) {
    const t = performance.now();
    matcher.extract(description, { first: 20 });
    extractTimes.push(performance.now() - t);
  }
  extractTimes.sort((a, b) => a - b);
  const chosen = calibrate(matcher, train, 0.99);
  const withChosen = evaluate(matcher.withConfidence(chosen), heldout);

  const md = [
    '## Skill resolution (suggestSkills, extractSkills)',
    '',
    `Labelled phrases: ${phrases.length} (${train.length} train, ${heldout.length} held out), ` +
      'written the way providers tag skills, each with the ESCO or O*NET concepts that are right ' +
      'answers (none for phrases no taxonomy names: any confident answer to them counts as wrong). ' +
      `Index: ${matcher.size.skills} concepts, ${matcher.size.labels} label forms, built in ` +
      `${(buildMs / 1000).toFixed(1)} s, about ${Math.round(heapMiB)} MiB of heap.`,
    '',
    '### Held out',
    '',
    table(heldout),
    '',
    '### Train',
    '',
    table(train),
    '',
    `Targets (held out): confident precision >= 0.9, top-3 recall >= 0.75. The thresholds in ` +
      `the code were chosen on the train part; rerunning that choice now (the most confident answers at train precision >= 0.99) ` +
      `picks score ${chosen.score}, margin ${chosen.margin} (held-out precision ` +
      `${withChosen.precision.toFixed(3)}, confident & right ${withChosen.confidentRecall.toFixed(3)}).`,
    '',
    `Latency per suggestion (${times.length} calls): p50 ${percentile(times, 50).toFixed(2)} ms, ` +
      `p95 ${percentile(times, 95).toFixed(2)} ms, max ${times[times.length - 1]!.toFixed(2)} ms ` +
      `(target p95 <= 30 ms). Extraction of a ${description.length}-character description: p50 ` +
      `${percentile(extractTimes, 50).toFixed(2)} ms, p95 ${percentile(extractTimes, 95).toFixed(2)} ms.`,
  ].join('\n');
  console.log(md);
  writeBenchmarkSection('skills', md);
}

main();
