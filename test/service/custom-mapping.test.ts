import { ApiRole, type Viewer } from '../../src/auth/viewer';
import { CredentialEvents } from '../../src/credential/credential.events';
import { createLogger } from '../../src/lib/logger';
import { createServices } from '../../src/services';
import { FakeDatabase } from './fake-database';

/**
 * mapCustomSkill over a fake database: only the custom skill's provider (or an admin) maps it,
 * only to a taxonomy concept; the credentials it moves get new content hashes in the same
 * transaction and one CHANGED event each, after the commit.
 */

const SKILLS = {
  'custom:northbridge:sql': {
    id: 'custom:northbridge:sql',
    label: 'SQL',
    framework: 'CUSTOM',
    providerId: 'northbridge',
  },
  'custom:eastgate:data': {
    id: 'custom:eastgate:data',
    label: 'data',
    framework: 'CUSTOM',
    providerId: 'eastgate',
  },
  'esco:sql': { id: 'esco:sql', label: 'SQL', framework: 'ESCO' },
};

function registry() {
  const db = new FakeDatabase()
    .answer('skill/find-by-ids', (p) =>
      (p['ids'] as string[]).flatMap((id) => {
        const node = SKILLS[id as keyof typeof SKILLS];
        return node ? [{ node }] : [];
      }),
    )
    .answer('skill/map-custom', () => [{ credentialIds: ['northbridge:sql-101'] }])
    .answer('credential/find-by-ids', () => [
      { node: { id: 'northbridge:sql-101', providerId: 'northbridge', title: 'SQL 101' } },
    ]);
  const services = createServices(db.asDatabase, createLogger('silent'));
  const publish = jest.spyOn(services.events, 'publish');
  return { db, services, publish };
}

const provider = (id: string): Viewer => ({ role: ApiRole.PROVIDER, subjectId: id });

describe('mapCustomSkill, service over a fake database', () => {
  it('moves the credentials, rehashes them in the same transaction, then says CHANGED', async () => {
    const { db, services, publish } = registry();
    const result = await services.credential.mapCustomSkill(
      provider('northbridge'),
      'custom:northbridge:sql',
      'esco:sql',
    );
    expect(result.credentials).toBe(1);
    expect(db.names('committed writes')).toEqual([
      'skill/map-custom',
      'credential/find-by-ids',
      'credential/find-skills',
      'credential/find-job-roles',
      'credential/set-content-hash',
    ]);
    expect(publish.mock.calls).toEqual([
      [
        CredentialEvents.CHANGED,
        expect.objectContaining({ credentialId: 'northbridge:sql-101', change: 'UPDATED' }),
      ],
    ]);
  });

  it('refuses another provider’s custom skill, a custom target and unknown ids, writing nothing', async () => {
    const { db, services, publish } = registry();
    const map = (viewer: Viewer, customId: string, skillId: string) =>
      services.credential.mapCustomSkill(viewer, customId, skillId);
    await expect(
      map(provider('northbridge'), 'custom:eastgate:data', 'esco:sql'),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(
      map(provider('northbridge'), 'custom:northbridge:sql', 'custom:eastgate:data'),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'skillId' } });
    await expect(
      map(provider('northbridge'), 'custom:northbridge:nothing', 'esco:sql'),
    ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(map(provider('northbridge'), 'esco:sql', 'esco:sql')).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    expect(db.names('committed writes')).toEqual([]);
    expect(publish).not.toHaveBeenCalled();
  });
});
