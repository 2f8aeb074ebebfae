import type { Services } from '../server/services';
import { ApiRole } from './viewer';

/** The subject of admin keys: admins act for the registry itself. */
export const ADMIN_SUBJECT = 'registry';

/**
 * Makes sure an admin can get in: stores ADMIN_API_KEY's hash when it is given (idempotently), or,
 * when no admin key exists yet, generates one and prints it once.
 */
export async function ensureAdminKey(
  services: Services,
  configured: string | undefined,
): Promise<void> {
  const keys = services.repositories.apiKey;
  if (configured !== undefined) {
    const known = await keys.viewerFor(configured).then(
      () => true,
      () => false,
    );
    if (!known) {
      await services.db.writeTransaction((tx) =>
        keys.store(tx, configured, ApiRole.ADMIN, ADMIN_SUBJECT),
      );
      services.logger.info('admin key from ADMIN_API_KEY stored (as a hash)');
    }
    return;
  }
  if ((await keys.countAdminKeys()) > 0) return;
  const key = await services.db.writeTransaction((tx) =>
    keys.issue(tx, ApiRole.ADMIN, ADMIN_SUBJECT),
  );
  // Printed once, on purpose, outside the JSON log: it is never stored or shown again.
  process.stdout.write(
    `\n  First start: an admin API key was generated. It is shown this once; store it now.\n` +
      `  Authorization: Bearer ${key}\n\n`,
  );
}
