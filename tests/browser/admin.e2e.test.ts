import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { DASHBOARD_DIST } from '../../supergraph/dashboard';
import { auditPage, browserBackend, DESKTOP, launchChromium, PHONE } from '../support/browser';
import { linkToken, startMailbox } from '../support/mailbox';
import { inviteAndLogIn, tenantWithAdmin } from '../support/sessions';
import { errorCode, startTestSystem, TEST_ADMIN, type TestSystem } from '../support/testSystem';
import { waitFor } from '../support/waitFor';

/**
 * The dashboard's account-link, tenant-admin, platform-admin, batch and gateway pages in Debian's
 * Chromium against the whole system in production mode, with a real SMTP server receiving the
 * account emails. Every check is what a person sees (or gets: a download, an email).
 */
jest.setTimeout(180_000);

// PGlite unless FARMIQ_BROWSER_BACKEND says otherwise: the main walk covers PostgreSQL.
const BACKEND = browserBackend('pglite');

/** YYYY-MM-DD on the wall calendar of `timeZone`, `daysBack` days before today. */
const localDay = (timeZone: string, daysBack = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() - daysBack * 86_400_000));

/** Round half to even, as the billing rounds minor units. */
const halfEven = (value: number) => {
  const floor = Math.floor(value);
  const rest = value - floor;
  if (Math.abs(rest - 0.5) < 1e-9) return floor % 2 === 0 ? floor : floor + 1;
  return Math.round(value);
};
/** Minor units from a shown amount such as "US$1,234.56". */
const minorOf = (shown: string) => Math.round(Number(shown.replace(/[^0-9.-]/g, '')) * 100);

