import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { SYSTEM_ADMIN } from '../src/auth/auth.service';
import { importEsco } from '../src/import/esco';
import { importOnet } from '../src/import/onet';
import { createLogger } from '../src/lib/logger';
import { projectRoot } from '../src/lib/paths';
import { writeBenchmarkSection } from './report';
import { startTrustedRegistry } from './trusted-registry';
import { sharedData } from './skill-phrases';

/**
 * A real-looking catalogue (bench/fixtures/catalogue.json: invented providers, free-text skill tags
 * as MOOC catalogues write them) registered through the API over full ESCO and O*NET, then the
 * answers an adviser would look at: what each label became, equivalents, broadening options and
 * plans, each beside what the previous rules would have answered (unweighted equivalence, no
 * breadth damping, plans by hours). Writes the `catalogue` section of BENCHMARKS.md.
 */

interface Catalogue {
  providers: { id: string; name: string; kind: string; country: string; website: string }[];
  credentials: ({
    providerId: string;
    externalId: string;
    title: string;
    skills: string[];
  } & Record<string, unknown>)[];
  parts: [string, string, boolean][];
  prerequisites: [string, string][];
  learner: { id: string; displayName: string; earned: string[] };
  equivalentsOf: string[];
  broadeningFrom: string[];
  planRole: string;
}

const ADMIN_KEY = 'cg_admin_catalogue-examples-admin-key';

interface EquivalentRow {
  score: number;
  sameProvider: boolean;
  credential: { id: string };
  parts: {
    exactMatches: number;
    hierarchyMatches: number;
    eqfDamping: number;
    hoursDamping: number;
  };
  sharedSkills: { id: string }[];
  onlyInStart: { id: string }[];
  onlyInOther: { id: string }[];
}

interface OptionRow {
  score: number;
  adjacency: number;
  novelty: number;
  credential: { id: string };
  siblingOf: { id: string }[];
}

