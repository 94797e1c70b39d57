import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { checkScheme, hostOf, requirePublic, type OutboundPolicy } from './publicAddress';

/** What the receiver answered. */
export interface OutboundResponse {
  status: number;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A DNS lookup for http(s).request that refuses a non-public answer: the socket connects to the
 * address this returned, the one that was checked, so DNS cannot change its mind in between.
 */
function guardedLookup(host: string, options: { all?: boolean }, callback: LookupCallback): void {
  dnsLookup(host, { all: true, verbatim: true }, (error, entries) => {
    if (error) return callback(error, '');
    try {
      requirePublic(
        host,
        entries.map((entry) => entry.address),
      );
    } catch (refused) {
      return callback(refused as NodeJS.ErrnoException, '');
    }
    if (options.all) return callback(null, entries);
    callback(null, entries[0]!.address, entries[0]!.family);
  });
}

/**
 * POSTs `body` to `url` under `policy` (publicAddress.ts): IP literals are checked before the
 * request, names at the connection's own lookup. Redirects are not followed (a 3xx is the
 * answer). The response body is discarded. Throws OutboundRefused, a network error, or the
 * timeout's AbortError.
 */
export async function postOutbound(
  url: string,
  headers: Record<string, string>,
  body: string | Buffer,
  options: { policy: OutboundPolicy; timeoutMs: number },
): Promise<OutboundResponse> {
  const target = new URL(url);
  const allowed = checkScheme(target, options.policy);
  const host = hostOf(target);
  if (!allowed && net.isIP(host)) requirePublic(host, [host]);
  const send = target.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const request = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        signal: AbortSignal.timeout(options.timeoutMs),
        // No pooled sockets: each delivery resolves and checks afresh.
        agent: false,
        ...(allowed ? {} : { lookup: guardedLookup as unknown as typeof dnsLookup }),
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0 }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
