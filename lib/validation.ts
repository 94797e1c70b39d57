import { badInput } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

/** An id argument that must name something: anything but a UUID is BAD_USER_INPUT. */
export function requireUuid(value: string, field: string): string {
  if (!isUuid(value)) throw badInput(`${field}: expected an id (UUID), got ${JSON.stringify(value)}`, field);
  return value.toLowerCase();
}

/** Trimmed text of 1 to `maxLength` characters, without control characters. */
export function requireText(value: string, field: string, maxLength: number): string {
  const text = value.trim();
  if (text.length === 0 || text.length > maxLength) {
    throw badInput(`${field}: expected 1 to ${maxLength} characters, got ${text.length}`, field);
  }
  if (/\p{Cc}/u.test(text)) throw badInput(`${field}: control characters are not allowed`, field);
  return text;
}

/** A finite number within [min, max]; `unit` is named in the message. */
export function requireNumberInRange(value: number, field: string, min: number, max: number, unit: string): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw badInput(`${field}: expected ${min} to ${max} ${unit}, got ${value}`, field);
  }
  return value;
}

export const MAX_PAGE_SIZE = 100;

/** A page size argument: 1 to MAX_PAGE_SIZE, so no list can be asked for whole. */
export function requirePageSize(first: number, field = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`${field}: expected 1 to ${MAX_PAGE_SIZE}, got ${first}`, field);
  }
  return first;
}