async function main(): Promise<void> {
  const catalogue = JSON.parse(
    fs.readFileSync(path.join(projectRoot, 'bench', 'fixtures', 'catalogue.json'), 'utf8'),
  ) as Catalogue;
  const logger = createLogger('warn');
  const { registry, neo4j } = await startTrustedRegistry({
    name: 'catalogue-neo4j',
    adminKey: ADMIN_KEY,
    logger,
    heapMb: 2048,
    pageCacheMb: 512,
  });
  const lines: string[] = [];
  const say = (line = '') => {
    lines.push(line);
    process.stdout.write(`${line}\n`);
  };
  try {
    const { services } = registry;
    await importEsco(services.db, path.join(sharedData, 'esco-v1.1.1-en'));
    await importOnet(services.db, path.join(sharedData, 'onet-29.2'));
    services.skillIndex.invalidate();

    const gql = async <T = Record<string, unknown>>(
      query: string,
      variables: Record<string, unknown> = {},
      key = ADMIN_KEY,
    ): Promise<T> => {
      const res = await fetch(registry.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: T; errors?: unknown[] };
      if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };

    // Providers register with an admin key; each provider registers its own catalogue.
    const keys = new Map<string, string>();
    for (const p of catalogue.providers) {
      const data = await gql<{ registerProvider: { apiKey: string } }>(
        `mutation($input: ProviderInput!) { registerProvider(input: $input) { apiKey } }`,
        { input: p },
      );
      keys.set(p.id, data.registerProvider.apiKey);
    }
    const outcomes = new Map<string, { outcome: string; skill: string; framework: string }>();
    for (const { providerId, skills, ...c } of catalogue.credentials) {
      const data = await gql<{
        registerCredential: {
          skillResolutions: {
            label: string;
            outcome: string;
            skill: { label: string; framework: string };
          }[];
        };
      }>(
        `mutation($input: CredentialInput!) { registerCredential(input: $input) {
           skillResolutions { label outcome skill { label framework } } } }`,
        { input: { ...c, skills: skills.map((label) => ({ label, level: 2 })) } },
        keys.get(providerId),
      );
      for (const r of data.registerCredential.skillResolutions) {
        outcomes.set(r.label, {
          outcome: r.outcome,
          skill: r.skill.label,
          framework: r.skill.framework,
        });
      }
    }
    for (const [partId, wholeId, required] of catalogue.parts) {
      await gql(
        `mutation($p: ID!, $w: ID!, $r: Boolean) { addPart(partId: $p, wholeId: $w, required: $r) { id } }`,
        { p: partId, w: wholeId, r: required },
        keys.get(wholeId.split(':')[0]!),
      );
    }
    for (const [id, prerequisiteId] of catalogue.prerequisites) {
      await gql(
        `mutation($c: ID!, $p: ID!) { addPrerequisite(credentialId: $c, prerequisiteId: $p) { id } }`,
        { c: id, p: prerequisiteId },
        keys.get(id.split(':')[0]!),
      );
    }
    const { learner } = catalogue;
    await services.learner.importRecord(SYSTEM_ADMIN, {
      id: learner.id,
      displayName: learner.displayName,
      grants: [...new Set(learner.earned.map((id) => id.split(':')[0]!))],
      achievements: learner.earned.map((credentialId) => ({
        credentialId,
        issuedAt: '2026-06-01',
        expiresAt: null,
      })),
      skills: [],
    });

    const title = new Map(
      catalogue.credentials.map((c) => [`${c.providerId}:${c.externalId}`, c.title]),
    );
    const name = (id: string) => `${title.get(id) ?? id}`;

    say('## A real-looking catalogue: before and after');
    say();
    say(
      `${catalogue.credentials.length} offerings from ${catalogue.providers.length} invented providers ` +
        '(bench/fixtures/catalogue.json), registered through the API with their free-text skill ' +
        'tags over full ESCO v1.1.1 and O*NET 29.2 (`npm run bench:catalogue`). "Before" is what the ' +
        'previous rules answer on the same graph: unweighted equivalence, broadening without ' +
        'breadth damping or programme parts first, plans by hours.',
    );
    say();
    const matched = [...outcomes.values()].filter((o) => o.outcome !== 'CUSTOM').length;
    say(`### What the labels became (${matched} of ${outcomes.size} distinct labels matched)`);
    say();
    say('| label | outcome | skill |');
    say('| --- | --- | --- |');
    for (const [label, o] of [...outcomes].sort(([a], [b]) => a.localeCompare(b))) {
      say(
        `| ${label} | ${o.outcome} | ${o.outcome === 'CUSTOM' ? '(custom)' : `${o.skill} (${o.framework})`} |`,
      );
    }

    say();
    say('### Equivalents (top 3)');
    for (const id of catalogue.equivalentsOf) {
      const data = await gql<{ equivalents: EquivalentRow[] }>(
        `query($id: ID!) { equivalents(credentialId: $id, minScore: 0, first: 50) {
           score sameProvider credential { id }
           parts { exactMatches hierarchyMatches eqfDamping hoursDamping evidence }
           sharedSkills { id } onlyInStart { id } onlyInOther { id } } }`,
        { id },
      );
      const rows = data.equivalents.map((e) => {
        const shared = e.sharedSkills.length;
        const union = shared + e.onlyInStart.length + e.onlyInOther.length;
        const oldRaw =
          union === 0 ? 0 : (e.parts.exactMatches + 0.5 * e.parts.hierarchyMatches) / union;
        return { ...e, old: oldRaw * e.parts.eqfDamping * e.parts.hoursDamping };
      });
      const across = (
        await gql<{ equivalents: EquivalentRow[] }>(
          `query($id: ID!) { equivalents(credentialId: $id, minScore: 0, first: 3, acrossProviders: true) {
             score credential { id } } }`,
          { id },
        )
      ).equivalents;
      const fmt = (e: EquivalentRow, score: number) =>
        `${name(e.credential.id)}${e.sameProvider ? ' (same provider)' : ''} ${score.toFixed(2)}`;
      const before = [...rows].sort((a, b) => b.old - a.old).slice(0, 3);
      const after = [...rows].sort((a, b) => b.score - a.score).slice(0, 3);
      say();
      say(`- **${name(id)}**`);
      say(`  - before: ${before.map((e) => fmt(e, e.old)).join('; ') || 'none'}`);
      say(`  - after: ${after.map((e) => fmt(e, e.score)).join('; ') || 'none'}`);
      say(
        `  - after, across providers: ${across.map((e) => fmt(e, e.score)).join('; ') || 'none'}`,
      );
    }

    say();
    say('### Broadening options (top 3)');
    const broaden = async (arg: string, value: string) =>
      (
        await gql<{ broadeningOptions: OptionRow[] }>(
          `query($v: ID!) { broadeningOptions(${arg}: $v, first: 100) {
             score adjacency novelty breadth credential { id } siblingOf { id } } }`,
          { v: value },
        )
      ).broadeningOptions;
    const oldScore = (o: OptionRow) =>
      Math.min(1, 0.6 * o.adjacency + 0.4 * o.novelty + (o.siblingOf.length > 0 ? 0.25 : 0));
    const show = (list: OptionRow[], score: (o: OptionRow) => number) =>
      list
        .slice(0, 3)
        .map((o) => `${name(o.credential.id)} ${score(o).toFixed(2)}`)
        .join('; ');
    for (const id of catalogue.broadeningFrom) {
      const options = await broaden('credentialId', id);
      const before = [...options].sort((a, b) => oldScore(b) - oldScore(a));
      say();
      say(`- **from ${name(id)}**`);
      say(`  - before: ${show(before, oldScore) || 'none'}`);
      say(`  - after: ${show(options, (o) => o.score) || 'none'}`);
    }
    const forLearner = await broaden('learnerId', learner.id);
    const remaining = catalogue.parts
      .map(([part]) => part)
      .filter((part) => !learner.earned.includes(part));
    const beforeLearner = [...forLearner].sort((a, b) => oldScore(b) - oldScore(a));
    const rank = (list: OptionRow[], id: string) => {
      const i = list.findIndex((o) => o.credential.id === id);
      return i === -1 ? 'not listed' : `#${i + 1}`;
    };
    say();
    say(
      `- **for a learner halfway through ${name(catalogue.parts[0]![1])}** (holds ${learner.earned.map(name).join(', ')})`,
    );
    for (const part of remaining) {
      say(
        `  - remaining part ${name(part)}: before ${rank(beforeLearner, part)}, after ${rank(forLearner, part)}`,
      );
    }

    say();
    say(`### Plans into "${catalogue.planRole}" from nothing held`);
    const roles = await gql<{ search: { item: { id: string } }[] }>(
      `query($t: String!) { search(text: $t, first: 1, kinds: [JOB_ROLE]) { item { ... on JobRole { id title } } } }`,
      { t: catalogue.planRole },
    );
    const roleId = roles.search[0]!.item.id;
    const plan = async (optimize: string, filter: Record<string, unknown> | null = null) => {
      const data = await gql<{
        gapClosingPlan: {
          totalHours: number;
          essentialCoverageAfter: number;
          steps: { credential: { id: string } }[];
        };
      }>(
        `query($r: ID!, $o: PlanObjective, $f: CredentialFilter) {
           gapClosingPlan(roleId: $r, skills: [], optimize: $o, maxCredentials: 8, filter: $f) {
             totalHours essentialCoverageAfter steps { credential { id } } } }`,
        { r: roleId, o: optimize, f: filter },
      );
      const p = data.gapClosingPlan;
      return `${p.steps.map((step) => name(step.credential.id)).join(', ') || 'nothing'} (${p.totalHours} h, essential coverage after ${(p.essentialCoverageAfter * 100).toFixed(0)}%)`;
    };
    say();
    say(`- before, by hours: ${await plan('HOURS')}`);
    say(`- after, by value: ${await plan('VALUE')}`);
    say(
      `- by value, English and at most 400: ${await plan('VALUE', { language: 'en', maxPrice: 400 })}`,
    );
    writeBenchmarkSection('catalogue', lines.join('\n'));
  } finally {
    await registry.stop();
    await neo4j.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
