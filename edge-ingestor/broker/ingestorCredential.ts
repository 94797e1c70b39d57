import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';

/** A username/password pair an MQTT client presents. */
export interface MqttCredential {
  username: string;
  password: string;
}

/** A fresh random credential (256-bit password) for a component of this process. */
export function generateCredential(username: string): MqttCredential {
  return { username, password: randomBytes(32).toString('base64url') };
}

/**
 * Constant-time comparison of a presented credential with the expected one. Both sides are
 * hashed first so that neither the length nor the content leaks through timing.
 */
export function credentialMatches(expected: MqttCredential, username: string | undefined, password: Buffer | undefined): boolean {
  if (username === undefined || password === undefined) return false;
  const digest = (value: string | Buffer) => createHash('sha256').update(value).digest();
  const userOk = timingSafeEqual(digest(expected.username), digest(username));
  const passOk = timingSafeEqual(digest(expected.password), digest(password));
  return userOk && passOk;
}
