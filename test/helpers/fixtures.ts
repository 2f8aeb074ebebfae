import { ensureAdminKey } from '../../src/auth/bootstrap';
import { startTestRegistry, type TestRegistry } from './registry';

export const ADMIN_KEY = 'cg_admin_test-admin-key-for-integration-tests';

/** A test registry with a known admin key; the graph is wiped first. */
export async function startRegistryWithAdmin(): Promise<TestRegistry> {
  const registry = await startTestRegistry(
    {},
    {
      onDatabaseReady: (services) => ensureAdminKey(services, ADMIN_KEY),
    },
  );
  await registry.wipe();
  await ensureAdminKey(registry.services, ADMIN_KEY);
  return registry;
}

export const SKILLS = {
  programming: 'test:skill/programming',
  python: 'test:skill/python',
  sql: 'test:skill/sql',
  statistics: 'test:skill/statistics',
  visualisation: 'test:skill/visualisation',
};

/** A small taxonomy: python is narrower than programming; statistics relates to visualisation. */
export async function seedSkills(registry: TestRegistry): Promise<void> {
  const res = await registry.gql(
    `mutation($skills: [SkillInput!]!) { upsertSkills(skills: $skills) { id } }`,
    {
      skills: [
        { id: SKILLS.programming, label: 'computer programming', framework: 'ESCO' },
        {
          id: SKILLS.python,
          label: 'Python',
          skillType: 'TECHNOLOGY',
          broader: [SKILLS.programming],
        },
        { id: SKILLS.sql, label: 'SQL', altLabels: ['structured query language'] },
        { id: SKILLS.statistics, label: 'statistics', skillType: 'KNOWLEDGE' },
        {
          id: SKILLS.visualisation,
          label: 'data visualisation',
          related: [{ skillId: SKILLS.statistics, essential: true }],
        },
      ],
    },
    ADMIN_KEY,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
}

/** Registers a provider and returns its key. */
export async function registerProvider(
  registry: TestRegistry,
  id: string,
  name = id,
): Promise<string> {
  const res = await registry.gql(
    `mutation($input: ProviderInput!) { registerProvider(input: $input) { apiKey } }`,
    {
      input: { id, name, kind: 'UNIVERSITY', country: 'DE', website: `https://${id}.example.org` },
    },
    ADMIN_KEY,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.registerProvider.apiKey as string;
}

export const REGISTER = `mutation($input: CredentialInput!) {
  registerCredential(input: $input) { created changed credential { id updatedAt status } }
}`;

/** Registers a credential with sensible defaults; returns its id. */
export async function registerCredential(
  registry: TestRegistry,
  key: string,
  input: Record<string, unknown>,
): Promise<string> {
  const res = await registry.gql(
    REGISTER,
    {
      input: {
        credentialType: 'MICROCREDENTIAL',
        title: `Course ${String(input.externalId)}`,
        ...input,
      },
    },
    key,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.registerCredential.credential.id as string;
}
