import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DASHBOARD_DIST } from '../../supergraph/dashboard';
import { loginAsPlatformAdmin, tenantWithAdmin } from '../support/sessions';
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
  let consoleErrors: string[];

  beforeAll(async () => {
    if (!fs.existsSync(`${DASHBOARD_DIST}/index.html`)) throw new Error('no dashboard build: run `npm run dashboard:build` (npm install does)');
    if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium package (.ci/run does)`);
    // Production mode: the strict content security policy and Secure cookies the dashboard must live with.
    farmiq = await startTestSystem('pglite', { NODE_ENV: 'production' });
    dashboardUrl = new URL('/', farmiq.gatewayUrl).toString();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
    await farmiq?.stop();
  });

  async function openDashboard(): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    consoleErrors = [];
    page.on('console', (message) => {
      // Asking who is logged in without a session is answered 401: expected, not an error of the page.
      if (message.type() === 'error' && !message.text().includes('401')) consoleErrors.push(message.text());
    });
    await page.goto(dashboardUrl);
    return page;
  }

  async function logIn(page: Page, email: string, password: string): Promise<void> {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
  }

  it('logs a tenant admin in with cookies and shows its farms, batches, alert rules and plan from all five subgraphs', async () => {
    const { tenantId, admin } = await tenantWithAdmin(farmiq, 'Green Valley Pork');
    const api = farmiq.as(admin.accessToken);
    const farm = await api('mutation { createFarm(input: { name: "Valley East", timeZone: "Asia/Bangkok" }) { id } }');
    const farmId = farm.data!.createFarm.id as string;
    for (const heads of [1_200, 800]) {
      await api(
        'mutation ($farmId: ID!, $heads: Int!) { placeBatch(input: { farmId: $farmId, species: PIG, placedOn: "2026-10-01", headCountPlaced: $heads, placementWeightKg: 7.5 }) { id } }',
        { farmId, heads },
      );
    }
    const barn = await api('mutation ($farmId: ID!) { createBarn(input: { farmId: $farmId, name: "House 1", species: PIG, capacityHead: 2000 }) { id } }', { farmId });
    await api('mutation ($barnId: ID!) { createAlertRule(input: { barnId: $barnId, metric: "ammoniaPpm", comparison: ABOVE, threshold: 25 }) { id } }', { barnId: barn.data!.createBarn.id });
    await api('mutation { subscribe(input: { plan: ENTERPRISE }) { id } }');
    expect(tenantId).toBeDefined();

    const page = await openDashboard();
    await logIn(page, admin.email, admin.password);
    await page.getByRole('heading', { name: 'Green Valley Pork' }).waitFor();
    expect(await page.getByText('Plan: ENTERPRISE').count()).toBe(1);
    const row = page.getByRole('row', { name: /Valley East/ });
    expect(await row.locator('td').allTextContents()).toEqual(['Asia/Bangkok', '2', '2,000', '1']);

    // The session lives in HttpOnly cookies, out of reach of script on the page.
    const cookies = await page.context().cookies();
    expect(cookies.map((cookie) => cookie.name).sort()).toEqual(['__Host-farmiq_access', '__Host-farmiq_refresh']);
    expect(cookies.every((cookie) => cookie.httpOnly && cookie.secure && cookie.sameSite === 'Strict')).toBe(true);
    // Evaluated in the page (a string, so the test's Node typings need no DOM).
    expect(await page.evaluate('document.cookie')).toBe('');
    expect(await page.evaluate('JSON.stringify(window.localStorage)')).toBe('{}');

    // A reload keeps the session, also once the access token has lapsed (its cookie is gone):
    // the refresh cookie renews it.
    await page.reload();
    await page.getByRole('heading', { name: 'Green Valley Pork' }).waitFor();
    const refreshCookie = (await page.context().cookies()).find((cookie) => cookie.name === '__Host-farmiq_refresh')!;
    await page.context().clearCookies({ name: '__Host-farmiq_access' });
    await page.reload();
    await page.getByRole('heading', { name: 'Green Valley Pork' }).waitFor();
    const renewed = await page.context().cookies();
    expect(renewed.map((cookie) => cookie.name).sort()).toEqual(['__Host-farmiq_access', '__Host-farmiq_refresh']);
    expect(renewed.find((cookie) => cookie.name === '__Host-farmiq_refresh')!.value).not.toBe(refreshCookie.value);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it('makes a user with a temporary password choose a new one before showing anything', async () => {
    const platform = await loginAsPlatformAdmin(farmiq);
    const created = await farmiq.as(platform.accessToken)('mutation { createTenant(input: { name: "Hillside Broilers" }) { id } }');
    const invited = await farmiq.as(platform.accessToken)(
      'mutation ($tenantId: ID!) { inviteUser(input: { email: "new.manager@hillside.test", role: FARM_MANAGER, tenantId: $tenantId }) { temporaryPassword } }',
      { tenantId: created.data!.createTenant.id },
    );
    const page = await openDashboard();
    await logIn(page, 'new.manager@hillside.test', invited.data!.inviteUser.temporaryPassword);
    await page.getByRole('alert').filter({ hasText: 'temporary' }).waitFor();
    await page.getByLabel('New password').fill('hillside manager pass 2026');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Hillside Broilers' }).waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it('refuses a wrong password with a message and no session', async () => {
    const page = await openDashboard();
    await logIn(page, 'nobody@farm.test', 'not the right password');
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password' }).waitFor();
    expect(await page.context().cookies()).toEqual([]);
  });
});
