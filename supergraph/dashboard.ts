import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { labelRoute } from '../lib/http/service';

export const DASHBOARD_DIST = path.join(__dirname, '..', 'dashboard', 'dist');

/**
 * The first path segments of the dashboard's own routes (dashboard/src/routes.tsx): a bookmarked
 * or reloaded page there gets index.html and the dashboard's router takes over.
 */
export const DASHBOARD_ROUTE_PREFIXES = ['farms', 'devices', 'admin', 'account', 'platform', 'reset-password', 'accept-invitation'] as const;

/** The dashboard's service worker (dashboard/public/sw.js): at the root, so its scope is every page. */
export const SERVICE_WORKER_PATH = '/sw.js';

/**
 * Serves the built dashboard (dashboard/dist, built by `npm install` or `npm run
 * dashboard:build`) at `/`. Hashed assets are cached for a year; index.html never is, so a
 * new build reaches browsers at once. Returns false when there is no build to serve.
 */
export function mountDashboard(app: Express, dist: string = DASHBOARD_DIST): boolean {
  const indexPath = path.join(dist, 'index.html');
  if (!fs.existsSync(indexPath)) return false;
  app.use('/assets', labelRoute('/assets'), express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  const sendIndex = (_req: express.Request, res: express.Response) => {
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(indexPath);
  };
  app.get('/', sendIndex);
  // Browsers check a service worker for updates on navigation; never from a cache, so a fix reaches phones at once.
  app.get(SERVICE_WORKER_PATH, labelRoute(SERVICE_WORKER_PATH), (_req, res) => {
    res.setHeader('cache-control', 'no-cache');
    res.type('text/javascript').sendFile(path.join(dist, 'sw.js'));
  });
  for (const prefix of DASHBOARD_ROUTE_PREFIXES) app.get([`/${prefix}`, `/${prefix}/*rest`], labelRoute(`/${prefix}`), sendIndex);
  return true;
}
