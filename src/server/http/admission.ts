import type { IncomingMessage } from 'node:http';
import type { Limits } from '../../config';
import { RateLimitedError } from '../../lib/errors';
import { clientAddress } from '../client-address';
import type { RateLimits } from '../rate-limits';
import { HttpRefusal } from './http-io';

/** Admits a request before anything else runs, or refuses it (429 with when to come back). */
export type Admission = (req: IncomingMessage) => Promise<void>;

/** Anonymous requests spend from their address's budget; keyed requests are limited per key later. */
export function anonymousAdmission(limits: Limits, rateLimits: RateLimits): Admission {
  return async (req) => {
    if (req.headers.authorization) return;
    try {
      await rateLimits.admit(clientAddress(req, limits.trustedProxies));
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      const retryAfter = String(error.extensions.retryAfterSeconds);
      throw new HttpRefusal(429, 'RATE_LIMITED', error.message, {
        'retry-after': retryAfter,
        'ratelimit-limit': String(limits.anonymousPointsPerMinute),
        'ratelimit-remaining': '0',
        'ratelimit-reset': retryAfter,
      });
    }
  };
}
