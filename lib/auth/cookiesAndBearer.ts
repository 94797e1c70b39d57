import type { IncomingHttpHeaders } from 'node:http';

/** Cookie names: `__Host-` binds them to the exact origin over HTTPS; plain HTTP (development) cannot use the prefix. */
export const cookieNames = (secure: boolean) => ({
  access: secure ? '__Host-farmiq_access' : 'farmiq_access',
  refresh: secure ? '__Host-farmiq_refresh' : 'farmiq_refresh',
});

export function readCookie(headers: IncomingHttpHeaders, name: string): string | undefined {
  for (const part of (headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return decodeURIComponent(part.slice(separator + 1).trim());
  }
  return undefined;
}

/** The caller's access token: `Authorization: Bearer` (partners, scripts) or the session cookie (browsers). */
export function accessTokenFrom(headers: IncomingHttpHeaders, secure: boolean): string | undefined {
  const authorization = headers.authorization;
  if (authorization?.startsWith('Bearer ')) return authorization.slice('Bearer '.length).trim() || undefined;
  // Only the name this mode sets: in production a plain `farmiq_access` could be planted by a
  // sibling subdomain (cookie tossing); `__Host-` cookies cannot be.
  return readCookie(headers, cookieNames(secure).access);
}

/** A Set-Cookie value: HttpOnly, SameSite=Strict, Path=/, Secure when served over HTTPS. */
export function sessionCookie(name: string, value: string, maxAgeSeconds: number, secure: boolean): string {
  return `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}