describe(`the admin, account-link and batch pages in a real browser on ${BACKEND}`, () => {
  let farmiq: TestSystem;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let browser: Browser;
  let dashboardUrl: string;
  let consoleErrors: string[];
  let tenant: Awaited<ReturnType<typeof tenantWithAdmin>>;

  beforeAll(async () => {
    if (!fs.existsSync(`${DASHBOARD_DIST}/index.html`)) throw new Error('no dashboard build: run `npm run dashboard:build` (npm install does)');
    mailbox = await startMailbox();
    farmiq = await startTestSystem(BACKEND, { NODE_ENV: 'production', SMTP_URL: mailbox.url });
    dashboardUrl = new URL('/', farmiq.gatewayUrl).toString();
    browser = await launchChromium();
    tenant = await tenantWithAdmin(farmiq, 'Riverbend Farms');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await farmiq?.stop();
    await mailbox?.close();
  });

  async function openDashboard(viewport = DESKTOP, pathname = '/'): Promise<Page> {
    const page = await (await browser.newContext({ viewport })).newPage();
    consoleErrors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    // Confirmations (remove, revoke, suspend) are answered yes.
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(new URL(pathname, dashboardUrl).toString());
    return page;
  }

  async function logIn(page: Page, email: string, password: string): Promise<void> {
    await page.getByLabel('Email').waitFor({ timeout: 10_000 });
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
  }

  const mailTo = (email: string, page: string) =>
    waitFor(() => {
      const mail = mailbox.received.filter((candidate) => candidate.to.includes(email)).at(-1);
      const token = mail && linkToken(mail, page);
      if (!token) throw new Error(`no ${page} mail to ${email} yet`);
      return token;
    }, 20_000);

  it('sends a reset link from the login page; the link sets a new password once, and it logs in', async () => {
    const user = await inviteAndLogIn(farmiq, tenant.admin.accessToken, tenant.tenantId, 'OPERATOR');
    const page = await openDashboard(PHONE);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await page.getByLabel('Email').fill(user.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('status').filter({ hasText: 'the email is on its way' }).waitFor();
    const token = await mailTo(user.email, 'reset-password');

    await page.goto(new URL(`/reset-password?token=${token}`, dashboardUrl).toString());
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    // The token leaves the address bar at once.
    expect(page.url()).not.toContain(token);
    expect(await auditPage(page, 'reset-password')).toEqual([]);
    const fresh = `riverbend reset ${randomUUID().slice(0, 8)}`;
    await page.getByLabel('New password', { exact: true }).fill(fresh);
    await page.getByLabel('Repeat the password').fill(`${fresh}x`);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('alert').filter({ hasText: 'The two passwords differ.' }).waitFor();
    await page.getByLabel('Repeat the password').fill(fresh);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your password is changed' }).waitFor();
    await page.getByRole('link', { name: 'Go to the login' }).click();
    await logIn(page, user.email, fresh);
    await page.getByRole('heading', { name: 'Riverbend Farms' }).waitFor();

    // The link is spent.
    const again = await openDashboard(PHONE, `/reset-password?token=${token}`);
    await again.getByLabel('New password', { exact: true }).fill('another good password 1');
    await again.getByLabel('Repeat the password').fill('another good password 1');
    await again.getByRole('button', { name: 'Set the new password' }).click();
    await again.getByRole('alert').filter({ hasText: 'invalid, expired or already used' }).waitFor();
    expect(consoleErrors.filter((text) => !text.includes('400'))).toEqual([]);
  });

  it('lets a tenant admin invite by email; the invitee accepts the link; the admin changes the role, disables and removes', async () => {
    const invitee = `new.hand-${randomUUID().slice(0, 6)}@riverbend.test`;
    const page = await openDashboard(DESKTOP);
    await logIn(page, tenant.admin.email, tenant.admin.password);
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    const invite = page.getByRole('form', { name: 'Invite someone' });
    await invite.getByLabel('Email').fill(invitee);
    await invite.getByLabel('Role').selectOption({ label: 'Farm manager' });
    await invite.getByRole('button', { name: 'Invite' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Invitation sent to ${invitee}` })
      .waitFor();
    const row = page.getByRole('row', { name: new RegExp(invitee.replace(/[.]/g, '\\.')) });
    await row.getByText('invited, not logged in yet').waitFor();
    expect(await row.getByRole('combobox').inputValue()).toBe('FARM_MANAGER');
    expect(await auditPage(page, 'users')).toEqual([]);

    const token = await mailTo(invitee, 'accept-invitation');
    const newcomer = await openDashboard(PHONE, `/accept-invitation?token=${token}`);
    await newcomer.getByRole('heading', { name: 'Accept your invitation' }).waitFor();
    await newcomer.getByLabel('New password', { exact: true }).fill('riverbend newcomer 2026');
    await newcomer.getByLabel('Repeat the password').fill('riverbend newcomer 2026');
    await newcomer.getByRole('button', { name: 'Set my password' }).click();
    await newcomer.getByRole('status').filter({ hasText: 'Your password is set' }).waitFor();
    expect(await auditPage(newcomer, 'accept-invitation')).toEqual([]);
    await newcomer.getByRole('link', { name: 'Go to the login' }).click();
    await logIn(newcomer, invitee, 'riverbend newcomer 2026');
    await newcomer.getByRole('heading', { name: 'Riverbend Farms' }).waitFor();

    await page.reload();
    await row.getByText('active').waitFor();
    await row.getByRole('combobox').selectOption('VIEWER');
    await page
      .getByRole('status')
      .filter({ hasText: `${invitee} has a new role` })
      .waitFor();
    await page.reload();
    expect(await row.getByRole('combobox').inputValue()).toBe('VIEWER');
    await row.getByRole('button', { name: `Disable ${invitee}` }).click();
    await row.getByText('disabled').waitFor();
    // Disabled: the password no longer logs in.
    const refused = await farmiq.graphql('mutation ($input: LoginInput!) { login(input: $input) { accessTokenExpiresAt } }', {
      input: { email: invitee, password: 'riverbend newcomer 2026' },
    });
    expect(errorCode(refused)).toBeDefined();
    await row.getByRole('button', { name: `Remove ${invitee}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${invitee} was removed.` })
      .waitFor();
    await row.waitFor({ state: 'detached' });
    expect(consoleErrors).toEqual([]);
  });

  it('creates an API client whose secret is shown once, gives it a new secret that replaces the old, and revokes it', async () => {
    const page = await openDashboard(PHONE, '/admin/api-clients');
    await logIn(page, tenant.admin.email, tenant.admin.password);
    const form = page.getByRole('form', { name: 'New API client for a partner' });
    await form.getByLabel('Name').fill('Feed mill partner');
    await form.getByLabel('Batches and KPIs (read)').check();
    await form.getByRole('button', { name: 'Create' }).click();
    await page.getByText('it is shown this once and never again', { exact: false }).waitFor();
    const clientId = (await page.locator('[data-secret="Client id"]').textContent())!;
    const secret = (await page.locator('[data-secret="Client secret"]').textContent())!;
    expect(await auditPage(page, 'api-client-secret')).toEqual([]);
    const TOKEN = 'mutation ($id: ID!, $secret: String!) { issueClientToken(clientId: $id, clientSecret: $secret) { scopes } }';
    expect((await farmiq.graphql(TOKEN, { id: clientId, secret })).data).toEqual({ issueClientToken: { scopes: ['FARMS_READ', 'KPI_READ'] } });

    await page.getByRole('button', { name: 'I have copied it' }).click();
    const row = page.getByRole('row', { name: /Feed mill partner/ });
    await row.getByText('Farms (read), Batches and KPIs (read)').waitFor();
    await page.reload();
    await row.waitFor();
    expect(await page.content()).not.toContain(secret);

    // A new secret: shown once; the old one gets no token any more, the new one does.
    await row.getByRole('button', { name: 'New secret Feed mill partner' }).click();
    const rotated = page.locator('[data-secret="Client secret"]');
    await rotated.waitFor();
    const newSecret = (await rotated.textContent())!;
    expect(newSecret).not.toBe(secret);
    expect(errorCode(await farmiq.graphql(TOKEN, { id: clientId, secret }))).toBe('UNAUTHENTICATED');
    expect((await farmiq.graphql(TOKEN, { id: clientId, secret: newSecret })).data).toEqual({ issueClientToken: { scopes: ['FARMS_READ', 'KPI_READ'] } });
    await page.getByRole('button', { name: 'I have copied it' }).click();

    await row.getByRole('button', { name: 'Revoke Feed mill partner' }).click();
    await row.getByText(/^revoked /).waitFor();
    expect(errorCode(await farmiq.graphql(TOKEN, { id: clientId, secret: newSecret }))).toBe('UNAUTHENTICATED');
    // A revoked client gets no new secret either.
    expect(
      errorCode(await farmiq.as(tenant.admin.accessToken)('mutation ($id: ID!) { rotateApiClientSecret(id: $id) { clientSecret } }', { id: clientId })),
    ).toBe('CONFLICT');
    expect(await auditPage(page, 'api-clients')).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('subscribes and upgrades with the cost shown before confirming; the invoice has the previewed lines, VAT and total', async () => {
    const page = await openDashboard(DESKTOP, '/admin/billing');
    await logIn(page, tenant.admin.email, tenant.admin.password);
    await page.getByText('No plan yet.').waitFor();
    // A country without a VAT rate is refused (no invoice could be issued); Thailand is kept.
    const profile = page.getByRole('form', { name: 'Billing profile' });
    await profile.getByLabel('Country (2 letters, sets the VAT)').fill('ZZ');
    await profile.getByRole('button', { name: 'Save' }).click();
    await profile.getByRole('alert').waitFor();
    await profile.getByLabel('Country (2 letters, sets the VAT)').fill('TH');
    await profile.getByRole('button', { name: 'Save' }).click();
    await profile.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.getByText('Billed in USD, VAT of TH').waitFor();
    const planForm = page.getByRole('form', { name: 'Choose a plan' });
    await planForm.getByLabel('Plan').selectOption('STARTER');
    await planForm.getByRole('button', { name: 'Show the cost' }).click();
    // Hand-worked: Starter is 49.00 USD a month; Thai VAT 7 % of 4,900 minor units = 343; total 5,243.
    await planForm.locator('[data-figure="subtotal"]').getByText('US$49.00').waitFor();
    expect(await planForm.locator('[data-figure="vat"]').textContent()).toBe('US$3.43');
    expect(await planForm.getByRole('row', { name: /VAT 7 %/ }).count()).toBe(1);
    await planForm.getByRole('button', { name: 'Confirm: pay US$52.43' }).click();
    await page.getByRole('status').filter({ hasText: 'Your plan is now Starter.' }).waitFor();
    await page.getByText('Plan: Starter, billed monthly').waitFor();
    await page
      .getByRole('row', { name: /Invoice 1/ })
      .getByText('US$52.43')
      .waitFor();

    const change = page.getByRole('form', { name: 'Change the plan' });
    await change.getByLabel('Plan').selectOption('ENTERPRISE');
    await change.getByRole('button', { name: 'Show the cost' }).click();
    await change.locator('[data-figure="total"]').waitFor();
    const subtotal = minorOf((await change.locator('[data-figure="subtotal"]').textContent())!);
    const vat = minorOf((await change.locator('[data-figure="vat"]').textContent())!);
    const total = minorOf((await change.locator('[data-figure="total"]').textContent())!);
    // The upgrade credits the unused Starter time and charges Enterprise for it, by the second. Seconds
    // after subscribing that is nearly a whole month of each: 799.00 − 49.00 = 750.00 USD, less the
    // (799.00 − 49.00) × elapsed / 2,592,000 s already used: 1.5 min cost about 0.03 USD.
    expect(subtotal).toBeLessThanOrEqual(75_000);
    expect(subtotal).toBeGreaterThan(74_500);
    expect(vat).toBe(halfEven(subtotal * 0.07));
    expect(total).toBe(subtotal + vat);
    expect(await auditPage(page, 'billing-preview')).toEqual([]);
    await change.getByRole('button', { name: /^Confirm: pay / }).click();
    await page.getByRole('status').filter({ hasText: 'Your plan is now Enterprise.' }).waitFor();
    // The next invoice: a whole Enterprise month, 799.00 USD; VAT 7 % of 79,900 minor units = 5,593; total 854.93 USD.
    const next = page.getByRole('region', { name: /^Next invoice, on / });
    await next.locator('[data-figure="total"]').getByText('US$854.93').waitFor();
    expect(await next.locator('[data-figure="vat"]').textContent()).toBe('US$55.93');
    await page.getByRole('link', { name: 'See the invoice' }).click();
    await page.getByRole('heading', { name: 'Invoice 2' }).waitFor();
    expect(minorOf((await page.locator('[data-figure="total"]').textContent())!)).toBe(total);
    expect(minorOf((await page.locator('[data-figure="vat"]').textContent())!)).toBe(vat);
    // Two lines: the Starter credit (negative) and the Enterprise charge.
    const lines = await page.locator('table.invoice-lines tbody tr').count();
    expect(lines).toBe(2);
    expect(await page.locator('table.invoice-lines tbody tr').first().textContent()).toMatch(/-US\$|−US\$|US\$-/);
    const descriptions = () => page.locator('table.invoice-lines tbody tr td:first-child').allTextContents();
    expect(await descriptions()).toEqual([
      expect.stringMatching(/^Unused time on Starter plan, monthly, .+ to .+ UTC$/),
      expect.stringMatching(/^Enterprise plan, monthly, .+ to .+ UTC$/),
    ]);
    expect(await auditPage(page, 'invoice')).toEqual([]);
    // A Thai reader reads the same lines in Thai (the invoice as issued keeps its English wording).
    await page.evaluate("localStorage.setItem('farmiq.locale', 'th')");
    await page.reload();
    await page.locator('table.invoice-lines tbody tr').first().waitFor();
    expect(await descriptions()).toEqual([
      expect.stringMatching(/^เวลาที่ไม่ได้ใช้ของแพ็กเกจ Starter รายเดือน .+ ถึง .+ UTC$/),
      expect.stringMatching(/^แพ็กเกจ Enterprise รายเดือน .+ ถึง .+ UTC$/),
    ]);
    await page.evaluate("localStorage.setItem('farmiq.locale', 'en')");
    expect(consoleErrors).toEqual([]);
  });

  it('shows the audit log filtered by action and downloads it as CSV', async () => {
    const page = await openDashboard(DESKTOP, '/admin/audit');
    await logIn(page, tenant.admin.email, tenant.admin.password);
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByLabel('Action').selectOption('API_CLIENT_CREATED');
    // The actor by email, not by id.
    await page
      .getByRole('row', { name: /API client created/ })
      .first()
      .getByText(tenant.admin.email)
      .waitFor();
    expect(await page.getByRole('row', { name: /Logged in/ }).count()).toBe(0);
    expect(await auditPage(page, 'audit')).toEqual([]);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const csv = fs.readFileSync(await (await download).path(), 'utf8');
    expect(csv).toContain('API_CLIENT_CREATED');
    expect(csv).toContain('USER_INVITED');
    // Every recorded action can be filtered on, the export itself included.
    await page.getByLabel('Action').selectOption('AUDIT_LOG_EXPORTED');
    await page
      .getByRole('row', { name: /Audit log exported/ })
      .first()
      .waitFor();
    expect(await page.getByRole('row', { name: /API client created/ }).count()).toBe(0);
    await page.getByLabel('Action').selectOption('API_CLIENT_CREATED');
    // In Thai, the same page: headings, actions and navigation from the Thai catalogue.
    await page.getByLabel('Language').selectOption('th');
    await page.getByRole('heading', { name: 'บันทึกการตรวจสอบ' }).waitFor();
    await page
      .getByRole('row', { name: /สร้างไคลเอนต์ API/ })
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'การเรียกเก็บเงิน' }).waitFor();
    expect(await auditPage(page, 'audit-th')).toEqual([]);
    await page.getByLabel('ภาษา').selectOption('en');
    expect(consoleErrors).toEqual([]);
  });

  it('refuses a VIEWER who forces an admin URL, as the API does', async () => {
    const viewer = await inviteAndLogIn(farmiq, tenant.admin.accessToken, tenant.tenantId, 'VIEWER');
    const page = await openDashboard(PHONE, '/admin/users');
    await logIn(page, viewer.email, viewer.password);
    await page.getByRole('alert').filter({ hasText: 'Your role does not allow this.' }).waitFor();
    expect(await page.getByRole('form').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await page.goto(new URL('/admin/billing', dashboardUrl).toString());
    await page.getByRole('alert').filter({ hasText: 'Your role does not allow this.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Show the cost' }).count()).toBe(0);
    expect(await auditPage(page, 'admin-refused')).toEqual([]);
    // The API says the same to the viewer's own token.
    const api = farmiq.as(viewer.accessToken);
    expect(errorCode(await api('{ members { nodes { email } } }'))).toBe('FORBIDDEN');
    expect(errorCode(await api('{ invoices { id } }'))).toBe('FORBIDDEN');
    expect(errorCode(await api('mutation { createApiClient(input: { name: "x", scopes: [FARMS_READ] }) { clientSecret } }'))).toBe('FORBIDDEN');
  });

  it('lets the platform admin create a tenant with its first admin, suspend it, and print claim labels that claim', async () => {
    const page = await openDashboard(DESKTOP);
    await logIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.getByRole('link', { name: 'Platform' }).click();
    await page.getByRole('heading', { name: 'Tenants' }).waitFor();
    const firstAdmin = `owner-${randomUUID().slice(0, 6)}@lowland.test`;
    const form = page.getByRole('form', { name: 'New tenant' });
    await form.getByLabel('Name').fill('Lowland Layers');
    await form.getByLabel('First admin’s email (optional)').fill(firstAdmin);
    await form.getByRole('button', { name: 'Create' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Tenant Lowland Layers created; invitation sent to ${firstAdmin}.` })
      .waitFor();
    expect(await mailTo(firstAdmin, 'accept-invitation')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = page.getByRole('row', { name: /Lowland Layers/ });
    await row.getByRole('button', { name: 'Suspend Lowland Layers' }).click();
    await row.getByText('suspended').waitFor();
    await row.getByRole('button', { name: 'Reinstate Lowland Layers' }).click();
    await row.getByText('active').waitFor();
    expect(await auditPage(page, 'tenants')).toEqual([]);

    await page.getByRole('link', { name: 'Register devices' }).click();
    const serials = [`LBL-${randomUUID().slice(0, 6)}`, `LBL-${randomUUID().slice(0, 6)}`];
    await page.getByLabel('Serial numbers (one per line)').fill(serials.join('\n'));
    await page.getByRole('combobox', { name: /^Kind/ }).selectOption('WATER_METER');
    await page.getByRole('button', { name: 'Register and make labels' }).click();
    await page.getByRole('heading', { name: 'Labels for 2 devices' }).waitFor();
    const sheet = page.getByRole('list', { name: 'Label sheet' });
    for (const serial of serials) await sheet.getByRole('img', { name: `QR code to claim ${serial}` }).waitFor();
    expect(await auditPage(page, 'labels')).toEqual([]);
    // Printed, the sheet is all there is: no navigation, no buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').first().isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print the labels' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    // The code printed on the label claims the device.
    const code = (await page.locator(`[data-claim-code="${serials[0]}"]`).textContent())!;
    const claimed = await farmiq.as(tenant.admin.accessToken)(
      'mutation ($s: String!, $c: String!) { claimDevice(input: { serialNumber: $s, claimCode: $c }) { status } }',
      { s: serials[0], c: code },
    );
    expect(claimed.data).toEqual({ claimDevice: { status: 'CLAIMED' } });

    // Rates: a VAT rate for a new country and an exchange rate, as the billing will use them.
    await page.getByRole('link', { name: 'VAT and exchange rates' }).click();
    const vatForm = page.getByRole('form', { name: 'VAT rate of a country' });
    await vatForm.getByLabel('Country (2 letters, sets the VAT)').fill('VN');
    await vatForm.getByLabel('VAT (%)').fill('8.5');
    await vatForm.getByLabel('From (day)').fill('2026-01-01');
    await vatForm.getByRole('button', { name: 'Save' }).click();
    await vatForm.getByRole('status').filter({ hasText: 'VAT of VN is 8.5 % from 1 Jan 2026.' }).waitFor();
    const exchange = page.getByRole('form', { name: 'Exchange rate' });
    await exchange.getByLabel('Rate (units of the second per one of the first)').fill('35.125');
    await exchange.getByRole('button', { name: 'Save' }).click();
    await exchange
      .getByRole('status')
      .filter({ hasText: /^1 USD = 35\.125 THB as of / })
      .waitFor();
    expect(await auditPage(page, 'rates')).toEqual([]);
    // The VAT rate is the billing's: a tenant may now bill in VN (and not in a country without one).
    const vnProfile = await farmiq.as(tenant.admin.accessToken)('mutation { setBillingProfile(input: { country: "VN", currency: "USD" }) { country } }');
    expect(vnProfile.data).toEqual({ setBillingProfile: { country: 'VN' } });
    await farmiq.as(tenant.admin.accessToken)('mutation { setBillingProfile(input: { country: "TH", currency: "USD" }) { country } }');
    await page.getByRole('link', { name: 'Register devices' }).click();

    // A factory CSV instead of typed serials.
    const fromCsv = `CSV-${randomUUID().slice(0, 6)}`;
    await page
      .getByLabel('Or a factory CSV (columns serialNumber, kind)')
      .setInputFiles({ name: 'factory.csv', mimeType: 'text/csv', buffer: Buffer.from(`serialNumber,kind\n${fromCsv},FEED_BIN\n`) });
    await page.getByRole('button', { name: 'Register and make labels' }).click();
    await page.getByRole('heading', { name: 'Labels for 1 devices' }).waitFor();
    await page.getByRole('list', { name: 'Label sheet' }).getByText('Feed bin').waitFor();
    await page.getByRole('img', { name: `QR code to claim ${fromCsv}` }).waitFor();

    // The second water meter's label was lost before anyone claimed it: a new label, a new code.
    const lostCode = (await farmiq.system.database!.prisma.device.findUniqueOrThrow({ where: { serialNumber: serials[1] } })).claimCodeHash;
    await page.getByRole('button', { name: 'Done' }).click();
    const reissue = page.getByRole('form', { name: 'New labels for registered devices' });
    await reissue.getByLabel('Serial numbers of unclaimed devices (one per line)').fill(serials[1]!);
    await reissue.getByRole('button', { name: 'Issue new codes and make labels' }).click();
    await page.getByRole('heading', { name: 'Labels for 1 devices' }).waitFor();
    await page.getByRole('img', { name: `QR code to claim ${serials[1]}` }).waitFor();
    const newCode = (await page.locator(`[data-claim-code="${serials[1]}"]`).textContent())!;
    expect((await farmiq.system.database!.prisma.device.findUniqueOrThrow({ where: { serialNumber: serials[1] } })).claimCodeHash).not.toBe(lostCode);
    const claimedAgain = await farmiq.as(tenant.admin.accessToken)(
      'mutation ($s: String!, $c: String!) { claimDevice(input: { serialNumber: $s, claimCode: $c }) { status } }',
      { s: serials[1], c: newCode },
    );
    expect(claimedAgain.data).toEqual({ claimDevice: { status: 'CLAIMED' } });
    // A claimed device's label is not made again: the form says so and changes nothing.
    await page.getByRole('button', { name: 'Done' }).click();
    await reissue.getByLabel('Serial numbers of unclaimed devices (one per line)').fill(serials[0]!);
    await reissue.getByRole('button', { name: 'Issue new codes and make labels' }).click();
    await reissue.getByRole('alert').filter({ hasText: serials[0]! }).waitFor();
    expect(await auditPage(page, 'registration')).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('places a batch with a target curve, records a day, health and a weighing, and shows growth, health score and ranking worked by hand', async () => {
    const api = farmiq.as(tenant.admin.accessToken);
    const farmId = (await api('mutation { createFarm(input: { name: "Riverbend East", timeZone: "Asia/Bangkok" }) { id } }')).data!.createFarm.id as string;
    await api('mutation ($f: ID!) { createBarn(input: { farmId: $f, name: "House A", species: BROILER, capacityHead: 5000 }) { id } }', { f: farmId });
    const placedOn = localDay('Asia/Bangkok', 14);
    const today = localDay('Asia/Bangkok');
    // A second batch to rank against: 1,000 placed at 0.04 kg, weighed 0.50 kg on day 14, 400 kg feed.
    const other = (
      await api(
        'mutation ($f: ID!, $d: Date!) { placeBatch(input: { farmId: $f, species: BROILER, placedOn: $d, headCountPlaced: 1000, placementWeightKg: 0.04 }) { id } }',
        { f: farmId, d: placedOn },
      )
    ).data!.placeBatch.id as string;
    await api('mutation ($b: ID!, $d: Date!) { recordWeighSession(batchId: $b, weightsKg: [0.5, 0.5], weighedOn: $d) { id } }', { b: other, d: today });
    await api('mutation ($b: ID!, $d: Date!) { recordFeed(input: { batchId: $b, recordedOn: $d, feedKg: 400 }) { id } }', { b: other, d: today });

    const page = await openDashboard(PHONE, `/farms/${farmId}`);
    await logIn(page, tenant.admin.email, tenant.admin.password);
    await page.getByRole('link', { name: 'Place a batch' }).click();
    await page.getByRole('heading', { name: 'Place a batch' }).waitFor();
    await page.getByLabel('Breed or line').fill('Ross 308');
    await page.getByLabel('Placement day (day of age 0)').fill(placedOn);
    await page.getByLabel('Head placed').fill('1000');
    await page.getByLabel('Average weight at placement (kg)').fill('0.04');
    await page.getByLabel('Target curve for this breed (optional)').fill('0 0.04\n28 0.84');
    expect(await auditPage(page, 'place-batch')).toEqual([]);
    await page.getByRole('button', { name: 'Place the batch' }).click();
    await page.getByRole('heading', { name: 'Record the day' }).waitFor();

    for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'One more: Dead (head)' }).click();
    await page.getByLabel('Feed (kg)').fill('500');
    await page.getByRole('button', { name: 'Save the day' }).click();
    await page.getByRole('form', { name: 'Record the day' }).getByRole('status').waitFor();
    const health = page.getByRole('form', { name: 'Health' });
    await health.getByLabel('Sick (head)').fill('20');
    await health.getByLabel('Treated (head)').fill('10');
    await health.getByLabel('Treatment given (optional)').fill('amoxicillin in water');
    await health.getByRole('button', { name: 'Save health' }).click();
    await health.getByRole('status').waitFor();
    const weigh = page.getByRole('form', { name: 'Weigh session' });
    await weigh.getByLabel('Weights (kg), as read off the scale').fill('0.40 0.42, 0.44\n0.46');
    await weigh.getByText(/4 weights, average 0\.43\skg/).waitFor();
    await weigh.getByRole('button', { name: 'Save the weighing' }).click();
    await weigh.getByRole('status').filter({ hasText: 'Saved 4 weights' }).waitFor();

    // Hand-worked, day 14: target = 0.04 + (0.84 − 0.04) × 14/28 = 0.44 kg; mean 0.43 kg;
    // deviation (0.43 − 0.44) / 0.44 = −2.27 %. Sample SD: squares 0.0009 + 0.0001 + 0.0001 + 0.0009
    // = 0.002, / 3 → 0.000667, √ = 0.02582; CV = 0.02582 / 0.43 = 6.0 %; all four within ±10 %.
    const kpi = (name: string) =>
      page
        .locator('.kpis > div')
        .filter({ has: page.getByText(name, { exact: true }) })
        .locator('dd');
    await waitFor(async () => expect(await kpi('Target weight').textContent()).toMatch(/^0\.44\skg$/), 10_000);
    expect(await kpi('Average weight').textContent()).toMatch(/^0\.43\skg$/);
    expect(await kpi('Against target').textContent()).toMatch(/^-2\.3\s%$/);
    expect(await kpi('CV of weights').textContent()).toMatch(/^6\s%$/);
    expect(await kpi('Within ±10 % of mean').textContent()).toMatch(/^100\s%$/);
    const growth = page.getByRole('table', { name: 'Weigh sessions' });
    expect(await growth.getByRole('row', { name: /^14 / }).locator('td').allTextContents()).toEqual([
      '14',
      '0.43\u00a0kg (4 weighed)',
      '0.44\u00a0kg',
      '-2.3\u00a0%',
    ]);
    // Health: mortality 5/1,000 → 100 − 5 = 95; sick 20/1,000 → 100 − 2 = 98; treated 10/1,000 → 100 − 1 = 99;
    // score 0.4 × 95 + 0.3 × 98 + 0.3 × 99 = 38 + 29.4 + 29.7 = 97.1.
    expect(await page.locator('[data-figure="health-score"]').textContent()).toBe('97.1');
    expect(
      await page
        .getByRole('row', { name: /^Sick animals/ })
        .locator('td')
        .allTextContents(),
    ).toEqual(['0.3', '2\u00a0%', '98']);
    expect(await auditPage(page, 'batch-growth')).toEqual([]);

    // Ranking. This batch: ADG (0.43 − 0.04) × 1000 / 14 = 27.86 g/day; FCR 500 / (995 × 0.43 − 1000 × 0.04)
    // = 500 / 387.85 = 1.289. The other: ADG 0.46 × 1000 / 14 = 32.86; FCR 400 / (1000 × 0.5 − 40) = 0.870.
    // The other is best on both (score 1, rank 1); this one worst on both (score 0, rank 2).
    await page.goto(new URL(`/farms/${farmId}/cohorts`, dashboardUrl).toString());
    await page.getByRole('heading', { name: 'Batches of Riverbend East compared' }).waitFor();
    const rows = page.getByRole('table').locator('tbody tr');
    await rows.nth(1).waitFor();
    expect(await rows.nth(0).locator('td').allTextContents()).toEqual(['1', '0.87\u00a0kg/kg', '32.9\u00a0g/day', '1 (1 + 1) / 2']);
    expect(await rows.nth(1).locator('td').allTextContents()).toEqual(['2', '1.289\u00a0kg/kg', '27.9\u00a0g/day', '0 (0 + 0) / 2']);
    expect(await rows.nth(1).getByRole('link').textContent()).toContain('House A');
    expect(await auditPage(page, 'cohorts')).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('registers an edge gateway with its key shown once, and rotates it to a new key', async () => {
    const farmId = (await farmiq.as(tenant.admin.accessToken)('mutation { createFarm(input: { name: "Riverbend West", timeZone: "Asia/Bangkok" }) { id } }'))
      .data!.createFarm.id as string;
    const page = await openDashboard(PHONE, `/farms/${farmId}/gateways`);
    await logIn(page, tenant.admin.email, tenant.admin.password);
    await page.getByRole('heading', { name: 'Edge gateways of Riverbend West' }).waitFor();
    await page.getByLabel('Name').fill('Barn edge');
    await page.getByRole('button', { name: 'Register a gateway' }).click();
    const secret = page.locator('[data-secret="EDGE_KEY_SECRET"]');
    await secret.waitFor();
    const first = { keyId: (await page.locator('[data-secret="EDGE_KEY_ID"]').textContent())!, secret: (await secret.textContent())! };
    expect(first.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await auditPage(page, 'gateway-key')).toEqual([]);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    const row = page.getByRole('row', { name: /Barn edge/ });
    await row.getByText(first.keyId).waitFor();
    await page.reload();
    await row.waitFor();
    expect(await page.content()).not.toContain(first.secret);
    await row.getByRole('button', { name: 'New key Barn edge' }).click();
    await secret.waitFor();
    const second = { keyId: (await page.locator('[data-secret="EDGE_KEY_ID"]').textContent())!, secret: (await secret.textContent())! };
    expect(second.keyId).not.toBe(first.keyId);
    expect(second.secret).not.toBe(first.secret);
    await page.getByText('The previous key keeps verifying until', { exact: false }).waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
