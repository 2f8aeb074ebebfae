import type { AuthCheckerFn } from 'type-graphql';
import { requireKey } from '../auth/guards';
import type { ApiRole } from '../auth/viewer';
import { ForbiddenError } from '../lib/errors';
import type { Context } from './context';

/**
 * Enforces `@Authorized(roles)`: anonymous callers get UNAUTHENTICATED, keys of other roles
 * FORBIDDEN. Ownership (which provider, which learner) is the services' to check.
 */
export const authChecker: AuthCheckerFn<Context, ApiRole> = async ({ context, info }, roles) => {
  const viewer = await context.viewer();
  requireKey(viewer, info.fieldName);
  if (roles.length > 0 && !roles.includes(viewer.role)) {
    throw new ForbiddenError(`${info.fieldName} is for ${roles.join(' or ')} keys.`);
  }
  return true;
};
