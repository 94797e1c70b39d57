import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';
import { ConfigError } from '../config';

/** Access tokens are signed with ECDSA P-256 (ES256), and only that algorithm is accepted. */
export const TOKEN_ALGORITHM = 'ES256';

export interface KeyRing {
  /** The key new tokens are signed with. */
  signing: { kid: string; privateKey: KeyLike };
  /** Every public key a token may still be signed with: the signing key first, then retired ones. */
  publicJwks: { keys: JWK[] };
}

const DEV_KEYS_FILE = 'jwt-keys.json';

function toPublic({ kty, crv, x, y, kid }: JWK): JWK {
  return { kty, crv, x, y, kid, alg: TOKEN_ALGORITHM, use: 'sig' };
}

async function fromPrivateJwks(jwks: { keys?: JWK[] }, source: string): Promise<KeyRing> {
  const keys = jwks.keys ?? [];
  const first = keys[0];
  if (!first?.d || !first.kid || first.kty !== 'EC' || first.crv !== 'P-256') {
    throw new ConfigError(`${source}: expected {"keys":[...]} whose first key is a private P-256 JWK with a kid`);
  }
  for (const key of keys) {
    if (!key.kid || key.kty !== 'EC' || key.crv !== 'P-256') throw new ConfigError(`${source}: every key needs a kid and must be P-256`);
  }
  const privateKey = (await importJWK({ ...first, alg: TOKEN_ALGORITHM }, TOKEN_ALGORITHM)) as KeyLike;
  return { signing: { kid: first.kid, privateKey }, publicJwks: { keys: keys.map(toPublic) } };
}

/** A new P-256 key pair as a private JWK with a fresh kid. */
export async function generatePrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(TOKEN_ALGORITHM, { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: TOKEN_ALGORITHM };
}

/**
 * The signing keys: `FARMIQ_JWT_PRIVATE_JWKS` (a JWKS of private keys, the active one first;
 * rotate by putting a new key first and keeping the old one until its tokens expired), or in
 * development a key generated once into the data folder (owner-only file, never committed).
 * Production refuses to start without the variable.
 */
export async function loadKeyRing(options: { privateJwks: string | undefined; dataDir: string; production: boolean }): Promise<KeyRing> {
  if (options.privateJwks) {
    let parsed: { keys?: JWK[] };
    try {
      parsed = JSON.parse(options.privateJwks) as { keys?: JWK[] };
    } catch {
      throw new ConfigError('FARMIQ_JWT_PRIVATE_JWKS: expected JSON like {"keys":[{private P-256 JWK with a kid}]}');
    }
    return fromPrivateJwks(parsed, 'FARMIQ_JWT_PRIVATE_JWKS');
  }
  if (options.production) throw new ConfigError('FARMIQ_JWT_PRIVATE_JWKS: required in production (development generates a key into the data folder)');
  const file = path.join(options.dataDir, DEV_KEYS_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, JSON.stringify({ keys: [await generatePrivateJwk()] }), { mode: 0o600, flag: 'wx' });
  }
  return fromPrivateJwks(JSON.parse(fs.readFileSync(file, 'utf8')) as { keys?: JWK[] }, file);
}
