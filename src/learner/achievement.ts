import { addMonths } from '../lib/clock';
import { UserInputError } from '../lib/errors';

/**
 * The expiry of an award: the given one, else issuedAt plus the credential's validity; never
 * before issuedAt.
 */
export function expiryOf(
  issuedAt: string,
  expiresAt: string | null,
  validityMonths: number | null | undefined,
): string | null {
  const expires = expiresAt ?? (validityMonths ? addMonths(issuedAt, validityMonths) : null);
  if (expires !== null && expires.slice(0, 10) < issuedAt.slice(0, 10)) {
    throw new UserInputError('expiresAt must not be before issuedAt.', { field: 'expiresAt' });
  }
  return expires;
}
