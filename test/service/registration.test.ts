import { ApiRole, type Viewer } from '../../src/auth/viewer';
import { CredentialEvents } from '../../src/credential/credential.events';
import { CredentialInput } from '../../src/credential/credential.inputs';
import { CredentialType } from '../../src/credential/credential.type';
import { BulkStatus } from '../../src/credential/registration';
import type { Params } from '../../src/db/database';
import { CodedError } from '../../src/lib/errors';
import { createLogger } from '../../src/lib/logger';
import { createServices } from '../../src/services';
import { FakeDatabase } from './fake-database';

/**
 * Registration through CredentialService over a fake database: who may register what, which
 * records are refused and why, what the one transaction per chunk writes, and which events follow.
 */

const PROVIDERS = ['northbridge', 'eastgate'];
const SKILLS = ['esco:sql', 'esco:python'];

function registry() {
  const db = new FakeDatabase()
    .answer('provider/find-by-ids', (p) =>
      (p['ids'] as string[])
        .filter((id) => PROVIDERS.includes(id))
        .map((id) => ({ node: { id, name: id } })),
    )
    .answer('credential/find-missing-references', (p) => [
      {
        skills: (p['skillIds'] as string[]).filter((id) => !SKILLS.includes(id)),
        jobRoles: p['jobRoleIds'],
      },
    ])
    .answer('credential/upsert', (p) =>
      (p['rows'] as Params[]).map((r) => ({
        index: r['index'],
        node: { id: r['id'], providerId: r['providerId'], ...(r['props'] as Params) },
        created: true,
        changed: true,
      })),
    );
  const services = createServices(db.asDatabase, createLogger('silent'));
  const publish = jest.spyOn(services.events, 'publish');
  const published = {
    get all() {
      return publish.mock.calls.map(([topic, payload]) => ({ topic, payload }));
    },
  };
  return { db, services, published };
}

const record = (externalId: string, providerId: string, skillIds = ['esco:sql']) =>
  Object.assign(new CredentialInput(), {
    externalId,
    title: `Course ${externalId}`,
    credentialType: CredentialType.MICROCREDENTIAL,
    providerId,
    hours: 20,
    skills: skillIds.map((skillId) => ({ skillId })),
    preparesFor: [],
    translations: [],
  });

const provider = (id: string): Viewer => ({ role: ApiRole.PROVIDER, subjectId: id });
const codeOf = (error: unknown) => (error instanceof CodedError ? error.code : String(error));
const writtenIds = (db: FakeDatabase) =>
  db
    .paramsOf('credential/upsert')
    .flatMap((p) => (p['rows'] as Params[]).map((r) => r['id']))
    .sort();

describe('registerCredentials, service over a fake database', () => {
  it('writes a provider key’s own records and refuses another provider’s, FORBIDDEN, unwritten', async () => {
    const { db, services, published } = registry();
    const outcomes = await services.credential.registerMany(provider('northbridge'), [
      record('sql-101', 'northbridge'),
      record('py-101', 'eastgate'),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([BulkStatus.TAKEN, BulkStatus.REJECTED]);
    expect(codeOf(outcomes[1]!.error)).toBe('FORBIDDEN');
    expect(writtenIds(db)).toEqual(['northbridge:sql-101']);
    expect(db.names('committed writes')).toEqual(
      expect.arrayContaining([
        'credential/upsert',
        'credential/replace-skills',
        'credential/replace-job-roles',
      ]),
    );
    expect(published.all).toEqual([
      {
        topic: CredentialEvents.REGISTERED,
        payload: expect.objectContaining({ credentialId: 'northbridge:sql-101' }),
      },
    ]);
  });

  it('refuses a record naming a skill that exists nowhere, with the id, and writes the rest', async () => {
    const { db, services } = registry();
    const outcomes = await services.credential.registerMany(provider('northbridge'), [
      record('a', 'northbridge', ['esco:sql']),
      record('b', 'northbridge', ['esco:python', 'esco:nowhere']),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([BulkStatus.TAKEN, BulkStatus.REJECTED]);
    expect(codeOf(outcomes[1]!.error)).toBe('BAD_USER_INPUT');
    expect(outcomes[1]!.error?.extensions['unknownSkillIds']).toEqual(['esco:nowhere']);
    expect(writtenIds(db)).toEqual(['northbridge:a']);
  });

  it('refuses an unknown provider, a repeated externalId and an invalid record one by one', async () => {
    const { db, services } = registry();
    const admin: Viewer = { role: ApiRole.ADMIN, subjectId: 'admin' };
    const invalid = Object.assign(record('c', 'northbridge'), { title: '' });
    const outcomes = await services.credential.registerMany(admin, [
      record('a', 'nowhere'),
      record('b', 'eastgate'),
      record('b', 'eastgate'),
      invalid,
    ]);
    expect(outcomes.map((o) => [o.status, o.error ? codeOf(o.error) : null])).toEqual([
      [BulkStatus.REJECTED, 'NOT_FOUND'],
      [BulkStatus.TAKEN, null],
      [BulkStatus.REJECTED, 'BAD_USER_INPUT'],
      [BulkStatus.REJECTED, 'BAD_USER_INPUT'],
    ]);
    expect(writtenIds(db)).toEqual(['eastgate:b']);
  });

  it('refuses a call without a key, or over the limit, before any query', async () => {
    const { db, services } = registry();
    const anonymous = await services.credential.registerMany({ role: 'ANONYMOUS' }, [
      record('a', 'northbridge'),
    ]);
    expect(codeOf(anonymous[0]!.error)).toBe('UNAUTHENTICATED');
    const tooMany = Array.from({ length: 501 }, (_, i) => record(`x${i}`, 'northbridge'));
    await expect(
      services.credential.registerMany(provider('northbridge'), tooMany),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'inputs' } });
    expect(db.names('committed writes')).toEqual([]);
  });

  it('publishes nothing when the transaction fails, and leaves nothing committed', async () => {
    const { db, services, published } = registry();
    db.answer('credential/replace-skills', () => {
      throw new Error('the database went away');
    });
    await expect(
      services.credential.registerMany(provider('northbridge'), [record('a', 'northbridge')]),
    ).rejects.toThrow('the database went away');
    expect(db.paramsOf('credential/upsert')).toHaveLength(1);
    expect(db.names('committed writes')).toEqual([]);
    expect(published.all).toEqual([]);
  });

  it('says UNCHANGED for a record stored as it is, without rewriting its links or publishing', async () => {
    const { db, services, published } = registry();
    db.answer('credential/upsert', (p) =>
      (p['rows'] as Params[]).map((r) => ({
        index: r['index'],
        node: { id: r['id'], providerId: r['providerId'] },
        created: false,
        changed: false,
      })),
    );
    const [outcome] = await services.credential.registerMany(provider('northbridge'), [
      record('a', 'northbridge'),
    ]);
    expect(outcome!.status).toBe(BulkStatus.UNCHANGED);
    expect(db.names()).not.toContain('credential/replace-skills');
    expect(published.all).toEqual([]);
  });
});
