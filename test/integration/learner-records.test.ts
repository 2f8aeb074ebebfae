import { fromOpenBadge } from '../../src/standards/open-badges';
import type { TestRegistry } from '../helpers/registry';
import {
  ADMIN_KEY,
  registerCredential,
  registerProvider,
  seedSkills,
  SKILLS,
  startRegistryWithAdmin,
} from '../helpers/fixtures';

const RECORD = `mutation($l: ID!, $c: ID!) {
  recordAchievement(learnerId: $l, credentialId: $c, issuedAt: "2026-01-10") { recordedBy recordedAt revoked }
}`;
const GRANT = `mutation($l: ID!, $p: ID!) { grantProvider(learnerId: $l, providerId: $p) { grantedAt provider { id } } }`;
const REVOKE_GRANT = `mutation($l: ID!, $p: ID!) { revokeProviderGrant(learnerId: $l, providerId: $p) }`;
const REVOKE = `mutation($l: ID!, $c: ID!, $r: String!) { revokeAchievement(learnerId: $l, credentialId: $c, reason: $r) }`;
const GAP = `query($l: ID!) { skillGap(roleId: "role:dev", learnerId: $l) { covered { skill { id } } missing { skill { id } } } }`;
const PLAN = `query($l: ID!) { gapClosingPlan(roleId: "role:dev", learnerId: $l) { steps { credential { id } } } }`;

/** A Cypher test that a property value names $id, in a string or a list of strings. */
const names = (v: string) =>
  `((${v} IS :: STRING AND ${v} CONTAINS $id) OR (${v} IS :: LIST<STRING> AND any(x IN ${v} WHERE x CONTAINS $id)))`;

function code(res: { errors?: { extensions?: { code?: string } }[] }) {
  return res.errors?.[0]?.extensions?.code;
}

