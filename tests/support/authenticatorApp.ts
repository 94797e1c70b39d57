import { createHmac } from 'node:crypto';

/**
 * What an authenticator app on a phone does with the key it scanned, written here from RFC 6238
 * and RFC 4226 apart from the server's code, so a test compares two implementations of the RFC.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function fromBase32(text: string): Buffer {
  const bits = [...text.replace(/[=\s]/g, '').toUpperCase()].map((char) => ALPHABET.indexOf(char).toString(2).padStart(5, '0')).join('');
  return Buffer.from(bits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2)));
}

/** The 30-second step of an instant (Unix time / 30, floored). */
export const stepOf = (at: Date): number => Math.floor(at.getTime() / 30_000);

/** The six digits the app shows for `step`. */
export function appCode(secretBase32: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeUInt32BE(Math.floor(step / 2 ** 32), 0);
  counter.writeUInt32BE(step % 2 ** 32, 4);
  const mac = createHmac('sha1', fromBase32(secretBase32)).update(counter).digest();
  const offset = mac[19]! & 0xf;
  const number = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(number % 1_000_000).padStart(6, '0');
}

/**
 * A code the server has not accepted yet: the current step's, or a later step's (the server
 * takes one step either side) when the current one was used. `used` remembers the steps.
 */
export function unusedCode(secretBase32: string, used: Set<number>, at = new Date()): string {
  let step = stepOf(at);
  while (used.has(step)) step += 1;
  used.add(step);
  return appCode(secretBase32, step);
}
