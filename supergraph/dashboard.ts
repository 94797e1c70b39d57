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
  for (const prefix of DASHBOARD_ROUTE_PREFIXES) app.get([`/${prefix}`, `/${prefix}/*rest`], labelRoute(`/${prefix}`), sendIndex);
  return true;
}
