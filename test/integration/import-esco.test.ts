import path from 'node:path';
import { importEsco } from '../../src/import/esco';
import { formatReport } from '../../src/import/cli';
import { projectRoot } from '../../src/lib/paths';
import { startTestRegistry, type TestRegistry } from '../helpers/registry';

const esco = path.resolve(projectRoot, '..', 'shared', 'data', 'esco-v1.1.1-en');

const FINGERPRINT = `
  CALL () { MATCH (n) RETURN count(n) AS nodes }
  CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
  CALL () { MATCH (s:Skill) RETURN count(DISTINCT s.label + s.skillType) AS labels }
  RETURN nodes, rels, labels`;

describe('importing the real ESCO v1.1.1 package', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startTestRegistry();
    await registry.wipe();
  });
  afterAll(async () => {
    await registry.wipe();
    await registry.stop();
  });

  it('imports the counts of the package README, reports dangling references, and re-imports idempotently', async () => {
    const report = await importEsco(registry.services.db, esco);
    process.stdout.write(`${formatReport(report)}\n`);
    expect(report.counts).toMatchObject({
      skills: 13896,
      skillGroups: 640,
      occupations: 3007,
      skillRelated: 5899,
      // 123,855 links minus the 67 of the one occupation absent from occupations_en.csv.
      requiredSkills: 123855 - 67,
    });
    expect(report.dangling['occupationSkillRelations.csv']).toHaveLength(1);
    expect(report.dangling['broaderRelationsSkillPillar.csv']!.length).toBeGreaterThanOrEqual(7);

    const db = registry.services.db;
    const [counts] = await db.runAutoCommit<Record<string, number>>(`
      CALL () { MATCH (s:Skill) WHERE s.skillType <> 'GROUP' RETURN count(s) AS skills }
      CALL () { MATCH (:JobRole)-[r:REQUIRES_SKILL]->() RETURN count(r) AS links, sum(CASE WHEN r.essential THEN 1 ELSE 0 END) AS essential }
      CALL () { MATCH (s:Skill) WHERE COUNT { (s)-[:BROADER]->() } > 1 RETURN count(s) AS poly }
      RETURN skills, links, essential, poly`);
    expect(counts!.skills).toBe(13896);
    expect(counts!.links).toBe(123855 - 67);
    expect(counts!.poly).toBeGreaterThan(4000);

    const [before] = await db.runAutoCommit(FINGERPRINT);
    await importEsco(db, esco);
    const [after] = await db.runAutoCommit(FINGERPRINT);
    expect(after).toEqual(before);
  });

  it('reads every column it uses: reuse levels, hidden labels, concepts without a type', async () => {
    const report = await importEsco(registry.services.db, esco);
    expect(report.counts).toMatchObject({
      skillHiddenLabels: 109,
      skillTypeMissing: 6,
      skillsNotReleased: 0,
      occupationsNotReleased: 0,
    });
    const skill = await registry.gql(
      `{ skill(id: "http://data.europa.eu/esco/skill/001115fb-569f-4ee6-8381-c6807ef2527f") { label reuseLevel } }`,
    );
    expect(skill.data.skill).toEqual({ label: 'show initiative', reuseLevel: 'transversal' });
    // "conscientiousness" is a hidden label of "meet commitments": found by search, not shown.
    const found = await registry.gql(
      `{ search(text: "conscientiousness", first: 5) { item { ... on Skill { label altLabels } } } }`,
    );
    const labels = found.data.search.map((h: any) => h.item.label);
    expect(labels).toContain('meet commitments');
    const hit = found.data.search.find((h: any) => h.item.label === 'meet commitments');
    expect(hit.item.altLabels).not.toContain('conscientiousness');
  });
});
