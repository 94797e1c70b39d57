import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PARTNER_DOCS_DIST } from '../../supergraph/partnerDocs';
import { ARTIFACTS_DIR, DESKTOP, launchChromium } from '../support/browser';
import { startTestSystem, type TestSystem } from '../support/testSystem';

/**
 * The partner documentation in Debian's Chromium, served by a production system (strict
 * content security policy, introspection off): a partner without an account opens /docs, finds
 * an operation in the navigation and reads it, and the guide's first step.
 */
jest.setTimeout(180_000);

describe('the partner documentation in a real browser', () => {
  let farmiq: TestSystem;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    if (!fs.existsSync(`${PARTNER_DOCS_DIST}/index.html`)) throw new Error('no partner docs build: run `npm run docs:build` (npm install does)');
    farmiq = await startTestSystem('pglite', { NODE_ENV: 'production' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: DESKTOP });
    consoleErrors = [];
    page.on('console', (message) => {
      // Chromium asks for /favicon.ico on its own; the docs name none.
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) consoleErrors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await farmiq?.stop();
  });

  it('opens /docs without an account and finds the credentials exchange through the navigation', async () => {
    const response = await page.goto(new URL('/docs', farmiq.gatewayUrl).toString());
    expect(response?.status()).toBe(200);
    expect(page.url()).toMatch(/\/docs\/$/);
    await page.getByRole('heading', { name: 'Getting started', exact: true }).first().waitFor();

    // The navigation lists a group's operations once the reader is in that group.
    await page.locator('#nav a[href="#group-Operations-Mutations"]').click();
    await page.locator('#nav a[href="#mutation-issueClientToken"]').click();
    await page.waitForURL(/#mutation-issueClientToken$/);
    const operation = page.locator('section#mutation-issueClientToken');
    await expect(operation.getByRole('heading', { name: 'issueClientToken' }).isVisible()).resolves.toBe(true);
    await expect(operation.textContent()).resolves.toContain('Client credentials exchange');
    // Its arguments and an example of the request, as SpectaQL renders them.
    await expect(operation.textContent()).resolves.toContain('clientSecret');
    const box = await operation.boundingBox();
    expect(box).not.toBeNull();
    // Scrolled to it: the operation's heading is within the window.
    const headingTop = await operation.getByRole('heading', { name: 'issueClientToken' }).evaluate((element) => element.getBoundingClientRect().top);
    expect(headingTop).toBeGreaterThanOrEqual(-5);
    expect(headingTop).toBeLessThan(900);
  });

  it("shows the guide's first step with its curl command, and loads under the production content security policy", async () => {
    const step = page.locator('h2', { hasText: '1. Create a client' });
    await step.scrollIntoViewIfNeeded();
    await expect(step.isVisible()).resolves.toBe(true);
    await expect(page.locator('body').textContent()).resolves.toContain('mutation CreateApiClient($input: CreateApiClientInput!)');
    expect(consoleErrors).toEqual([]);
    // A screenshot of the step as an artefact (the whole page is SpectaQL's and very long: axe and
    // full-page shots of it take minutes on our machines, so they are left out).
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'partner-docs-desktop.png') });
  });
});
