import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import QRCode from 'qrcode';

/** Crockford's base32: no I, L, O or U, so a code read off a label is hard to mistype. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 20 symbols × 5 bits = 100 bits: unguessable, and the claim limiter bounds the guessing rate. */
const CODE_SYMBOLS = 20;
const GROUP = 4;

/** A new one-time claim code, printed as `XXXX-XXXX-XXXX-XXXX-XXXX`. */
export function generateClaimCode(): string {
  const bytes = randomBytes(CODE_SYMBOLS);
  // 256 is a multiple of 32, so `byte % 32` is uniform.
  const symbols = Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
  return symbols.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-');
}

/**
 * The code as typed by a person: case, spaces and dashes ignored, and the letters Crockford
 * reads as digits (O → 0, I and L → 1) mapped. Null when it cannot be a claim code.
 */
export function normalizeClaimCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return code.length === CODE_SYMBOLS && [...code].every((symbol) => ALPHABET.includes(symbol)) ? code : null;
}

/** Stored instead of the code. A 100-bit random value needs no slow hash. */
export const hashClaimCode = (normalized: string): string => createHash('sha256').update(normalized).digest('hex');

/** Constant-time comparison of a typed code with a stored hash; false for anything malformed. */
export function claimCodeMatches(storedHash: string, typed: string): boolean {
  const normalized = normalizeClaimCode(typed);
  const expected = Buffer.from(storedHash, 'hex');
  const actual = Buffer.from(hashClaimCode(normalized ?? ''), 'hex');
  return normalized !== null && expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** The link a label's QR code carries; the app and the API both accept it whole. */
export const claimLink = (serialNumber: string, claimCode: string): string =>
  `farmiq://claim?serial=${encodeURIComponent(serialNumber)}&code=${encodeURIComponent(claimCode)}`;

/** Reads a claim link back; null when it is not one. */
export function parseClaimLink(link: string): { serialNumber: string; claimCode: string } | null {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  const serialNumber = url.searchParams.get('serial');
  const claimCode = url.searchParams.get('code');
  if (url.protocol !== 'farmiq:' || url.hostname !== 'claim' || !serialNumber || !claimCode) return null;
  return { serialNumber, claimCode };
}

/** An SVG QR code of `text` (error correction M: survives a scuffed label). */
export const qrCodeSvg = (text: string): Promise<string> => QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