describe('learner records a person controls', () => {
  let registry: TestRegistry;
  let uni: string;
  let other: string;
  let learnerId: string;
  let learnerKey: string;

  const newLearner = async () => {
    const res = await registry.gql(`mutation { createLearner { apiKey learner { id } } }`);
    return {
      id: res.data.createLearner.learner.id as string,
      key: res.data.createLearner.apiKey as string,
    };
  };

  /** A learner who granted uni, holds its award and declared a skill. */
  const enrol = async (learner: { id: string; key: string }) => {
    await registry.gql(GRANT, { l: learner.id, p: 'uni' }, learner.key);
    await registry.gql(RECORD, { l: learner.id, c: 'uni:py' }, uni);
    await registry.gql(
      `mutation($l: ID!) { setLearnerSkill(learnerId: $l, skillId: "${SKILLS.sql}", level: 2) { id } }`,
      { l: learner.id },
      learner.key,
    );
  };

  beforeAll(async () => {
    registry = await startRegistryWithAdmin();
    await seedSkills(registry);
    uni = await registerProvider(registry, 'uni');
    other = await registerProvider(registry, 'other');
    await registerCredential(registry, uni, {
      externalId: 'py',
      title: 'Python for analysts',
      hours: 20,
      skills: [{ skillId: SKILLS.python, level: 3 }],
    });
    await registerCredential(registry, other, { externalId: 'sql', skills: [] });
    const role = await registry.gql(
      `mutation($input: JobRoleInput!) { upsertJobRole(input: $input) { id } }`,
      {
        input: {
          id: 'role:dev',
          title: 'developer',
          framework: 'CUSTOM',
          requiredSkills: [{ skillId: SKILLS.python, essential: true, level: 2 }],
        },
      },
      ADMIN_KEY,
    );
    expect(role.errors).toBeUndefined();
    ({ id: learnerId, key: learnerKey } = await newLearner());
  });
  afterAll(() => registry.stop());

  describe('consent', () => {
    it('refuses a provider without a grant, and an unknown learner, with the same FORBIDDEN', async () => {
      const ungranted = await registry.gql(RECORD, { l: learnerId, c: 'uni:py' }, uni);
      const unknown = await registry.gql(RECORD, { l: 'no-such-learner', c: 'uni:py' }, uni);
      expect(code(ungranted)).toBe('FORBIDDEN');
      expect(code(unknown)).toBe('FORBIDDEN');
      expect(unknown.errors![0]!.message).toBe(ungranted.errors![0]!.message);
    });

    it('lets only the learner or an admin grant, and lists the grant on the record', async () => {
      expect(code(await registry.gql(GRANT, { l: learnerId, p: 'uni' }, uni))).toBe('FORBIDDEN');
      const granted = await registry.gql(GRANT, { l: learnerId, p: 'uni' }, learnerKey);
      expect(granted.data.grantProvider.provider.id).toBe('uni');
      const record = await registry.gql(
        `query($l: ID!) { learner(id: $l) { grants { provider { id } grantedAt } } }`,
        { l: learnerId },
        learnerKey,
      );
      expect(record.data.learner.grants.map((g: any) => g.provider.id)).toEqual(['uni']);
    });

    it('records an award under a grant, saying who recorded it and when', async () => {
      const res = await registry.gql(RECORD, { l: learnerId, c: 'uni:py' }, uni);
      expect(res.errors).toBeUndefined();
      expect(res.data.recordAchievement).toMatchObject({ recordedBy: 'uni', revoked: false });
      expect(Date.parse(res.data.recordAchievement.recordedAt)).not.toBeNaN();
    });

    it('refuses again once the grant is withdrawn; admins need no grant', async () => {
      const fresh = await newLearner();
      await registry.gql(GRANT, { l: fresh.id, p: 'uni' }, fresh.key);
      expect((await registry.gql(REVOKE_GRANT, { l: fresh.id, p: 'uni' }, fresh.key)).errors).toBe(
        undefined,
      );
      expect(code(await registry.gql(RECORD, { l: fresh.id, c: 'uni:py' }, uni))).toBe('FORBIDDEN');
      expect((await registry.gql(RECORD, { l: fresh.id, c: 'uni:py' }, ADMIN_KEY)).errors).toBe(
        undefined,
      );
    });

    it("refuses a provider recording another provider's credential even with a grant", async () => {
      await registry.gql(GRANT, { l: learnerId, p: 'other' }, learnerKey);
      expect(code(await registry.gql(RECORD, { l: learnerId, c: 'uni:py' }, other))).toBe(
        'FORBIDDEN',
      );
    });
  });

  describe('revocation', () => {
    it('counts an award in gaps and plans until it is revoked, then never', async () => {
      const before = await registry.gql(GAP, { l: learnerId }, learnerKey);
      expect(before.data.skillGap.covered.map((c: any) => c.skill.id)).toEqual([SKILLS.python]);

      expect(
        code(await registry.gql(REVOKE, { l: learnerId, c: 'uni:py', r: 'wrong learner' }, other)),
      ).toBe('FORBIDDEN');
      expect(code(await registry.gql(REVOKE, { l: learnerId, c: 'uni:py', r: '  ' }, uni))).toBe(
        'BAD_USER_INPUT',
      );
      const revoked = await registry.gql(
        REVOKE,
        { l: learnerId, c: 'uni:py', r: 'recorded for the wrong learner' },
        uni,
      );
      expect(revoked.errors).toBeUndefined();

      const record = await registry.gql(
        `query($l: ID!) { learner(id: $l) { achievements { credential { id } revoked revokedReason revokedAt } } }`,
        { l: learnerId },
        learnerKey,
      );
      expect(record.data.learner.achievements).toEqual([
        expect.objectContaining({
          credential: { id: 'uni:py' },
          revoked: true,
          revokedReason: 'recorded for the wrong learner',
        }),
      ]);
      const after = await registry.gql(GAP, { l: learnerId }, learnerKey);
      expect(after.data.skillGap.covered).toEqual([]);
      const plan = await registry.gql(PLAN, { l: learnerId }, learnerKey);
      expect(plan.data.gapClosingPlan.steps.map((s: any) => s.credential.id)).toEqual(['uni:py']);
    });

    it('answers NOT_FOUND for an award that does not exist', async () => {
      const fresh = await newLearner();
      expect(code(await registry.gql(REVOKE, { l: fresh.id, c: 'uni:py', r: 'x' }, uni))).toBe(
        'NOT_FOUND',
      );
    });
  });

  describe('portability', () => {
    it('exports everything as one document, awards as OpenBadgeCredentials the importer reads', async () => {
      const fresh = await newLearner();
      await enrol(fresh);
      const res = await registry.gql(
        `query($l: ID!) { learner(id: $l) { export } }`,
        { l: fresh.id },
        fresh.key,
      );
      const doc = res.data.learner.export;
      expect(doc.learner.id).toBe(fresh.id);
      expect(doc.skills).toEqual([
        expect.objectContaining({ skillId: SKILLS.sql, level: 2, source: 'SELF' }),
      ]);
      expect(doc.grants.map((g: any) => g.providerId)).toEqual(['uni']);
      const [award] = doc.achievements;
      expect(award.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
      expect(award.issuer.name).toBe('uni');
      expect(award.validFrom).toBe('2026-01-10T00:00:00Z');
      expect(award.credentialSubject.source.name).toMatch(/registry/);
      // The award itself imports: its achievement is read out of the credential.
      const base = registry.services.publicUrl;
      const { draft, errors } = fromOpenBadge(award, base);
      expect(errors).toEqual([]);
      expect(draft).toMatchObject({
        externalId: 'py',
        title: 'Python for analysts',
        hours: 20,
        // A skill id that is no URI travels as the registry's URI for it, with the id as code.
        skills: [
          {
            ref: `${base}/skills/${encodeURIComponent(SKILLS.python)}`,
            code: SKILLS.python,
            level: 3,
          },
        ],
      });
      expect(doc.revokedAchievements).toEqual([]);
    });

    it('shows the export to the learner and admins only', async () => {
      const q = `query($l: ID!) { learner(id: $l) { export } }`;
      expect(code(await registry.gql(q, { l: learnerId }, uni))).toBe('FORBIDDEN');
      const admin = await registry.gql(q, { l: learnerId }, ADMIN_KEY);
      expect(admin.data.learner.export.revokedAchievements).toHaveLength(1);
    });
  });

  describe('keys and erasure', () => {
    it('rotates a leaked key: the old one stops working at once', async () => {
      const fresh = await newLearner();
      const rotated = await registry.gql(
        `mutation($l: ID!) { rotateLearnerKey(learnerId: $l) { apiKey learner { id } } }`,
        { l: fresh.id },
        fresh.key,
      );
      const newKey = rotated.data.rotateLearnerKey.apiKey as string;
      const q = `query($l: ID!) { learner(id: $l) { id } }`;
      expect(code(await registry.gql(q, { l: fresh.id }, fresh.key))).toBe('UNAUTHENTICATED');
      expect((await registry.gql(q, { l: fresh.id }, newKey)).data.learner.id).toBe(fresh.id);
    });

    it('erases a learner in one transaction, leaving nothing that names them', async () => {
      const fresh = await newLearner();
      await enrol(fresh);
      const naming = async () =>
        (
          await registry.services.db.runAutoCommit<{ nodes: number; rels: number }>(
            `CALL () { MATCH (n) WHERE any(k IN keys(n) WHERE ${names('n[k]')}) RETURN count(n) AS nodes }
             CALL () { MATCH ()-[r]->() WHERE any(k IN keys(r) WHERE ${names('r[k]')}) RETURN count(r) AS rels }
             RETURN nodes, rels`,
            { id: fresh.id },
          )
        )[0];
      // The learner node and its key name the learner before erasure.
      expect((await naming())!.nodes).toBeGreaterThanOrEqual(2);
      const del = `mutation($l: ID!) { deleteLearner(id: $l) }`;
      expect(code(await registry.gql(del, { l: fresh.id }, uni))).toBe('FORBIDDEN');
      expect((await registry.gql(del, { l: fresh.id }, fresh.key)).data.deleteLearner).toBe(true);
      expect(await naming()).toEqual({ nodes: 0, rels: 0 });
      expect(code(await registry.gql(`{ registry { skills } }`, {}, fresh.key))).toBe(
        'UNAUTHENTICATED',
      );
      expect(code(await registry.gql(del, { l: fresh.id }, ADMIN_KEY))).toBe('NOT_FOUND');
    });
  });
});
