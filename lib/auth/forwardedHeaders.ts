import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import { ConfigError } from '../config';
import { REQUEST_ID_HEADER } from '../http/requestId';
import { CLIENT_ADDRESS_HEADER } from './requestAuth';

/**
 * What the gateway tells a subgraph about a request besides the caller's token: the request id
 * (logs across services) and the client's address (per-address login limits). A subgraph's port
 * may be reachable by more than the gateway (a pod network, a misconfigured service), so it
 * believes these only when the gateway signed them with the internal key: anyone else could
 * send a new address with each login and never hit the limit. Unsigned or badly signed, they are
 * ignored: the request gets a fresh id and the address of the socket it came from.
 */
export interface ForwardedFacts {
  requestId: string;
  clientAddress: string;
}

/** `v1.<unix seconds>.<base64url HMAC-SHA256 over the version, time, request id and address>`. */
export const FORWARDED_SIGNATURE_HEADER = 'x-farmiq-forwarded-signature';

const VERSION = 'v1';
const KEY_BYTES = 32;
/** A signature older (or further ahead) than this is not believed: a captured one is good briefly. */
const MAX_SKEW_SECONDS = 300;
const DEV_KEY_FILE = 'internal-key.dev';

const mac = (key: Buffer, seconds: number, facts: ForwardedFacts) =>
  createHmac('sha256', key).update(`${VERSION}\n${seconds}\n${facts.requestId}\n${facts.clientAddress}`).digest();

/** The headers the gateway sets on each subgraph request. */
export function signForwarded(key: Buffer, facts: ForwardedFacts, now: Date = new Date()): Record<string, string> {
  const seconds = Math.floor(now.getTime() / 1000);
  return {
    [REQUEST_ID_HEADER]: facts.requestId,
    [CLIENT_ADDRESS_HEADER]: facts.clientAddress,
    [FORWARDED_SIGNATURE_HEADER]: `${VERSION}.${seconds}.${mac(key, seconds, facts).toString('base64url')}`,
  };
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? undefined : value);

/** The facts the gateway signed, or undefined when the headers are missing, stale or not signed with `key`. */
export function verifyForwarded(key: Buffer, headers: IncomingHttpHeaders, now: Date = new Date()): ForwardedFacts | undefined {
  const requestId = single(headers[REQUEST_ID_HEADER]);
  const clientAddress = single(headers[CLIENT_ADDRESS_HEADER]);
  const [version, secondsText, signature, extra] = (single(headers[FORWARDED_SIGNATURE_HEADER]) ?? '').split('.');
  if (
    requestId === undefined ||
    clientAddress === undefined ||
    version !== VERSION ||
    !signature ||
    extra !== undefined ||
    !/^\d{1,12}$/.test(secondsText ?? '')
  )
    return undefined;
  const seconds = Number(secondsText);
  if (Math.abs(now.getTime() / 1000 - seconds) > MAX_SKEW_SECONDS) return undefined;
  const expected = mac(key, seconds, { requestId, clientAddress });
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? { requestId, clientAddress } : undefined;
}

/**
 * The key the gateway signs forwarded facts with and subgraphs check them with:
 * FARMIQ_INTERNAL_KEY (base64 of 32 random bytes), shared by the gateway and every subgraph.
 * All in one process a random key is made at start (nobody else needs it); split targets in
 * development share one generated into the data folder; production refuses to start without it.
 */
export function loadForwardingKey(options: { internalKey: string | undefined; inOneProcess: boolean; dataDir: string; production: boolean }): Buffer {
  if (options.internalKey) {
    const key = Buffer.from(options.internalKey, 'base64');
    if (key.length !== KEY_BYTES) throw new ConfigError('FARMIQ_INTERNAL_KEY: expected base64 of 32 random bytes (openssl rand -base64 32)');
    return key;
  }
  if (options.inOneProcess) return randomBytes(KEY_BYTES);
  if (options.production)
    throw new ConfigError('FARMIQ_INTERNAL_KEY: required in production for the gateway and every subgraph (the same value in each; openssl rand -base64 32)');
  const file = path.join(options.dataDir, DEV_KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, randomBytes(KEY_BYTES).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another target of the same data folder wrote it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8'), 'base64');
  if (key.length !== KEY_BYTES) throw new ConfigError(`${file}: not an internal key; remove it to generate a new one`);
  return key;
}
