import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { POSTGRES_URL_ENV, type Backend } from './postgres';

export const CHROMIUM = '/usr/bin/chromium';
// Our machines reach no network but the package registries: Chromium must not try.
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

/** Screenshots of every page at both sizes, kept as test artefacts (gitignored), never compared pixel by pixel. */
export const ARTIFACTS_DIR = path.join(__dirname, '..', 'browser', 'artifacts');

/** Chooses the database of a browser test file's system: `pglite` or `postgres`. */
export const BROWSER_BACKEND_ENV = 'FARMIQ_BROWSER_BACKEND';

/**
 * The system a browser test file runs against: FARMIQ_BROWSER_BACKEND when set, else the file's
 * own default, and PGlite when that is PostgreSQL but the run has none. One system per file keeps
 * the suite fast; CI (which requires PostgreSQL) runs the main walk on it and the admin walk on
 * PGlite, so both back-ends see a browser on every run.
 */
export function browserBackend(fileDefault: Backend): Backend {
  const chosen = process.env[BROWSER_BACKEND_ENV];
  if (chosen !== undefined && chosen !== 'pglite' && chosen !== 'postgres') throw new Error(`${BROWSER_BACKEND_ENV} must be pglite or postgres, not ${chosen}`);
  const backend = (chosen as Backend | undefined) ?? fileDefault;
  if (backend === 'postgres' && !process.env[POSTGRES_URL_ENV]) {
    if (chosen) throw new Error(`${BROWSER_BACKEND_ENV}=postgres but ${POSTGRES_URL_ENV} is not set: no PostgreSQL for this run`);
    return 'pglite';
  }
  return backend;
}

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium package (.ci/run does)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * axe-core's serious and critical violations on the page as it is now. The script is evaluated
 * through the DevTools protocol, so the page's strict content security policy stays in force.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(`${AXE_SOURCE}\n;true`);
  const violations = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations)')) as AxeViolation[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Checks accessibility and saves a phone and a desktop screenshot of the page as it is, restoring the viewport. */
export async function auditPage(page: Page, name: string): Promise<string[]> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const original = page.viewportSize() ?? DESKTOP;
  const violations: string[] = [];
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(150);
    violations.push(...(await seriousAccessibilityViolations(page)).map((violation) => `${size}: ${violation}`));
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize(original);
  return violations;
}
