import type { Database } from '../db/database';
import type { Logger } from '../lib/logger';
import { bearerKey, type ApiKeyRepository } from './api-keys';
import { ApiRole, ANONYMOUS, type Viewer } from './viewer';

/** The subject of admin keys: admins act for the registry itself. */
export const ADMIN_SUBJECT = 'registry';

/** The viewer every trusted in-process tool (CLI importers, the demo seed) acts as. */
export const SYSTEM_ADMIN: Viewer = Object.freeze({
  role: ApiRole.ADMIN,
  subjectId: ADMIN_SUBJECT,
});

/** Keys -> viewers, for every transport, and the first admin key. */
export class AuthService {
  constructor(
    private readonly db: Database,
    private readonly keys: ApiKeyRepository,
    private readonly logger: Logger,
  ) {}

  /**
   * The viewer an Authorization value (HTTP header or WebSocket connection parameter) stands for:
   * anonymous without one; UNAUTHENTICATED when it is malformed, unknown or revoked.
   */
  async viewerFor(authorization: unknown): Promise<Viewer> {
    const key = bearerKey(typeof authorization === 'string' ? authorization : null);
    return key === null ? ANONYMOUS : this.keys.viewerFor(key);
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
