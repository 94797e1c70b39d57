import { createECDH } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, type Config } from '../config';

/** The server's identity towards push services (RFC 8292): an ES256 key pair and a contact. */
export interface VapidKeys {
  /** base64url of the uncompressed P-256 point (65 bytes): what browsers subscribe with (`applicationServerKey`). */
  publicKey: string;
  /** base64url of the 32-byte private scalar. */
  privateKey: string;
  /** mailto: or https: URL of whoever runs this server. */
  subject: string;
}

const DEV_KEY_FILE = 'vapid-keys.dev.json';

/** A fresh P-256 key pair in the base64url forms VAPID uses. */
export function generateVapidKeys(): Pick<VapidKeys, 'publicKey' | 'privateKey'> {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { publicKey: ecdh.getPublicKey().toString('base64url'), privateKey: ecdh.getPrivateKey().toString('base64url') };
}

/** Whether `privateKey` is the private half of `publicKey` (a pasted pair from two different runs is refused). */
function isPair(publicKey: string, privateKey: string): boolean {
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(privateKey, 'base64url'));
    return ecdh.getPublicKey().toString('base64url') === publicKey;
  } catch {
    return false;
  }
}

/**
 * The VAPID keys of this deployment, or undefined when Web Push is off. Production has them from
 * the environment (lib/config.ts refuses to start without them while push is on). A developer's run
 * generates a pair once into the data folder (owner-only file, like the dev JWT key) and keeps it,
 * because every browser subscription is bound to the public key it was made with.
 */
export function loadVapidKeys(options: { webPush: Config['webPush']; dataDir: string; production: boolean }): VapidKeys | undefined {
  const { webPush } = options;
  if (!webPush.enabled) return undefined;
  if (webPush.publicKey && webPush.privateKey) {
    if (!isPair(webPush.publicKey, webPush.privateKey)) throw new ConfigError('VAPID_PRIVATE_KEY: not the private key of VAPID_PUBLIC_KEY');
    return { publicKey: webPush.publicKey, privateKey: webPush.privateKey, subject: webPush.subject };
  }
  if (options.production) throw new ConfigError('VAPID_PUBLIC_KEY: required in production while Web Push is on (WEB_PUSH=off turns it off)');
  const file = path.join(options.dataDir, DEV_KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, JSON.stringify(generateVapidKeys()), { mode: 0o600, flag: 'wx' });
  }
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { publicKey?: string; privateKey?: string };
  if (typeof stored.publicKey !== 'string' || typeof stored.privateKey !== 'string' || !isPair(stored.publicKey, stored.privateKey)) {
    throw new ConfigError(`${file}: not a VAPID key pair; remove it to generate a new one (browsers then subscribe again)`);
  }
  return { publicKey: stored.publicKey, privateKey: stored.privateKey, subject: webPush.subject };
}
