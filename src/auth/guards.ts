import { ForbiddenError, UnauthenticatedError, UserInputError } from '../lib/errors';
import { ApiRole, type Viewer } from './viewer';

/** A viewer holding a live key. */
export type KeyHolder = Exclude<Viewer, { role: 'ANONYMOUS' }>;

/** Refuses anonymous callers with UNAUTHENTICATED, saying how to send a key. */
export function requireKey(viewer: Viewer, what: string): asserts viewer is KeyHolder {
  if (viewer.role === 'ANONYMOUS') {
    throw new UnauthenticatedError(`${what} needs an API key: send "Authorization: Bearer <key>".`);
  }
}

/** Only an admin key passes. */
export function requireAdmin(viewer: Viewer, what: string): void {
  requireKey(viewer, what);
  if (viewer.role !== ApiRole.ADMIN) throw new ForbiddenError(`${what} is for admin keys only.`);
}

/** An admin key, or the key of provider `providerId`. */
export function requireProviderOrAdmin(viewer: Viewer, providerId: string, what: string): void {
  requireKey(viewer, what);
  if (viewer.role === ApiRole.ADMIN) return;
  if (viewer.role === ApiRole.PROVIDER && viewer.subjectId === providerId) return;
  throw new ForbiddenError(`${what} is for the key of provider "${providerId}" or an admin key.`);
}

/** An admin key, or the key of learner `learnerId`. */
export function requireLearnerOrAdmin(viewer: Viewer, learnerId: string, what: string): void {
  requireKey(viewer, what);
  if (viewer.role === ApiRole.ADMIN) return;
  if (viewer.role === ApiRole.LEARNER && viewer.subjectId === learnerId) return;
  throw new ForbiddenError(`${what} is for the learner's own key or an admin key.`);
}

/** The provider a key acts for: its own for a provider key, `asProvider` for an admin. */
export function actingProvider(
  viewer: Viewer,
  asProvider: string | null | undefined,
  what: string,
): string {
  requireKey(viewer, what);
  if (viewer.role === ApiRole.PROVIDER) {
    if (asProvider && asProvider !== viewer.subjectId) {
      throw new ForbiddenError(
        `A provider key acts for its own provider only ("${viewer.subjectId}").`,
      );
    }
    return viewer.subjectId;
  }
  if (viewer.role === ApiRole.ADMIN) {
    if (!asProvider) {
      throw new UserInputError(
        `${what} with an admin key needs providerId: the provider to act for.`,
      );
    }
    return asProvider;
  }
  throw new ForbiddenError(`${what} is for provider keys (or admin keys naming a provider).`);
}

/** Who recorded something: the key's subject, as stored on the record. */
export function recorderOf(viewer: Viewer): string {
  return 'subjectId' in viewer ? viewer.subjectId : 'anonymous';
}
