import path from 'node:path';
import { importEsco } from '../../src/import/esco';
import { importCrosswalk, importOnet, onetImportance, onetLevel } from '../../src/import/onet';
import { projectRoot } from '../../src/lib/paths';
import { startTestRegistry, type TestRegistry } from '../helpers/registry';

const data = path.resolve(projectRoot, '..', 'shared', 'data');

describe('importing O*NET 29.2 and the ESCO-O*NET crosswalk', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startTestRegistry();
    await registry.wipe();
  });
  afterAll(async () => {
    await registry.wipe();
    await registry.stop();
  });

  it('maps the O*NET scales as docs/ARCHITECTURE.md says', () => {
    expect(onetImportance(1)).toBe(0);
    expect(onetImportance(5)).toBe(1);
    expect(onetImportance(3)).toBe(0.5);
    expect(onetLevel(0)).toBe(1);
    expect(onetLevel(7)).toBe(5);
    expect(onetLevel(3.5)).toBe(3);
  });

  it('imports occupations, skills, knowledge, technologies and related occupations, idempotently', async () => {
    const db = registry.services.db;
    const report = await importOnet(db, path.join(data, 'onet-29.2'));
    process.stdout.write(`O*NET: ${JSON.stringify(report.counts)} in ${report.ms} ms\n`);
    expect(report.counts.occupations).toBe(1016);
    expect(report.counts.relatedRoles).toBe(18460);
    // 35 skills and 33 knowledge areas for each of 879 occupations, IM and LV rows merged.
    expect(report.counts.requiredSkills).toBeGreaterThan(35 * 879 + 33 * 879);
    const [row] = await db.runAutoCommit<Record<string, number>>(`
      CALL () { MATCH (s:Skill {framework: 'ONET', skillType: 'SKILL'}) RETURN count(s) AS skills }
      CALL () { MATCH (s:Skill {framework: 'ONET', skillType: 'KNOWLEDGE'}) RETURN count(s) AS knowledge }
      CALL () { MATCH (:JobRole {id: '11-1011.00'})-[r:REQUIRES_SKILL]->(:Skill {id: '2.A.2.a'}) RETURN r.importance AS im, r.level AS lv }
      CALL () { MATCH (j:JobRole {id: '11-1011.00'}) RETURN j.jobZone AS zone }
      RETURN skills, knowledge, im, lv, zone`);
    expect(row).toMatchObject({ skills: 35, knowledge: 33, zone: 5 });
    expect(row!.im).toBeGreaterThan(0.5);
    expect(row!.im).toBeCloseTo((4.38 - 1) / 4);
    expect(row!.lv).toBe(4);
    const fingerprint = `CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels`;
    const [before] = await db.runAutoCommit(fingerprint);
    await importOnet(db, path.join(data, 'onet-29.2'));
    const [after] = await db.runAutoCommit(fingerprint);
    expect(after).toEqual(before);
  });

  it('links ESCO and O*NET roles through the crosswalk, so a gap can be asked against either', async () => {
    const db = registry.services.db;
    await importEsco(db, path.join(data, 'esco-v1.1.1-en'));
    const report = await importCrosswalk(
      db,
      path.join(data, 'esco-onet-crosswalk', 'esco_onet_crosswalk_Nov2020.csv'),
    );
    process.stdout.write(
      `crosswalk: ${JSON.stringify(report.counts)}, ${Object.values(report.dangling)[0]!.length} codes absent\n`,
    );
    // 1,680 rows; some name 2010 O*NET codes that O*NET-SOC 2019 dropped: reported, not written.
    expect(report.counts.equivalentRoles).toBeGreaterThan(1300);
    expect(report.counts.equivalentRoles).toBeLessThanOrEqual(1680);
    const res = await registry.gql(
      `{ jobRole(id: "11-1011.00") { title equivalentRoles { confidence jobRole { framework title } } } }`,
    );
    expect(res.data.jobRole.equivalentRoles.length).toBeGreaterThan(0);
    expect(res.data.jobRole.equivalentRoles[0].jobRole.framework).toBe('ESCO');
    const gap = await registry.gql(
      `{ skillGap(roleId: "11-1011.00", skills: [{skillId: "2.A.2.a", level: 5}]) { covered { skill { label } } essentialCoverage } }`,
    );
    expect(gap.data.skillGap.covered.map((c: any) => c.skill.label)).toContain('Critical Thinking');
  });
});
