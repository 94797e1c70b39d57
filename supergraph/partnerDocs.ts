import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { labelRoute } from '../lib/http/service';

/** Where `npm run docs:build` (docs/build.ts, run by `npm install`) writes the partner documentation. */
export const PARTNER_DOCS_DIST = path.join(__dirname, '..', 'docs', 'dist');

/**
 * Serves the partner documentation at `/docs`, to anyone and in every mode: it is made from the
 * public API schema only, so it says nothing introspection (off in production) would hide from a
 * partner that the partner may not know. Returns false when there is no build to serve.
 */
export function mountPartnerDocs(app: Express, dist: string = PARTNER_DOCS_DIST): boolean {
  if (!fs.existsSync(path.join(dist, 'index.html'))) return false;
  // The page's links are relative: `/docs` redirects to `/docs/` (serve-static's `redirect`).
  app.use(
    '/docs',
    labelRoute('/docs'),
    express.static(dist, { index: 'index.html', redirect: true, fallthrough: false, setHeaders: (res) => res.setHeader('cache-control', 'no-cache') }),
  );
  return true;
}
