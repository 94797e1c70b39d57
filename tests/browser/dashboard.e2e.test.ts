import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { DASHBOARD_DIST } from '../../supergraph/dashboard';
import { startTestSystem, type TestSystem } from '../support/testSystem';

const CHROMIUM = '/usr/bin/chromium';
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

describe('the dashboard in a real browser', () => {
  let farmiq: TestSystem;
  let browser: Browser;
  let dashboardUrl: string;

  beforeAll(async () => {
    if (!fs.existsSync(`${DASHBOARD_DIST}/index.html`)) throw new Error('no dashboard build: run `npm run dashboard:build` (npm install does)');
    if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium package (.ci/run does)`);
    // Production mode: the strict content security policy the dashboard must live under.
    farmiq = await startTestSystem('pglite', { NODE_ENV: 'production' });
    dashboardUrl = new URL('/', farmiq.gatewayUrl).toString();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
    await farmiq?.stop();
  });

  it('shows a tenant with its farms, batches, alert rules and plan, gathered from all five subgraphs', async () => {
    const tenant = await farmiq.graphql('mutation { createTenant(input: { name: "Green Valley Pork" }) { id } }');
    const tenantId = tenant.data!.createTenant.id as string;
    const farm = await farmiq.graphql('mutation ($tenantId: ID!) { createFarm(input: { tenantId: $tenantId, name: "Valley East", timeZone: "Asia/Bangkok" }) { id } }', { tenantId });
    const farmId = farm.data!.createFarm.id as string;
    for (const headCountPlaced of [1_200, 800]) {
      await farmiq.graphql(
        'mutation ($farmId: ID!, $heads: Int!) { placeBatch(input: { farmId: $farmId, species: PIG, placedOn: "2026-10-01", headCountPlaced: $heads, placementWeightKg: 7.5 }) { id } }',
        { farmId, heads: headCountPlaced },
      );
    }
    await farmiq.graphql('mutation ($farmId: ID!) { createAlertRule(input: { farmId: $farmId, metric: "ammoniaPpm", comparison: ABOVE, threshold: 25 }) { id } }', { farmId });
    await farmiq.graphql('mutation ($tenantId: ID!) { subscribe(input: { tenantId: $tenantId, plan: ENTERPRISE }) { id } }', { tenantId });

    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(dashboardUrl);
    await page.getByLabel('Tenant id').fill(tenantId);
    await page.getByRole('button', { name: 'Show' }).click();

    await page.getByRole('heading', { name: 'Green Valley Pork' }).waitFor();
    expect(await page.getByText('Plan: ENTERPRISE').count()).toBe(1);
    const row = page.getByRole('row', { name: /Valley East/ });
    expect(await row.locator('td').allTextContents()).toEqual(['Asia/Bangkok', '2', '2,000', '1']);
    // The page ran under the gateway's content security policy without a violation.
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('says so when no tenant has the id', async () => {
    const page = await browser.newPage();
    await page.goto(`${dashboardUrl}?tenant=00000000-0000-4000-8000-000000000000`);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('No tenant with that id.').waitFor();
    await page.close();
  });
});
