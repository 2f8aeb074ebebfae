import { ensureAdminKey } from '../../src/auth/bootstrap';
import { startTestRegistry, type TestRegistry } from '../helpers/registry';

describe('the first admin key', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startTestRegistry();
    await registry.wipe();
  });
  afterAll(() => registry.stop());

  it('is generated once, printed once, and works as an admin key', async () => {
    const printed: string[] = [];
    const write = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => {
        printed.push(String(chunk));
        return true;
      });
    try {
      await ensureAdminKey(registry.services, undefined);
      await ensureAdminKey(registry.services, undefined);
    } finally {
      write.mockRestore();
    }
    const keys = printed.join('').match(/Bearer (cg_admin_\S+)/g) ?? [];
    expect(keys).toHaveLength(1);
    const key = keys[0]!.replace('Bearer ', '');
    const res = await registry.gql(
      `mutation { registerProvider(input: {id: "first", name: "First", kind: OTHER}) { provider { id } } }`,
      {},
      key,
    );
    expect(res.data.registerProvider.provider.id).toBe('first');
  });

  it('takes ADMIN_API_KEY when given, idempotently', async () => {
    const key = 'cg_admin_from-the-environment-0123456789';
    await ensureAdminKey(registry.services, key);
    await ensureAdminKey(registry.services, key);
    const rows = await registry.services.db.runAutoCommit<{ n: number }>(
      "MATCH (k:ApiKey {role: 'ADMIN'}) RETURN count(k) AS n",
    );
    expect(rows[0]!.n).toBe(2);
    const res = await registry.gql(
      `mutation { registerProvider(input: {id: "second", name: "Second", kind: OTHER}) { provider { id } } }`,
      {},
      key,
    );
    expect(res.errors).toBeUndefined();
  });
});
