import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { createLogger } from '../src/lib/logger';
import type { ModelEmbedder } from '../src/skill/embedder';
import { SkillMatcher } from '../src/skill/skill-matcher';
import {
  MEANING,
  rankEvidence,
  type Evidence,
  type MeaningRule,
} from '../src/skill/skill-resolution';
import {
  chooseMentions,
  EXTRACTION,
  type ExtractionRule,
  type PhraseEvidence,
} from '../src/skill/mention-ranking';
import type { PhraseReading } from '../src/skill/skill-resolver';
import { SYSTEM_ADMIN } from '../src/auth/auth.service';
import { CredentialInput } from '../src/credential/credential.inputs';
import { CredentialType } from '../src/credential/credential.type';
import { ProviderKind } from '../src/provider/provider.type';
import type { Services } from '../src/services';
import { percentile, writeBenchmarkSection } from './report';
import {
  readLabelledDescriptions,
  scoreExtraction,
  type LabelledDescription,
} from './skill-descriptions';
import { readLabelledPhrases, readTaxonomySkills, type LabelledPhrase } from './skill-phrases';
import { openTaxonomyStore } from './taxonomy-store';

/**
 * Skill resolution over full ESCO v1.1.1 and O*NET 29.2 in a kept Neo4j store with every label's
 * vector: suggestSkills on the labelled phrases and extractSkills on the labelled course
 * descriptions, by meaning (the registry's rule) beside the letters-only matcher it replaced;
 * train and held-out parts apart, the rule the train part would choose now, latency, and what the
 * model adds to the process's memory. Writes the `skills` section of BENCHMARKS.md.
 */

interface PhraseScore {
  confident: number;
  right: number;
  precision: number;
  top1: number;
  top3: number;
  confidentRecall: number;
}

function phraseScore(
  phrases: readonly LabelledPhrase[],
  answer: (p: LabelledPhrase) => { skillId: string; confident: boolean }[],
): PhraseScore {
  let confident = 0;
  let right = 0;
  let top1 = 0;
  let top3 = 0;
  let answerable = 0;
  for (const p of phrases) {
    const found = answer(p);
    const sure = found.find((m) => m.confident);
    if (sure) {
      confident += 1;
      if (p.expected.has(sure.skillId)) right += 1;
    }
    if (p.expected.size === 0) continue;
    answerable += 1;
    if (found[0] && p.expected.has(found[0].skillId)) top1 += 1;
    if (found.slice(0, 3).some((m) => p.expected.has(m.skillId))) top3 += 1;
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    confident,
    right,
    precision: ratio(right, confident),
    top1: ratio(top1, answerable),
    top3: ratio(top3, answerable),
    confidentRecall: ratio(right, answerable),
  };
}

/** The rule the train phrases choose: most confident and right answers at precision >= `least`. */
function choosePhraseRule(
  phrases: readonly LabelledPhrase[],
  evidence: Map<LabelledPhrase, Evidence[]>,
  least = TRAIN_PRECISION,
) {
  let best: { rule: MeaningRule; score: PhraseScore } | null = null;
  for (const weight of [0.4, 0.5, 0.6, 0.7, 0.8])
    for (const score of [0.75, 0.8, 0.85, 0.9])
      for (const margin of [0.01, 0.02, 0.04, 0.06])
        for (const similarity of [0.7, 0.75, 0.8, 0.85, 0.9])
          for (const crossGap of [0.05, 0.1, 0.2, 1]) {
            const rule = { weight, score, margin, similarity, crossGap };
            const s = phraseScore(phrases, (p) => rankEvidence(evidence.get(p)!, rule));
            if (s.precision < least) continue;
            if (!best || s.right > best.score.right) best = { rule, score: s };
          }
  return best;
}

function extractionScore(
  descriptions: readonly LabelledDescription[],
  found: (d: LabelledDescription) => string[],
) {
  let precision = 0;
  let recall = 0;
  for (const d of descriptions) {
    const s = scoreExtraction(found(d), d.expected);
    precision += s.precision;
    recall += s.recall;
  }
  return { precision: precision / descriptions.length, recall: recall / descriptions.length };
}

