import type { IncomingMessage } from 'node:http';

/**
 * The address a request comes from, for rate limits and subscription caps. Behind a load
 * balancer every request comes from the balancer; with `trustedProxies` hops configured
 * (TRUST_PROXY_HOPS), the address is the one the nearest trusted proxy saw, read from the right
 * of X-Forwarded-For (entries a client wrote itself stand further left and are ignored).
 */
export function clientAddress(req: IncomingMessage, trustedProxies: number): string {
  const socket = req.socket.remoteAddress ?? 'unknown';
  if (trustedProxies <= 0) return socket;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h !== '');
  return hops[hops.length - trustedProxies] ?? hops[0] ?? socket;
}
