import { createHash, randomBytes } from 'node:crypto';
import type { Database, Tx } from '../db/database';
import { UnauthenticatedError } from '../lib/errors';
import { nowIso } from '../lib/clock';
import { ANONYMOUS, ApiRole, type Viewer } from './viewer';

const PREFIX: Record<ApiRole, string> = {
  [ApiRole.ADMIN]: 'cg_admin_',
  [ApiRole.PROVIDER]: 'cg_prov_',
  [ApiRole.LEARNER]: 'cg_lrn_',
};

/** A new key: a role prefix (so a leaked key says what it opens) and 256 random bits. */
export function generateApiKey(role: ApiRole): string {
  return `${PREFIX[role]}${randomBytes(32).toString('base64url')}`;
}

/**
 * Keys carry 256 random bits, so a plain SHA-256 is enough to store them safely (no dictionary to
 * guess from) and keeps the per-request lookup cheap.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Reads `Bearer <key>` from an Authorization header; null when there is none. */
export function bearerKey(header: string | undefined | null): string | null {
  if (header === undefined || header === null || header.trim() === '') return null;
  const key = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (!key) {
    throw new UnauthenticatedError('Send the API key as "Authorization: Bearer <key>".');
  }
  return key;
}

/** API keys, stored as hashes: lookups by key, issue, revocation. */
export class ApiKeyRepository {
  constructor(private readonly db: Database) {}

  /** The viewer a key stands for; an unknown or revoked key is UNAUTHENTICATED. */
  async viewerFor(key: string | null): Promise<Viewer> {
    if (key === null) return ANONYMOUS;
    const [row] = await this.db.read<{ role: ApiRole; subjectId: string }>('auth/find-key', {
      hash: hashApiKey(key),
    });
    if (!row) throw new UnauthenticatedError('This API key is unknown or was revoked.');
    return { role: row.role, subjectId: row.subjectId };
  }

  /** Stores a new key for a subject and returns it; the only time the key itself is seen. */
  async issue(tx: Tx, role: ApiRole, subjectId: string): Promise<string> {
    const key = generateApiKey(role);
    await this.store(tx, key, role, subjectId);
    return key;
  }

  async store(tx: Tx, key: string, role: ApiRole, subjectId: string): Promise<void> {
    await tx.run('auth/create-key', { hash: hashApiKey(key), role, subjectId, now: nowIso() });
  }

  async revokeAll(tx: Tx, role: ApiRole, subjectId: string): Promise<number> {
    const [row] = await tx.run<{ revoked: number }>('auth/revoke-keys', {
      role,
      subjectId,
      now: nowIso(),
    });
    return row?.revoked ?? 0;
  }

  async countAdminKeys(): Promise<number> {
    const [row] = await this.db.read<{ count: number }>('auth/count-admin-keys');
    return row?.count ?? 0;
  }
}