/** The extraction rule the train descriptions choose: best macro precision at recall >= 0.5. */
function chooseExtractionRule(
  descriptions: readonly LabelledDescription[],
  gathered: Map<LabelledDescription, PhraseEvidence[]>,
) {
  let best: { rule: ExtractionRule; score: { precision: number; recall: number } } | null = null;
  for (const phrase of [0.5, 0.75, 1])
    for (const context of [0, 0.15, 0.3, 0.45])
      for (const coverage of [0, 0.1, 0.2, 0.3])
        for (const exact of [0, 0.1, 0.2])
          for (const min of [0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1, 1.05, 1.1])
            for (const extra of [0, 0.1, 0.2]) {
              const rule = {
                phrase,
                context,
                coverage,
                exact,
                min,
                generic: min + extra,
                confident: min + 0.1,
              };
              const s = extractionScore(descriptions, (d) =>
                chooseMentions(gathered.get(d)!, rule).map((m) => m.evidence.skillId),
              );
              if (s.recall < 0.5) continue;
              if (!best || s.precision > best.score.precision) best = { rule, score: s };
            }
  return best;
}

const f3 = (x: number) => x.toFixed(3);

/**
 * The confident precision a phrase rule must reach on the train part: above the 0.95 the
 * held-out part is held to, since a rule chosen on some phrases does a little worse on others.
 */
const TRAIN_PRECISION = 0.99;

/**
 * Registers new credentials with free-text skills through the service, in calls of 500, and
 * removes them after: records per second, label resolution and custom skills included. Twice:
 * first with tags the registry has never seen (the resolver's and the model's recent answers
 * dropped), then 1000 more records with the same tags, once the first ones' custom skills are
 * placed: what a catalogue's later registrations cost.
 */
async function registrationRate(
  services: Services,
  phrases: readonly LabelledPhrase[],
): Promise<{ records: number; labels: number; distinct: number; firstSeen: number; seen: number }> {
  const provider = 'bench-free-text';
  const records = 1000;
  const labels = 6;
  const clear = () =>
    services.db.runAutoCommit(
      `MATCH (n) WHERE (n:Credential OR n:Skill) AND n.providerId = $provider
       CALL (n) { OPTIONAL MATCH (l)-[:LABEL_OF]->(n) DETACH DELETE l, n }`,
      { provider },
    );
  await clear();
  await services.provider.register(SYSTEM_ADMIN, {
    id: provider,
    name: 'Free-text benchmark',
    kind: ProviderKind.PLATFORM,
  });
  const tag = (i: number, k: number) => phrases[(i * labels + k * 37) % phrases.length]!.phrase;
  const inputs = (round: string) =>
    Array.from({ length: records }, (_, i) =>
      Object.assign(new CredentialInput(), {
        externalId: `${round}${i}`,
        title: `Free-text credential ${round}${i}`,
        credentialType: CredentialType.MICROCREDENTIAL,
        providerId: provider,
        hours: 20,
        skills: Array.from({ length: labels }, (_, k) => ({ label: tag(i, k) })),
        preparesFor: [],
        translations: [],
      }),
    );
  const rate = async (round: CredentialInput[]) => {
    const started = performance.now();
    for (let i = 0; i < round.length; i += 500)
      await services.credential.registerMany(SYSTEM_ADMIN, round.slice(i, i + 500));
    const perSecond = records / ((performance.now() - started) / 1000);
    await services.credential.settled();
    return perSecond;
  };
  services.skillResolver.forget();
  await (services.embedder as ModelEmbedder).forget();
  const firstSeen = await rate(inputs('a'));
  const seen = await rate(inputs('b'));
  await clear();
  const distinct = new Set(
    Array.from({ length: records }, (_, i) =>
      Array.from({ length: labels }, (_, k) => tag(i, k)),
    ).flat(),
  ).size;
  return { records, labels, distinct, firstSeen, seen };
}

