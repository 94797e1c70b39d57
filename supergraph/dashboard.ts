import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { labelRoute } from '../lib/http/service';

export const DASHBOARD_DIST = path.join(__dirname, '..', 'dashboard', 'dist');

/**
 * Serves the built dashboard (dashboard/dist, built by `npm install` or `npm run
 * dashboard:build`) at `/`. Hashed assets are cached for a year; index.html never is, so a
 * new build reaches browsers at once. Returns false when there is no build to serve.
 */
export function mountDashboard(app: Express, dist: string = DASHBOARD_DIST): boolean {
  const indexPath = path.join(dist, 'index.html');
  if (!fs.existsSync(indexPath)) return false;
  app.use('/assets', labelRoute('/assets'), express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  app.get('/', (_req, res) => {
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(indexPath);
  });
  return true;
}
