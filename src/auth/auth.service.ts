import { LRUCache } from 'lru-cache';
import type { Database } from '../db/database';
import { CodedError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { bearerKey, hashApiKey, type ApiKeyRepository } from './api-keys';
import { ApiRole, ANONYMOUS, type Viewer } from './viewer';

/** The subject of admin keys: admins act for the registry itself. */
export const ADMIN_SUBJECT = 'registry';

/** The viewer every trusted in-process tool (CLI importers, the demo seed) acts as. */
export const SYSTEM_ADMIN: Viewer = Object.freeze({
  role: ApiRole.ADMIN,
  subjectId: ADMIN_SUBJECT,
});

/** How long a key's lookup is remembered; a revocation on this instance forgets it at once. */
export const VIEWER_CACHE_TTL_MS = 30_000;
const VIEWER_CACHE_SIZE = 10_000;

/** Keys -> viewers, for every transport, and the first admin key. */
export class AuthService {
  /** Key hash -> the viewer it stood for, or the refusal it got (so guessing costs no query). */
  private readonly cache = new LRUCache<string, { viewer: Viewer } | { refused: CodedError }>({
    max: VIEWER_CACHE_SIZE,
    ttl: VIEWER_CACHE_TTL_MS,
  });

  constructor(
    private readonly db: Database,
    private readonly keys: ApiKeyRepository,
    private readonly logger: Logger,
  ) {}

  /**
   * The viewer an Authorization value (HTTP header or WebSocket connection parameter) stands for:
   * anonymous without one; UNAUTHENTICATED when it is malformed, unknown or revoked. Lookups are
   * remembered for 30 s, refusals too.
   */
  async viewerFor(authorization: unknown): Promise<Viewer> {
    const key = bearerKey(typeof authorization === 'string' ? authorization : null);
    if (key === null) return ANONYMOUS;
    const hash = hashApiKey(key);
    const known = this.cache.get(hash);
    if (known && 'viewer' in known) return known.viewer;
    if (known) throw known.refused;
    try {
      const viewer = await this.keys.viewerFor(key);
      this.cache.set(hash, { viewer });
      return viewer;
    } catch (error) {
      // Only a definite "unknown key" is remembered, never an outage.
      if (error instanceof CodedError && error.code === 'UNAUTHENTICATED') {
        this.cache.set(hash, { refused: error });
      }
      throw error;
    }
  }

  /**
   * Issues a new key for a subject and revokes its old ones, in one transaction; the old keys stop
   * working at once on this instance. Rights are the caller's to check.
   */
  async rotateKey(role: ApiRole, subjectId: string): Promise<string> {
    const apiKey = await this.db.writeTransaction(async (tx) => {
      await this.keys.revokeAll(tx, role, subjectId);
      return this.keys.issue(tx, role, subjectId);
    });
    this.forget(role, subjectId);
    return apiKey;
  }

  /** Forgets every remembered key of a subject: after a rotation or a revocation. */
  forget(role: ApiRole, subjectId: string): void {
    for (const [hash, entry] of this.cache.entries()) {
      if ('viewer' in entry && entry.viewer.role === role && 'subjectId' in entry.viewer) {
        if (entry.viewer.subjectId === subjectId) this.cache.delete(hash);
      }
    }
  }

  /**
   * Makes sure an admin can get in: stores `configured`'s hash when it is given (idempotently),
   * or, when no admin key exists yet, generates one and prints it once.
   */
  async ensureAdminKey(configured: string | undefined): Promise<void> {
    const keys = this.keys;
    if (configured !== undefined) {
      const known = await keys.viewerFor(configured).then(
        () => true,
        () => false,
      );
      if (!known) {
        await this.db.writeTransaction((tx) =>
          keys.store(tx, configured, ApiRole.ADMIN, ADMIN_SUBJECT),
        );
        this.logger.info('admin key from ADMIN_API_KEY stored (as a hash)');
      }
      return;
    }
    if ((await keys.countAdminKeys()) > 0) return;
    const key = await this.db.writeTransaction((tx) =>
      keys.issue(tx, ApiRole.ADMIN, ADMIN_SUBJECT),
    );
    // Printed once, on purpose, outside the JSON log: it is never stored or shown again.
    process.stdout.write(
      `\n  First start: an admin API key was generated. It is shown this once; store it now.\n` +
        `  Authorization: Bearer ${key}\n\n`,
    );
  }
}