async function main(): Promise<void> {
  const logger = createLogger('warn');
  const { db, services, embedded } = await openTaxonomyStore('bench-taxonomy', logger);
  try {
    const embedder = services.embedder as ModelEmbedder;
    // What the model adds to the process: loaded, and warm from a few hundred texts.
    const rssBefore = process.memoryUsage().rss;
    await embedder.warm();
    for (const p of readLabelledPhrases()) await embedder.embed(p.phrase);
    const modelMiB = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
    await services.skillIndex.warm();
    const skills = readTaxonomySkills();
    const lexical = SkillMatcher.build(skills);

    const phrases = readLabelledPhrases();
    const split = <T extends { split: string }>(list: readonly T[], s: string) =>
      list.filter((x) => x.split === s);
    const evidenceList = await services.skillResolver.phraseEvidence(phrases.map((p) => p.phrase));
    const evidence = new Map(phrases.map((p, i) => [p, evidenceList[i]!]));
    const byMeaning = (list: readonly LabelledPhrase[], rule = MEANING) =>
      phraseScore(list, (p) => rankEvidence(evidence.get(p)!, rule));
    const byLetters = (list: readonly LabelledPhrase[]) =>
      phraseScore(list, (p) => lexical.suggest(p.phrase, { first: 3 }));
    const chosen = choosePhraseRule(split(phrases, 'train'), evidence);
    const phraseRow = (name: string, s: PhraseScore) =>
      `| ${name} | ${s.confident} | ${f3(s.precision)} | ${f3(s.confidentRecall)} | ${f3(s.top1)} | ${f3(s.top3)} |`;

    const { descriptions, unknownLabels } = readLabelledDescriptions(skills);
    // Both ways of reading a phrase, each with the rule its train part chooses.
    const resolver = services.skillResolver;
    const byReading = new Map<
      PhraseReading,
      {
        best: ReturnType<typeof chooseExtractionRule>;
        gathered: Map<LabelledDescription, PhraseEvidence[]>;
      }
    >();
    for (const reading of ['IN_CONTEXT', 'ALONE'] as const) {
      const evidenceOf = new Map<LabelledDescription, PhraseEvidence[]>();
      for (const d of descriptions)
        evidenceOf.set(d, await resolver.gatherMentions(d.text, null, reading));
      byReading.set(reading, {
        best: chooseExtractionRule(split(descriptions, 'train'), evidenceOf),
        gathered: evidenceOf,
      });
    }
    const gathered = byReading.get('ALONE')!.gathered;
    const extracted = new Map<LabelledDescription, string[]>();
    for (const d of descriptions) {
      extracted.set(
        d,
        (await services.skillResolver.extract(d.text, { first: 50 })).map((m) => m.skillId),
      );
    }
    const xChosen = chooseExtractionRule(split(descriptions, 'train'), gathered);
    const xRow = (
      name: string,
      list: readonly LabelledDescription[],
      found: (d: LabelledDescription) => string[],
    ) => {
      const s = extractionScore(list, found);
      return `| ${name} | ${list.length} | ${f3(s.precision)} | ${f3(s.recall)} |`;
    };
    const oldExtract = (d: LabelledDescription) =>
      lexical.extract(d.text, { first: 50 }).map((m) => m.skillId);

    // Latency: every phrase once, and 300-word texts made of distinct descriptions, with the
    // in-memory cache dropped before each call so the model runs every time.
    const suggestTimes: number[] = [];
    for (const p of phrases) {
      await embedder.forget();
      services.skillResolver.forget();
      const t = performance.now();
      await services.skillResolver.suggest(p.phrase, { first: 5 });
      suggestTimes.push(performance.now() - t);
    }
    suggestTimes.sort((a, b) => a - b);
    const texts: string[] = [];
    for (let i = 0; i < descriptions.length; i += 1) {
      let text = '';
      for (let j = i; text.split(/\s+/).length < 300; j = (j + 7) % descriptions.length)
        text += `${descriptions[j]!.text} `;
      texts.push(text.split(/\s+/).slice(0, 300).join(' '));
    }
    const extractLatency = async (reading: PhraseReading) => {
      const times: number[] = [];
      for (const text of texts) {
        await embedder.forget();
        services.skillResolver.forget();
        const t = performance.now();
        await services.skillResolver.extract(text, { first: 50 }, EXTRACTION, reading);
        times.push(performance.now() - t);
      }
      return times.sort((a, b) => a - b);
    };
    const extractTimes = await extractLatency('ALONE');
    const inContextTimes = await extractLatency('IN_CONTEXT');
    const registered = await registrationRate(services, phrases);

    const train = split(phrases, 'train');
    const heldout = split(phrases, 'heldout');
    const md = [
      '## Skill resolution (suggestSkills, extractSkills)',
      '',
      `Over full ESCO v1.1.1 and O*NET 29.2 in Neo4j with every label's vector (model ${embedder.model}). ` +
        `Labelled phrases: ${phrases.length} (${train.length} train, ${heldout.length} held out; a confident answer to a ` +
        'phrase no taxonomy names counts as wrong). Labelled course descriptions: ' +
        `${descriptions.length} of ${new Set(descriptions.map((d) => d.domain)).size} domains ` +
        `(${split(descriptions, 'train').length} train, ${split(descriptions, 'heldout').length} held out), ` +
        `${descriptions.reduce((n, d) => n + d.expected.length, 0)} expected concepts` +
        (unknownLabels.length > 0
          ? ` (${unknownLabels.length} expected labels name no concept)`
          : '') +
        '.',
      '',
      '### suggestSkills on the phrases',
      '',
      '| rule, part | confident | precision (confident) | confident & right | top-1 | top-3 |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      phraseRow('letters only (before), held out', byLetters(heldout)),
      phraseRow('meaning and letters, held out', byMeaning(heldout)),
      phraseRow('letters only (before), train', byLetters(train)),
      phraseRow('meaning and letters, train', byMeaning(train)),
      '',
      chosen
        ? `Target: confident precision >= 0.95 on the held-out part. The rule in the code is ${JSON.stringify(MEANING)}; ` +
          `the train part chooses now ${JSON.stringify(chosen.rule)} (held out with it: ` +
          `precision ${f3(byMeaning(heldout, chosen.rule).precision)}, confident & right ${f3(byMeaning(heldout, chosen.rule).confidentRecall)}).`
        : `No rule reaches train precision ${TRAIN_PRECISION}.`,
      '',
      '### extractSkills on the descriptions (macro averages)',
      '',
      '| rule, part | descriptions | precision | recall |',
      '| --- | ---: | ---: | ---: |',
      xRow('letters only (before), held out', split(descriptions, 'heldout'), oldExtract),
      xRow('meaning and letters, held out', split(descriptions, 'heldout'), (d) =>
        extracted.get(d)!,
      ),
      xRow('letters only (before), train', split(descriptions, 'train'), oldExtract),
      xRow('meaning and letters, train', split(descriptions, 'train'), (d) => extracted.get(d)!),
      ...[...byReading].flatMap(([reading, { best, gathered: evidenceOf }]) =>
        best
          ? (['heldout', 'train'] as const).map((part) =>
              xRow(
                `phrases read ${reading === 'ALONE' ? 'alone' : 'in context'}, the rule train chooses (${JSON.stringify(best.rule)}), ${part === 'heldout' ? 'held out' : 'train'}`,
                split(descriptions, part),
                (d) => chooseMentions(evidenceOf.get(d)!, best.rule).map((m) => m.evidence.skillId),
              ),
            )
          : [
              `| phrases read ${reading === 'ALONE' ? 'alone' : 'in context'}: no rule reaches train recall 0.5 | | | |`,
            ],
      ),
      '',
      xChosen
        ? `Target: precision >= 0.7 at recall >= 0.5. The rule in the code is ${JSON.stringify(EXTRACTION)}; the train part ` +
          `chooses now ${JSON.stringify(xChosen.rule)} (train precision ${f3(xChosen.score.precision)}, recall ${f3(xChosen.score.recall)}).`
        : 'No extraction rule reaches train recall 0.5.',
      '',
      `Latency (this machine, the in-memory caches of vectors and answers dropped before each call): suggestSkills over ${suggestTimes.length} phrases ` +
        `p50 ${percentile(suggestTimes, 50).toFixed(1)} ms, p95 ${percentile(suggestTimes, 95).toFixed(1)} ms (target 25 ms); ` +
        `extractSkills over ${extractTimes.length} texts of 300 words p50 ${percentile(extractTimes, 50).toFixed(0)} ms, ` +
        `p95 ${percentile(extractTimes, 95).toFixed(0)} ms (target 150 ms); with phrases read in context p50 ` +
        `${percentile(inContextTimes, 50).toFixed(0)} ms, p95 ${percentile(inContextTimes, 95).toFixed(0)} ms. The model adds ${Math.round(modelMiB)} MiB to the ` +
        `process's RSS, loaded and warm (target 300 MiB). registerCredentials with free-text skills: ` +
        `${registered.records} new records of ${registered.labels} labels each, ${registered.distinct} distinct tags drawn from the ` +
        `phrases (some become custom skills), in calls of 500: ${Math.round(registered.firstSeen)} records per second when the ` +
        `tags are new to the registry, ${Math.round(registered.seen)} for ${registered.records} more with the same tags (target 500).`,
    ].join('\n');
    console.log(md);
    writeBenchmarkSection('skills', md);
  } finally {
    await db.close();
    await embedded?.stop();
  }
}

void main();
