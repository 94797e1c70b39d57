import type { IncomingMessage } from 'node:http';

/**
 * The client's address. Behind `trustedProxyHops` reverse proxies (an ingress, a load
 * balancer) it is the entry that many hops from the right of X-Forwarded-For; the header's
 * left part is whatever the client wrote and is never trusted. With no proxies configured the
 * header is ignored entirely.
 */
export function clientAddressOf(req: IncomingMessage, trustedProxyHops: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustedProxyHops === 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const chain = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return chain[chain.length - trustedProxyHops] ?? chain[0] ?? peer;
}
