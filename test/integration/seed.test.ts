import { loadDemoCatalogue, readDemoCatalogue, seedDemoIfEmpty } from '../../seed/load-demo';
import type { TestRegistry } from '../helpers/registry';
import { startTestRegistry } from '../helpers/registry';

const FINGERPRINT = `
  CALL () { MATCH (n) RETURN count(n) AS nodes }
  CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
  CALL () { MATCH (c:Credential) RETURN collect(c.updatedAt + c.contentHash) AS stamps }
  RETURN nodes, rels, stamps`;

describe('the demo catalogue', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startTestRegistry();
    await registry.wipe();
  });
  afterAll(() => registry.stop());

  it('holds what a demo needs: providers, every credential type, ESCO skills, roles, learners', () => {
    const demo = readDemoCatalogue();
    expect(demo.providers.length).toBeGreaterThanOrEqual(8);
    expect(demo.credentials.length).toBeGreaterThanOrEqual(60);
    expect(new Set(demo.credentials.map((c) => c.credentialType)).size).toBe(9);
    expect(demo.skills.length).toBeGreaterThanOrEqual(150);
    for (const s of demo.skills) expect(s.id).toMatch(/^http:\/\/data\.europa\.eu\/esco\/skill\//);
    expect(demo.skills.filter((s) => s.broader.length > 0).length).toBeGreaterThan(50);
    expect(demo.jobRoles.length).toBeGreaterThanOrEqual(12);
    expect(demo.learners).toHaveLength(10);
    expect(demo.prerequisites.length).toBeGreaterThan(10);
    expect(demo.equivalences.length).toBeGreaterThan(3);
  });

  it('loads into an empty database, and loading twice changes nothing', async () => {
    expect(await seedDemoIfEmpty(registry.services)).toBe(true);
    const [first] = await registry.services.db.runAutoCommit(FINGERPRINT);
    expect(await seedDemoIfEmpty(registry.services)).toBe(false);
    await loadDemoCatalogue(registry.services);
    const [second] = await registry.services.db.runAutoCommit(FINGERPRINT);
    expect(second).toEqual(first);
    const res = await registry.gql(
      `{ registry { providers credentials skills jobRoles learners } }`,
    );
    expect(res.data.registry).toEqual({
      // The demo catalogue and its free-text part (one provider, three credentials, four of its
      // own skills).
      providers: 10,
      credentials: 80,
      skills: 275,
      jobRoles: 13,
      learners: 10,
    });
  });

  it("shows skills given in a provider's own words: matched, custom, and mapped", async () => {
    const res = await registry.gql(
      `{ credential(id: "open-campus:pm-essentials") { skills { providerLabel skill { label framework } } }
         customSkills(providerId: "open-campus") { skill { label } mappedTo { label } credentials } }`,
    );
    expect(res.errors).toBeUndefined();
    const taught = res.data.credential.skills.map((s: any) => [
      s.providerLabel,
      s.skill.framework,
      s.skill.label,
    ]);
    expect(taught).toEqual(
      expect.arrayContaining([
        ['Project Management', 'ESCO', 'project management'],
        ['Stakeholder Management', 'ESCO', 'manage relationships with stakeholders'],
        ['Risk Registers', 'CUSTOM', 'Risk Registers'],
      ]),
    );
    const custom = new Map(
      res.data.customSkills.map((c: any) => [
        c.skill.label,
        [c.mappedTo?.label ?? null, c.credentials],
      ]),
    );
    expect(custom.get('Stakeholder Management')).toEqual([
      'manage relationships with stakeholders',
      2,
    ]);
    expect(custom.get('Data Storytelling')).toEqual([null, 1]);
  });

  it('has a four-course ladder into a certificate that counts towards a MicroMasters', async () => {
    const res = await registry.gql(
      `{ credential(id: "northbridge-university:ds-micromasters") { credentialType parts { credential { credentialType parts { credential { id } } } } partOf { credential { credentialType } } } }`,
    );
    const mm = res.data.credential;
    expect(mm.credentialType).toBe('MICROMASTERS');
    const certificate = mm.parts.find((p: any) => p.credential.parts.length >= 4);
    expect(certificate).toBeDefined();
    expect(mm.partOf[0].credential.credentialType).toBe('DEGREE');
  });
});
