import { badInput } from '../../lib/errors';

// RFC 5322 dot-atom with Unicode letters and digits (RFC 6531) in the local part; no quoted
// strings, comments, spaces or angle brackets: `<script>…@x.example` is not an address.
const ATOM = "[\\p{L}\\p{M}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const LOCAL_PART = new RegExp(`^${ATOM}(\\.${ATOM})*$`, 'u');
const LABEL = /^[\p{L}\p{M}\p{N}]([\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;
const TOP_LEVEL = /^(\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;

// What addresses were allowed to be before the stricter syntax: accounts made then can still log in.
const LOOSE = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

/** An address to find an account by (login): normalised as stored, checked only loosely. */
export function normalizeEmail(value: string, field = 'email'): string {
  const email = value.normalize('NFKC').trim().toLowerCase();
  if (email.length > 254 || !LOOSE.test(email)) throw badInput(`${field}: expected an email address, got ${JSON.stringify(value.slice(0, 300))}`, field);
  return email;
}

/**
 * An email address as accounts are kept and found: NFKC-normalised (fullwidth `ａｎｎ` is `ann`),
 * trimmed and lower-cased, with a syntax check that says what it expected. Look-alikes of other
 * users' addresses are refused where accounts are created (invitations).
 */
export function requireEmail(value: string, field = 'email'): string {
  const email = value.normalize('NFKC').trim().toLowerCase();
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split('.');
  const valid =
    at > 0 &&
    email.length <= 254 &&
    local.length <= 64 &&
    LOCAL_PART.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => LABEL.test(label)) &&
    TOP_LEVEL.test(labels[labels.length - 1]!);
  if (!valid) throw badInput(`${field}: expected an email address like ann@farm.example, got ${JSON.stringify(value.slice(0, 300))}`, field);
  return email;
}
