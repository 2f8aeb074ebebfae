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

  it('reads every example row of a technology requirement, whatever their order', async () => {
    // Brokerage Clerks, spreadsheet software: "Microsoft Excel" is Hot and In Demand, the generic
    // "Spreadsheet software" row (listed after it) is not.
    const res = await registry.gql(
      `{ jobRole(id: "43-4011.00") { requiredSkills { skill { id } essential importance reliable evidence } } }`,
    );
    const spreadsheet = res.data.jobRole.requiredSkills.find(
      (r: any) => r.skill.id === 'unspsc:43232110',
    );
    expect(spreadsheet).toMatchObject({ essential: true, importance: 1, reliable: true });
    expect(spreadsheet.evidence[0]).toBe('Microsoft Excel');
    expect(spreadsheet.evidence).toContain('Spreadsheet software');
  });

  it('does not make a suppressed importance essential, and says the requirement is unreliable', async () => {
    // Writers and Authors, English Language: importance 5, but O*NET recommends suppressing it.
    const res = await registry.gql(
      `{ skillGap(roleId: "27-3043.00", skills: [], includeOptional: true) { missing { skill { id } essential importance reliable } } }`,
    );
    const english = res.data.skillGap.missing.find((m: any) => m.skill.id === '2.C.7.a');
    expect(english).toMatchObject({ essential: false, importance: 0.5, reliable: false });
  });

  it('leaves out elements marked Not Relevant, and a re-import converges on the files', async () => {
    // Chief Executives, Equipment Selection: Not Relevant.
    const db = registry.services.db;
    const count = async () =>
      (
        await db.runAutoCommit<{ n: number }>(
          `MATCH (:JobRole {id: '11-1011.00'})-[r:REQUIRES_SKILL]->(:Skill {id: '2.B.3.c'}) RETURN count(r) AS n`,
        )
      )[0]!.n;
    expect(await count()).toBe(0);
    // A link an older import wrote is removed by the next one.
    await db.runAutoCommit(
      `MATCH (j:JobRole {id: '11-1011.00'}), (s:Skill {id: '2.B.3.c'})
       MERGE (j)-[:REQUIRES_SKILL {essential: false, importance: 0.03, level: 1}]->(s)`,
    );
    expect(await count()).toBe(1);
    const report = await importOnet(db, path.join(data, 'onet-29.2'));
    expect(await count()).toBe(0);
    expect(report.counts).toMatchObject({ staleRequirementsRemoved: 1, notRelevantLeftOut: 9241 });
    expect(report.counts.essentialTechnologies).toBe(8056);
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
