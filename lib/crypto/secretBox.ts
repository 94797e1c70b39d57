import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';

/**
 * Encrypts secrets the cloud must be able to read back (edge gateways' HMAC keys): AES-256-GCM
 * with a random 96-bit nonce per secret. `context` (for example the key id) is bound in as
 * additional data, so a ciphertext copied onto another row does not decrypt.
 */
export interface SecretBox {
  seal(plaintext: string, context: string): string;
  /** Throws when the ciphertext was altered, belongs to another context or another key. */
  open(sealed: string, context: string): string;
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== KEY_BYTES) throw new Error(`a secret box key is ${KEY_BYTES} bytes, got ${key.length}`);
  return {
    seal(plaintext, context) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `${VERSION}.${Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    open(sealed, context) {
      const [version, payload] = sealed.split('.');
      if (version !== VERSION || !payload) throw new Error('not a sealed secret');
      const raw = Buffer.from(payload, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, NONCE_BYTES));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(raw.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}

/** A new random key, as FARMIQ_SECRETS_KEY expects it (base64 of 32 bytes). */
export const generateSecretBoxKey = (): string => randomBytes(KEY_BYTES).toString('base64');

/** Parses FARMIQ_SECRETS_KEY; null when it is not base64 of exactly 32 bytes. */
export function parseSecretBoxKey(encoded: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded.trim())) return null;
  const key = Buffer.from(encoded.trim(), 'base64');
  return key.length === KEY_BYTES ? key : null;
}
