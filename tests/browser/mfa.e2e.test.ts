import fs from 'node:fs';
import net from 'node:net';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { DASHBOARD_DIST } from '../../supergraph/dashboard';
import { unusedCode } from '../support/authenticatorApp';
import { launchChromium } from '../support/browser';
import { tenantWithAdmin } from '../support/sessions';
import { startTestSystem, type TestSystem } from '../support/testSystem';

/**
 * Second factors in Debian's Chromium against the whole system in production mode: an
 * authenticator app (the test computes its codes from the scanned key, by the RFC) and a passkey
 * held by Chromium's own virtual authenticator (DevTools protocol), which signs real WebAuthn
 * assertions the server verifies.
 */
jest.setTimeout(180_000);

/** A port nobody listens on now: WebAuthn needs the dashboard's origin (and so its port) before the system starts. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('second factors in a real browser', () => {
  let farmiq: TestSystem;
  let browser: Browser;
  let dashboardUrl: string;
  let consoleErrors: string[];

  beforeAll(async () => {
    if (!fs.existsSync(`${DASHBOARD_DIST}/index.html`)) throw new Error('no dashboard build: run `npm run dashboard:build` (npm install does)');
    const port = await freePort();
    // localhost, not 127.0.0.1: a WebAuthn relying party is a domain name.
    dashboardUrl = `http://localhost:${port}/`;
    farmiq = await startTestSystem('pglite', { NODE_ENV: 'production', PORT: String(port), FARMIQ_PUBLIC_URL: dashboardUrl });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await farmiq?.stop();
  });

  async function openDashboard(): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    consoleErrors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(dashboardUrl);
    return page;
  }

  async function logIn(page: Page, email: string, password: string): Promise<void> {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
  }

  /** Waits for a heading; a timeout says what the page showed instead. */
  async function expectHeading(page: Page, name: string): Promise<void> {
    await page
      .getByRole('heading', { name })
      .waitFor()
      .catch(async (error: Error) => {
        throw new Error(`${error.message}\nthe page shows: ${await page.locator('body').innerText()}\nconsole: ${consoleErrors.join('\n')}`);
      });
  }

  async function logOut(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Log out' }).click();
    await expectHeading(page, 'Log in');
  }

  it('enrols an authenticator app from its QR code and then logs in with a code from it', async () => {
    const { admin } = await tenantWithAdmin(farmiq, 'Two Step Poultry');
    const page = await openDashboard();
    await logIn(page, admin.email, admin.password);
    await expectHeading(page, 'Two Step Poultry');
    await page.getByRole('link', { name: 'Security' }).click();
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();

    // Scan the QR code as a phone would: decode the image, not the page's text.
    const qr = page.getByRole('img', { name: 'QR code to scan with an authenticator app' });
    const png = PNG.sync.read(Buffer.from((await qr.getAttribute('src'))!.split(',')[1]!, 'base64'));
    const scanned = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)!.data;
    const uri = new URL(scanned);
    expect(uri.protocol).toBe('otpauth:');
    expect([uri.host, decodeURIComponent(uri.pathname)]).toEqual(['totp', `/FarmIQ:${admin.email}`]);
    const secret = uri.searchParams.get('secret')!;
    expect((await page.locator('.totp-secret').innerText()).replace(/\s/g, '')).toBe(secret);

    const used = new Set<number>();
    await page.getByLabel('Code from your authenticator app').fill(unusedCode(secret, used));
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectHeading(page, 'Your recovery codes');
    expect(await page.locator('.recovery-codes li').count()).toBe(10);
    await page.getByRole('button', { name: 'I have kept them' }).click();
    await page.getByTestId('totp-state').filter({ hasText: 'On' }).waitFor();

    await logOut(page);
    await logIn(page, admin.email, admin.password);
    await expectHeading(page, 'Second step');
    expect(await page.context().cookies()).toEqual([]); // the password alone gave no session
    await page.getByLabel('Code from your authenticator app').fill(unusedCode(secret, used));
    await page.getByRole('button', { name: 'Continue' }).click();
    // Logged in again, on the page it logged out from.
    await page.getByTestId('totp-state').filter({ hasText: 'On' }).waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it('lets a login the tenant sends to enrol choose a passkey instead of an app, and completes that login', async () => {
    const { tenantId, admin } = await tenantWithAdmin(farmiq, 'Required Passkey Farm');
    expect((await farmiq.as(admin.accessToken)('mutation { setTenantMfaRequired(required: true) { id } }')).errors).toBeUndefined();
    const page = await openDashboard();
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('WebAuthn.enable');
    const { authenticatorId } = await devtools.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await logIn(page, admin.email, admin.password);
    await expectHeading(page, 'Your organisation requires a second step');
    expect(await page.context().cookies()).toEqual([]); // no session before the second factor exists
    await page.getByLabel('Name for this passkey').fill('Barn tablet');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await expectHeading(page, 'Your recovery codes');
    await page.getByRole('button', { name: 'I have kept them' }).click();
    await expectHeading(page, 'Required Passkey Farm');
    expect((await devtools.send('WebAuthn.getCredentials', { authenticatorId })).credentials).toHaveLength(1);
    const db = farmiq.system.database!.sql;
    const [user] = await db.query<{ id: string }>('SELECT id::text FROM identity.user_account WHERE email = $1', [admin.email]);
    const records = await db.query<{ action: string; actor_id: string; tenant_id: string }>(
      `SELECT action, actor_id, tenant_id::text FROM identity.audit_record WHERE target_type = 'Passkey' AND tenant_id = $1::uuid`,
      [tenantId],
    );
    expect(records).toEqual([{ action: 'PASSKEY_ADDED', actor_id: user!.id, tenant_id: tenantId }]);

    // The next login asks for the passkey.
    await logOut(page);
    await logIn(page, admin.email, admin.password);
    await expectHeading(page, 'Second step');
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await expectHeading(page, 'Required Passkey Farm');
    expect(consoleErrors).toEqual([]);
  });

  it('registers a passkey held by a virtual authenticator and logs in with it', async () => {
    const { admin } = await tenantWithAdmin(farmiq, 'Passkey Pork');
    const page = await openDashboard();
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('WebAuthn.enable');
    const { authenticatorId } = await devtools.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await logIn(page, admin.email, admin.password);
    await expectHeading(page, 'Passkey Pork');
    await page.getByRole('link', { name: 'Security' }).click();
    await page.getByLabel('Name for this passkey').fill('Office laptop');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    // The first factor comes with recovery codes.
    await expectHeading(page, 'Your recovery codes');
    await page.getByRole('button', { name: 'I have kept them' }).click();
    await page.getByText('Office laptop').waitFor();
    const { credentials } = await devtools.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    const signCountAfterRegistration = credentials[0]!.signCount;

    await logOut(page);
    await logIn(page, admin.email, admin.password);
    await expectHeading(page, 'Second step');
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await page.getByText('Office laptop').waitFor();
    // The authenticator signed once more, and the server stored the counter it signed.
    const after = (await devtools.send('WebAuthn.getCredentials', { authenticatorId })).credentials[0]!;
    expect(after.signCount).toBeGreaterThan(signCountAfterRegistration);
    const [stored] = await farmiq.system.database!.sql.query<{ sign_count: string; last_used_at: Date | null }>(
      'SELECT sign_count::text, last_used_at FROM identity.passkey WHERE name = $1',
      ['Office laptop'],
    );
    expect(Number(stored!.sign_count)).toBe(after.signCount);
    expect(stored!.last_used_at).not.toBeNull();
    expect(consoleErrors).toEqual([]);
  });
});
