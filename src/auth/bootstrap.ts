import type { AuthService } from './auth.service';

export { ADMIN_SUBJECT } from './auth.service';

/**
 * Makes sure an admin can get in (see AuthService.ensureAdminKey); takes anything that carries
 * the auth service, such as the registry's services.
 */
export function ensureAdminKey(
  services: { readonly auth: AuthService },
  configured: string | undefined,
): Promise<void> {
  return services.auth.ensureAdminKey(configured);
}
