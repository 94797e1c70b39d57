import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

// Apollo Sandbox (development only) is served from Apollo's CDN and runs in a frame.
const SANDBOX_SOURCES = [
  'https://embeddable-sandbox.cdn.apollographql.com',
  'https://apollo-server-landing-page.cdn.apollographql.com',
  'https://sandbox.embed.apollographql.com',
];

/**
 * Security headers on every response (helmet). Production gets helmet's strict defaults plus
 * HSTS; development relaxes the content security policy just enough for Apollo Sandbox.
 */
export function securityHeaders(production: boolean): RequestHandler {
  if (production) return helmet({ strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true } });
  return helmet({
    strictTransportSecurity: false,
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'", "'unsafe-inline'", ...SANDBOX_SOURCES],
        'style-src': ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com', ...SANDBOX_SOURCES],
        'img-src': ["'self'", 'data:', ...SANDBOX_SOURCES],
        'frame-src': ["'self'", ...SANDBOX_SOURCES],
        'manifest-src': ["'self'", ...SANDBOX_SOURCES],
        'font-src': ["'self'", 'data:', 'https://fonts.gstatic.com', ...SANDBOX_SOURCES],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * CORS for the allow-listed origins only (ALLOWED_ORIGINS). An unknown origin gets no CORS
 * headers at all, so the browser blocks it; same-origin and non-browser clients are unaffected.
 */
export function corsAllowList(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id'],
    maxAge: 600,
  });
}
