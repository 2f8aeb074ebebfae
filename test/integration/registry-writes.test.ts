import type { TestRegistry } from '../helpers/registry';
import {
  ADMIN_KEY,
  REGISTER,
  SKILLS,
  registerCredential,
  registerProvider,
  seedSkills,
  startRegistryWithAdmin,
} from '../helpers/fixtures';

const code = (res: { errors?: { extensions?: { code?: string } }[] }) =>
  res.errors?.[0]?.extensions?.code;

describe('writing to the registry', () => {
  let registry: TestRegistry;
  let uniKey: string;
  let otherKey: string;

  beforeAll(async () => {
    registry = await startRegistryWithAdmin();
    await seedSkills(registry);
    uniKey = await registerProvider(registry, 'uni');
    otherKey = await registerProvider(registry, 'other');
  });
  afterAll(() => registry.stop());

  describe('providers', () => {
    it('refuses registerProvider without a key, and with a provider key', async () => {
      const mutation = `mutation { registerProvider(input: {id: "x-prov", name: "X Corp", kind: COMPANY}) { apiKey } }`;
      expect(code(await registry.gql(mutation))).toBe('UNAUTHENTICATED');
      expect(code(await registry.gql(mutation, {}, uniKey))).toBe('FORBIDDEN');
      expect(code(await registry.gql(mutation, {}, 'cg_prov_not-a-real-key'))).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('registers a provider once: again it returns the stored provider with no new key', async () => {
      const res = await registry.gql(
        `mutation { registerProvider(input: {id: "uni", name: "Again", kind: COMPANY}) {
           apiKey created provider { id name kind } } }`,
        {},
        ADMIN_KEY,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.registerProvider).toEqual({
        apiKey: null,
        created: false,
        provider: { id: 'uni', name: 'uni', kind: 'UNIVERSITY' },
      });
      // The provider's key still works (the next test writes with it).
    });

    it('lets a provider update itself, not another; null clears optional fields', async () => {
      const UPDATE = `mutation($id: ID!, $input: ProviderUpdateInput!) {
        updateProvider(id: $id, input: $input) { id name kind country website } }`;
      const own = await registry.gql(
        UPDATE,
        { id: 'uni', input: { name: 'Uni of Tests', country: 'FR', website: null } },
        uniKey,
      );
      expect(own.errors).toBeUndefined();
      expect(own.data.updateProvider).toEqual({
        id: 'uni',
        name: 'Uni of Tests',
        kind: 'UNIVERSITY',
        country: 'FR',
        website: null,
      });
      expect(
        code(await registry.gql(UPDATE, { id: 'uni', input: { name: 'Hijack' } }, otherKey)),
      ).toBe('FORBIDDEN');
      expect(code(await registry.gql(UPDATE, { id: 'uni', input: { name: null } }, uniKey))).toBe(
        'BAD_USER_INPUT',
      );
      expect(
        code(await registry.gql(UPDATE, { id: 'uni', input: { country: 'France' } }, uniKey)),
      ).toBe('BAD_USER_INPUT');
      expect(
        code(await registry.gql(UPDATE, { id: 'ghost', input: { name: 'Ghost' } }, ADMIN_KEY)),
      ).toBe('NOT_FOUND');
    });

    it('validates provider input with BAD_USER_INPUT', async () => {
      const res = await registry.gql(
        `mutation { registerProvider(input: {id: "Bad Id!", name: "X", kind: COMPANY, country: "Germany", website: "ftp://x"}) { apiKey } }`,
        {},
        ADMIN_KEY,
      );
      expect(code(res)).toBe('BAD_USER_INPUT');
    });

    it('rotates a provider key: the new key works and the old one no longer does', async () => {
      const oldKey = await registerProvider(registry, 'rotating');
      const res = await registry.gql(
        `mutation { rotateProviderKey(providerId: "rotating") { apiKey } }`,
        {},
        oldKey,
      );
      const newKey = res.data.rotateProviderKey.apiKey as string;
      expect(newKey).not.toEqual(oldKey);
      await registerCredential(registry, newKey, { externalId: 'r1' });
      const refused = await registry.gql(
        REGISTER,
        { input: { externalId: 'r2', title: 'R2', credentialType: 'BADGE' } },
        oldKey,
      );
      expect(code(refused)).toBe('UNAUTHENTICATED');
    });

    it('stores keys only as hashes', async () => {
      const rows = await registry.services.db.runAutoCommit<{ hash: string }>(
        'MATCH (k:ApiKey) RETURN k.hash AS hash, keys(k) AS props',
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      const text = JSON.stringify(rows);
      expect(text).not.toContain(uniKey);
    });
  });

  describe('registerCredential', () => {
    const input = {
      externalId: 'py-101',
      title: 'Python for Analysts',
      credentialType: 'MICROCREDENTIAL',
      hours: 40,
      ects: 1.5,
      eqfLevel: 5,
      price: 250,
      currency: 'EUR',
      language: 'en',
      deliveryMode: 'ONLINE',
      url: 'https://uni.example.org/py-101',
      skills: [{ skillId: SKILLS.python, level: 3 }, { skillId: SKILLS.sql }],
    };

    it('creates once, and changes nothing when the same registration comes again', async () => {
      const first = await registry.gql(REGISTER, { input }, uniKey);
      expect(first.data.registerCredential).toMatchObject({
        created: true,
        changed: true,
        credential: { id: 'uni:py-101' },
      });
      const second = await registry.gql(REGISTER, { input }, uniKey);
      expect(second.data.registerCredential).toMatchObject({ created: false, changed: false });
      expect(second.data.registerCredential.credential.updatedAt).toBe(
        first.data.registerCredential.credential.updatedAt,
      );
      const stored = await registry.gql(
        `{ credential(id: "uni:py-101") { title providerId skills { level skill { id } } } }`,
      );
      expect(stored.data.credential.skills).toEqual([
        { level: 3, skill: { id: SKILLS.python } },
        { level: 2, skill: { id: SKILLS.sql } },
      ]);
    });

    it('replaces the content when a registration differs', async () => {
      const res = await registry.gql(
        REGISTER,
        { input: { ...input, hours: 45, skills: [{ skillId: SKILLS.python, level: 3 }] } },
        uniKey,
      );
      expect(res.data.registerCredential).toMatchObject({ created: false, changed: true });
      const stored = await registry.gql(
        `{ credential(id: "uni:py-101") { hours skills { skill { id } } } }`,
      );
      expect(stored.data.credential).toEqual({
        hours: 45,
        skills: [{ skill: { id: SKILLS.python } }],
      });
      await registry.gql(REGISTER, { input }, uniKey);
    });

    it('names unknown skill ids with BAD_USER_INPUT and writes nothing', async () => {
      const res = await registry.gql(
        REGISTER,
        {
          input: {
            ...input,
            externalId: 'ghost',
            skills: [{ skillId: 'nope:1' }, { skillId: SKILLS.sql }, { skillId: 'nope:2' }],
          },
        },
        uniKey,
      );
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.extensions!.unknownSkillIds).toEqual(['nope:1', 'nope:2']);
      expect(
        (await registry.gql(`{ credential(id: "uni:ghost") { id } }`)).data.credential,
      ).toBeNull();
    });

    it.each([
      ['an EQF level above 8', { eqfLevel: 9 }],
      ['a URL that is not http(s)', { url: 'javascript:alert(1)' }],
      ['an unknown currency', { currency: 'XYZ1' }],
      ['a price without currency', { currency: null }],
      ['negative hours', { hours: -3 }],
      ['a too short title', { title: 'x' }],
      ['a level above 5', { skills: [{ skillId: SKILLS.sql, level: 6 }] }],
    ])('rejects %s with BAD_USER_INPUT', async (_what, change) => {
      const res = await registry.gql(
        REGISTER,
        { input: { ...input, externalId: 'invalid', ...change } },
        uniKey,
      );
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(
        (await registry.gql(`{ credential(id: "uni:invalid") { id } }`)).data.credential,
      ).toBeNull();
    });

    it('lets an admin register for a named provider, and refuses a provider acting for another', async () => {
      const asAdmin = await registry.gql(
        REGISTER,
        { input: { ...input, externalId: 'by-admin', providerId: 'other' } },
        ADMIN_KEY,
      );
      expect(asAdmin.data.registerCredential.credential.id).toBe('other:by-admin');
      const noProvider = await registry.gql(
        REGISTER,
        { input: { ...input, externalId: 'by-admin-2' } },
        ADMIN_KEY,
      );
      expect(code(noProvider)).toBe('BAD_USER_INPUT');
      const hijack = await registry.gql(
        REGISTER,
        { input: { ...input, externalId: 'hijack', providerId: 'uni' } },
        otherKey,
      );
      expect(code(hijack)).toBe('FORBIDDEN');
    });
  });

  describe('registerCredentials (bulk)', () => {
    const BULK = `mutation($inputs: [CredentialInput!]!) { registerCredentials(inputs: $inputs) {
      index externalId status error { code message }
      registration { created changed credential { id } } } }`;
    const record = (externalId: string, extra: Record<string, unknown> = {}) => ({
      externalId,
      title: `Bulk ${externalId}`,
      credentialType: 'BADGE',
      skills: [{ skillId: SKILLS.sql, level: 2 }],
      ...extra,
    });

    it('answers per record: taken, rejected with a code, and nothing of a rejected one written', async () => {
      const inputs = [
        record('bulk-a'),
        record('bulk-b', { skills: [{ label: 'structured query language' }] }),
        record('bulk-bad-eqf', { eqfLevel: 12 }),
        record('bulk-unknown', { skills: [{ skillId: 'test:skill/nope' }] }),
        record('bulk-a'),
        record('bulk-price', { price: 10 }),
      ];
      const res = await registry.gql(BULK, { inputs }, uniKey);
      expect(res.errors).toBeUndefined();
      const results = res.data.registerCredentials;
      expect(results.map((r: any) => [r.externalId, r.status, r.error?.code ?? null])).toEqual([
        ['bulk-a', 'TAKEN', null],
        ['bulk-b', 'TAKEN', null],
        ['bulk-bad-eqf', 'REJECTED', 'BAD_USER_INPUT'],
        ['bulk-unknown', 'REJECTED', 'BAD_USER_INPUT'],
        ['bulk-a', 'REJECTED', 'BAD_USER_INPUT'],
        ['bulk-price', 'REJECTED', 'BAD_USER_INPUT'],
      ]);
      expect(results[0].registration).toEqual({
        created: true,
        changed: true,
        credential: { id: 'uni:bulk-a' },
      });
      expect(results[2].error.message).toMatch(/eqfLevel/);
      expect(results[3].error.message).toMatch(/test:skill\/nope/);
      const stored = await registry.gql(
        `{ a: credential(id: "uni:bulk-bad-eqf") { id } b: credential(id: "uni:bulk-unknown") { id } c: credential(id: "uni:bulk-price") { id } }`,
      );
      expect(stored.data).toEqual({ a: null, b: null, c: null });

      const again = await registry.gql(BULK, { inputs: inputs.slice(0, 2) }, uniKey);
      expect(again.data.registerCredentials.map((r: any) => r.status)).toEqual([
        'UNCHANGED',
        'UNCHANGED',
      ]);
    });

    it("refuses another provider's records one by one, and more than 500 at once", async () => {
      const res = await registry.gql(
        BULK,
        { inputs: [record('mine'), record('theirs', { providerId: 'other' })] },
        uniKey,
      );
      expect(
        res.data.registerCredentials.map((r: any) => [r.status, r.error?.code ?? null]),
      ).toEqual([
        ['TAKEN', null],
        ['REJECTED', 'FORBIDDEN'],
      ]);
      const tooMany = Array.from({ length: 501 }, (_, i) => record(`many-${i}`));
      expect(code(await registry.gql(BULK, { inputs: tooMany }, uniKey))).toBe('BAD_USER_INPUT');
      expect(code(await registry.gql(BULK, { inputs: [record('anon')] }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('update and retire', () => {
    it("refuses to change another provider's credential", async () => {
      const res = await registry.gql(
        `mutation { updateCredential(id: "uni:py-101", input: {hours: 1}) { changed } }`,
        {},
        otherKey,
      );
      expect(code(res)).toBe('FORBIDDEN');
    });

    it('updates only the given fields, and a no-op update changes nothing', async () => {
      const res = await registry.gql(
        `mutation { updateCredential(id: "uni:py-101", input: {hours: 42, description: "Hands-on"}) { changed credential { hours description eqfLevel updatedAt } } }`,
        {},
        uniKey,
      );
      expect(res.data.updateCredential).toMatchObject({
        changed: true,
        credential: { hours: 42, description: 'Hands-on', eqfLevel: 5 },
      });
      const again = await registry.gql(
        `mutation { updateCredential(id: "uni:py-101", input: {hours: 42}) { changed } }`,
        {},
        uniKey,
      );
      expect(again.data.updateCredential.changed).toBe(false);
    });

    it('fails with NOT_FOUND on a missing credential', async () => {
      const res = await registry.gql(
        `mutation { retireCredential(id: "uni:missing") { id } }`,
        {},
        uniKey,
      );
      expect(code(res)).toBe('NOT_FOUND');
    });

    it('keeps a retired credential readable but out of the default catalogue', async () => {
      await registerCredential(registry, uniKey, { externalId: 'old-course' });
      const res = await registry.gql(
        `mutation { retireCredential(id: "uni:old-course") { status } }`,
        {},
        uniKey,
      );
      expect(res.data.retireCredential.status).toBe('RETIRED');
      expect(
        (await registry.gql(`{ credential(id: "uni:old-course") { status } }`)).data.credential
          .status,
      ).toBe('RETIRED');
      const listed = await registry.gql(`{ credentials(first: 100) { nodes { id } } }`);
      expect(listed.data.credentials.nodes.map((n: any) => n.id)).not.toContain('uni:old-course');
      const retired = await registry.gql(
        `{ credentials(filter: {statuses: [RETIRED]}) { nodes { id } } }`,
      );
      expect(retired.data.credentials.nodes).toEqual([{ id: 'uni:old-course' }]);
    });
  });

  describe('prerequisites and parts', () => {
    beforeAll(async () => {
      for (const id of ['a', 'b', 'c', 'whole', 'programme'])
        await registerCredential(registry, uniKey, { externalId: id });
    });

    it('links prerequisites both ways and rejects one that would close a cycle with CONFLICT', async () => {
      const add = (c: string, p: string, key = uniKey) =>
        registry.gql(
          `mutation($c: ID!, $p: ID!) { addPrerequisite(credentialId: $c, prerequisiteId: $p) { id } }`,
          { c, p },
          key,
        );
      expect((await add('uni:b', 'uni:a')).errors).toBeUndefined();
      expect((await add('uni:c', 'uni:b')).errors).toBeUndefined();
      expect(code(await add('uni:a', 'uni:c'))).toBe('CONFLICT');
      expect(code(await add('uni:a', 'uni:a'))).toBe('CONFLICT');
      expect(code(await add('uni:a', 'uni:c', otherKey))).toBe('FORBIDDEN');
      const res = await registry.gql(
        `{ credential(id: "uni:b") { prerequisites { id } unlocks { id } } }`,
      );
      expect(res.data.credential).toEqual({
        prerequisites: [{ id: 'uni:a' }],
        unlocks: [{ id: 'uni:c' }],
      });
    });

    it('stacks parts into wholes and rejects a part-of cycle with CONFLICT', async () => {
      const add = (part: string, whole: string, required = true) =>
        registry.gql(
          `mutation($p: ID!, $w: ID!, $r: Boolean!) { addPart(partId: $p, wholeId: $w, required: $r) { id } }`,
          { p: part, w: whole, r: required },
          uniKey,
        );
      expect((await add('uni:a', 'uni:whole')).errors).toBeUndefined();
      expect((await add('uni:b', 'uni:whole', false)).errors).toBeUndefined();
      expect((await add('uni:whole', 'uni:programme')).errors).toBeUndefined();
      expect(code(await add('uni:programme', 'uni:a'))).toBe('CONFLICT');
      const res = await registry.gql(
        `{ credential(id: "uni:whole") { parts { required credential { id } } partOf { credential { id } } } }`,
      );
      expect(res.data.credential.parts).toEqual([
        { required: true, credential: { id: 'uni:a' } },
        { required: false, credential: { id: 'uni:b' } },
      ]);
      expect(res.data.credential.partOf).toEqual([{ credential: { id: 'uni:programme' } }]);
    });

    it('checks prerequisites and parts together: no mix of them may loop', async () => {
      for (const id of ['m-part', 'm-whole', 'm-next', 'm-other', 'm-leaf'])
        await registerCredential(registry, uniKey, { externalId: id });
      const prerequisite = (c: string, p: string) =>
        registry.gql(
          `mutation($c: ID!, $p: ID!) { addPrerequisite(credentialId: $c, prerequisiteId: $p) { id } }`,
          { c: `uni:${c}`, p: `uni:${p}` },
          uniKey,
        );
      const part = (p: string, w: string) =>
        registry.gql(
          `mutation($p: ID!, $w: ID!) { addPart(partId: $p, wholeId: $w) { id } }`,
          { p: `uni:${p}`, w: `uni:${w}` },
          uniKey,
        );
      expect((await part('m-part', 'm-whole')).errors).toBeUndefined();
      // A part cannot require its own whole, nor a whole its own part.
      expect(code(await prerequisite('m-part', 'm-whole'))).toBe('CONFLICT');
      expect(code(await prerequisite('m-whole', 'm-part'))).toBe('CONFLICT');
      // A loop only stacking paths see: m-part -> m-whole (part of), m-whole -> m-next (m-next
      // requires it), m-next -> m-part (if m-part required m-next).
      expect((await prerequisite('m-next', 'm-whole')).errors).toBeUndefined();
      expect(code(await prerequisite('m-part', 'm-next'))).toBe('CONFLICT');
      // Links that loop nowhere stay allowed; one that loops through several of each does not.
      expect((await prerequisite('m-whole', 'm-other')).errors).toBeUndefined();
      expect((await part('m-leaf', 'm-next')).errors).toBeUndefined();
      expect(code(await part('m-other', 'm-next'))).toBe('CONFLICT');
      const paths = await registry.gql(
        `{ stackingPaths(from: "uni:m-part", maxDepth: 6) { steps { credential { id } } } }`,
      );
      for (const path of paths.data.stackingPaths) {
        const ids = path.steps.map((s: any) => s.credential.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).not.toContain('uni:m-part');
      }
    });

    it('removes links, and NOT_FOUND when there is none', async () => {
      const remove = () =>
        registry.gql(
          `mutation { removePart(partId: "uni:b", wholeId: "uni:whole") { id } }`,
          {},
          uniKey,
        );
      expect((await remove()).errors).toBeUndefined();
      expect(code(await remove())).toBe('NOT_FOUND');
      const pre = await registry.gql(
        `mutation { removePrerequisite(credentialId: "uni:c", prerequisiteId: "uni:b") { id } }`,
        {},
        uniKey,
      );
      expect(pre.errors).toBeUndefined();
    });
  });

  describe('equivalences', () => {
    it('records a declaration, turns mutual when the other side declares, and can be withdrawn', async () => {
      await registerCredential(registry, otherKey, { externalId: 'py-intro' });
      const declare = (c: string, o: string, key: string) =>
        registry.gql(
          `mutation($c: ID!, $o: ID!) { declareEquivalence(credentialId: $c, otherId: $o, note: "same outcomes") { mutual assertion { assertedBy } } }`,
          { c, o },
          key,
        );
      const one = await declare('uni:py-101', 'other:py-intro', uniKey);
      expect(one.data.declareEquivalence).toEqual({
        mutual: false,
        assertion: { assertedBy: 'uni' },
      });
      expect(code(await declare('uni:py-101', 'other:py-intro', otherKey))).toBe('FORBIDDEN');
      const two = await declare('other:py-intro', 'uni:py-101', otherKey);
      expect(two.data.declareEquivalence.mutual).toBe(true);
      const read = await registry.gql(
        `{ credential(id: "uni:py-101") { declaredEquivalents { mutual sameProvider credential { id } assertions { assertedBy note } } } }`,
      );
      expect(read.data.credential.declaredEquivalents).toEqual([
        {
          mutual: true,
          sameProvider: false,
          credential: { id: 'other:py-intro' },
          assertions: expect.arrayContaining([
            { assertedBy: 'uni', note: 'same outcomes' },
            { assertedBy: 'other', note: 'same outcomes' },
          ]),
        },
      ]);
      await registry.gql(
        `mutation { withdrawEquivalence(credentialId: "other:py-intro", otherId: "uni:py-101") { id } }`,
        {},
        otherKey,
      );
      const after = await registry.gql(
        `{ credential(id: "uni:py-101") { declaredEquivalents { mutual } } }`,
      );
      expect(after.data.credential.declaredEquivalents).toEqual([{ mutual: false }]);
    });
  });

  describe('taxonomy and job roles', () => {
    it('refuses upsertSkills to a provider key', async () => {
      const res = await registry.gql(
        `mutation { upsertSkills(skills: [{id: "x", label: "x"}]) { id } }`,
        {},
        uniKey,
      );
      expect(code(res)).toBe('FORBIDDEN');
    });

    it('rejects broader links to unknown skills with BAD_USER_INPUT', async () => {
      const res = await registry.gql(
        `mutation { upsertSkills(skills: [{id: "x", label: "x", broader: ["nowhere"]}]) { id } }`,
        {},
        ADMIN_KEY,
      );
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect((await registry.gql(`{ skill(id: "x") { id } }`)).data.skill).toBeNull();
    });

    it('upserts a job role with required skills, and refuses unknown skills', async () => {
      const upsert = (skillId: string) =>
        registry.gql(
          `mutation($s: ID!) { upsertJobRole(input: {id: "role:analyst", title: "Data analyst", framework: ESCO, requiredSkills: [{skillId: $s, essential: true, level: 3}, {skillId: "${SKILLS.statistics}", essential: false}]}) { id requiredSkills { essential importance level skill { id } } } }`,
          { s: skillId },
          ADMIN_KEY,
        );
      expect(code(await upsert('nope'))).toBe('BAD_USER_INPUT');
      const res = await upsert(SKILLS.sql);
      expect(res.data.upsertJobRole.requiredSkills).toEqual([
        { essential: true, importance: 1, level: 3, skill: { id: SKILLS.sql } },
        { essential: false, importance: 0.5, level: 2, skill: { id: SKILLS.statistics } },
      ]);
    });
  });

  describe('learners', () => {
    let learnerId: string;
    let learnerKey: string;

    beforeAll(async () => {
      const res = await registry.gql(
        `mutation { createLearner(input: {displayName: "Ada"}) { apiKey learner { id displayName } } }`,
      );
      learnerId = res.data.createLearner.learner.id;
      learnerKey = res.data.createLearner.apiKey;
      // Providers record awards only for learners who granted them the right.
      await registry.gql(
        `mutation($l: ID!) { grantProvider(learnerId: $l, providerId: "uni") { grantedAt } }`,
        { l: learnerId },
        learnerKey,
      );
    });

    it("shows a learner's record to the learner and admins only", async () => {
      const q = `query($id: ID!) { learner(id: $id) { displayName } }`;
      expect((await registry.gql(q, { id: learnerId }, learnerKey)).data.learner).toEqual({
        displayName: 'Ada',
      });
      expect((await registry.gql(q, { id: learnerId }, ADMIN_KEY)).data.learner).toEqual({
        displayName: 'Ada',
      });
      expect(code(await registry.gql(q, { id: learnerId }))).toBe('UNAUTHENTICATED');
      expect(code(await registry.gql(q, { id: learnerId }, uniKey))).toBe('FORBIDDEN');
      const other = await registry.gql(`mutation { createLearner { apiKey } }`);
      expect(code(await registry.gql(q, { id: learnerId }, other.data.createLearner.apiKey))).toBe(
        'FORBIDDEN',
      );
    });

    it("records achievements by the credential's provider only, with expiry from validityMonths", async () => {
      await registerCredential(registry, uniKey, { externalId: 'cert-3y', validityMonths: 36 });
      const record = (key: string) =>
        registry.gql(
          `mutation($l: ID!) { recordAchievement(learnerId: $l, credentialId: "uni:cert-3y", issuedAt: "2020-01-15") { expiresAt expired } }`,
          { l: learnerId },
          key,
        );
      expect(code(await record(otherKey))).toBe('FORBIDDEN');
      expect(code(await record(learnerKey))).toBe('FORBIDDEN');
      expect((await record(uniKey)).data.recordAchievement).toEqual({
        expiresAt: '2023-01-15',
        expired: true,
      });
      const bad = await registry.gql(
        `mutation($l: ID!) { recordAchievement(learnerId: $l, credentialId: "uni:cert-3y", issuedAt: "yesterday") { expired } }`,
        { l: learnerId },
        uniKey,
      );
      expect(code(bad)).toBe('BAD_USER_INPUT');
    });

    it('lets a learner set their own skills, not anybody else', async () => {
      const set = (key: string, level: number | null) =>
        registry.gql(
          `mutation($l: ID!, $lv: Int) { setLearnerSkill(learnerId: $l, skillId: "${SKILLS.sql}", level: $lv) { id } }`,
          { l: learnerId, lv: level },
          key,
        );
      expect(code(await set(uniKey, 3))).toBe('FORBIDDEN');
      expect(code(await set(learnerKey, 9))).toBe('BAD_USER_INPUT');
      expect((await set(learnerKey, 3)).errors).toBeUndefined();
      const res = await registry.gql(
        `query($id: ID!) { learner(id: $id) { skills { level source skill { id } } achievements { expired credential { id } } } }`,
        { id: learnerId },
        learnerKey,
      );
      expect(res.data.learner).toEqual({
        skills: [{ level: 3, source: 'SELF', skill: { id: SKILLS.sql } }],
        achievements: [{ expired: true, credential: { id: 'uni:cert-3y' } }],
      });
      await set(learnerKey, null);
      const gone = await registry.gql(
        `query($id: ID!) { learner(id: $id) { skills { level } } }`,
        { id: learnerId },
        learnerKey,
      );
      expect(gone.data.learner.skills).toEqual([]);
    });
  });
});
