import argon2 from 'argon2';
import { badInput } from '../errors';

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;

// A few of the most used passwords that pass a length rule; the full breach lists are larger,
// but these are the ones guessed first.
const COMMON_PASSWORDS = new Set([
  'password1234',
  'password12345',
  'password123456',
  '123456789012',
  '1234567890123',
  'qwertyuiop12',
  'qwerty123456',
  'iloveyou1234',
  'administrator',
  'welcome12345',
  'letmein12345',
  'changeme1234',
  'passw0rd1234',
  'p@ssw0rd1234',
  'football1234',
  'monkey123456',
  'abc123456789',
  'aaaaaaaaaaaa',
  '111111111111',
  '000000000000',
  'farmiqfarmiq',
  'correcthorsebatterystaple',
]);

/** The password policy: 12 to 256 characters, not the email, not a commonly used password. */
export function checkPasswordPolicy(password: string, email: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw badInput(`${field}: must be at least ${MIN_PASSWORD_LENGTH} characters`, field);
  if (password.length > MAX_PASSWORD_LENGTH) throw badInput(`${field}: must be at most ${MAX_PASSWORD_LENGTH} characters`, field);
  const lower = password.toLowerCase();
  const address = email.toLowerCase();
  if (lower.includes(address) || lower === address.split('@')[0]) {
    throw badInput(`${field}: must not contain the email address`, field);
  }
  if (COMMON_PASSWORDS.has(lower.replace(/\s+/g, ''))) throw badInput(`${field}: is too common; choose another`, field);
}

/** argon2id with the library's defaults (64 MiB, 3 passes, 4 lanes): over OWASP's minimum. */
export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the account does not exist keeps the answer time the same,
// so timing does not reveal which emails have accounts.
let decoyHash: Promise<string> | undefined;
export const decoyPasswordHash = (): Promise<string> => (decoyHash ??= hashPassword('decoy password for timing parity'));
