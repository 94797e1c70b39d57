import { badInput } from '../../lib/errors';

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

/** An email address, trimmed and lower-cased: accounts are found by it case-insensitively. */
export function requireEmail(value: string, field = 'email'): string {
  const email = value.trim().toLowerCase();
  if (email.length > 254 || !EMAIL.test(email)) throw badInput(`${field}: expected an email address, got ${JSON.stringify(value)}`, field);
  return email;
}
