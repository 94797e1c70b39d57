import { lookup } from 'node:dns/promises';
import net from 'node:net';

/**
 * Where FarmIQ may send a request a tenant chose the address of (webhooks): only to the public
 * internet. A tenant must not be able to make the cloud call its own private network, the
 * machine itself or a cloud's metadata service (169.254.169.254) and read or trigger anything
 * there (SSRF). The check is made on the addresses a name resolves to, at registration for a
 * clear answer, and again at every delivery on the very address the connection then uses
 * (outboundRequest.ts), so a name that later resolves elsewhere (DNS rebinding) gains nothing.
 */

const blocked = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(prefix, bits, 'ipv4');
}
for (const [prefix, bits] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b::', 96], // NAT64: embeds an IPv4 address
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: embeds an IPv4 address
  ['fc00::', 7], // unique local (AWS metadata fd00:ec2::254 is here)
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  blocked.addSubnet(prefix, bits, 'ipv6');
}

// Kept apart: a BlockList also matches plain IPv4 addresses against an IPv6 ::ffff: rule.
const ipv4Mapped = new net.BlockList();
ipv4Mapped.addSubnet('::ffff:0:0', 96, 'ipv6');

/** Whether `address` (an IP literal) is on the public internet. */
export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return false;
  // IPv4-mapped IPv6 (::ffff:a.b.c.d, also written in hex): never a way round the IPv4 list.
  if (family === 6 && ipv4Mapped.check(address, 'ipv6')) return false;
  return !blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** How an operator lets outgoing requests through. */
export interface OutboundPolicy {
  /** Hosts (names or IP literals, lower case) allowed whatever they resolve to: WEBHOOK_ALLOWED_HOSTS, for development, tests and an operator's own receivers. */
  allowedHosts: readonly string[];
  /** Production: https only. */
  httpsOnly: boolean;
}

/** The strictest policy: what code that was given none uses. */
export const STRICT_OUTBOUND: OutboundPolicy = { allowedHosts: [], httpsOnly: true };

/** Why an outgoing request was refused before it was made; the message is safe to show the tenant. */
export class OutboundRefused extends Error {}

/** The host of `url` as the allow-list names it: lower case, IPv6 without brackets. */
export const hostOf = (url: URL) => url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');

/** Throws OutboundRefused unless `url`'s scheme is allowed by `policy`; returns whether its host is on the allow-list. */
export function checkScheme(url: URL, policy: OutboundPolicy): boolean {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new OutboundRefused('url must be an http(s) URL');
  if (policy.httpsOnly && url.protocol !== 'https:') throw new OutboundRefused('url must use https');
  return policy.allowedHosts.includes(hostOf(url));
}

/** Throws OutboundRefused when any of `addresses` is not public (one private answer is enough to refuse a name). */
export function requirePublic(host: string, addresses: readonly string[]): void {
  const inside = addresses.find((address) => !isPublicAddress(address));
  if (inside !== undefined) {
    throw new OutboundRefused(
      `url's host ${host} is a private, loopback, link-local or reserved address (${inside}); only public addresses are called (an operator may allow a host with WEBHOOK_ALLOWED_HOSTS)`,
    );
  }
  if (addresses.length === 0) throw new OutboundRefused(`url's host ${host} does not resolve`);
}

/**
 * Checks `url` before it is stored: scheme, and every address its host resolves to now. Throws
 * OutboundRefused with a reason fit for the tenant.
 */
export async function checkOutboundUrl(url: URL, policy: OutboundPolicy): Promise<void> {
  if (checkScheme(url, policy)) return;
  const host = hostOf(url);
  if (net.isIP(host)) return requirePublic(host, [host]);
  let addresses: string[];
  try {
    addresses = (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
  } catch {
    throw new OutboundRefused(`url's host ${host} does not resolve`);
  }
  requirePublic(host, addresses);
}
