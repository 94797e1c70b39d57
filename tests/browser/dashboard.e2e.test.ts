import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import type { Browser, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { startIngestor, type Ingestor } from '../../edge-ingestor/ingestor';
import { loadConfig } from '../../lib/config';
import { INGEST_PATH } from '../../lib/edge/signedBatch';
import { createLogger } from '../../lib/logger';
import { verifyDeviceCredentials } from '../../subgraphs/devices/credentials/deviceCredentials';
import { DASHBOARD_DIST } from '../../supergraph/dashboard';
import { auditPage, browserBackend, DESKTOP, launchChromium, PHONE } from '../support/browser';
import { inviteAndLogIn, loginAsPlatformAdmin, tenantWithAdmin } from '../support/sessions';
import { startTestSystem, type TestSystem } from '../support/testSystem';

/**
 * The dashboard in Debian's Chromium against the whole system in production mode (strict
 * content security policy, Secure cookies): readings go the real way, a device publishing over
 * MQTT to a farm ingestor that forwards signed batches to the cloud, and the test asserts what a
 * person sees.
 */
// Two shared cores and a whole system in the test process: starting it alone can take a minute.
jest.setTimeout(180_000);

// The main walk on the real PostgreSQL whenever the run has one (CI always does).
const BACKEND = browserBackend('postgres');

describe(`the dashboard in a real browser on ${BACKEND}`, () => {
  let farmiq: TestSystem;
  let browser: Browser;
  let dashboardUrl: string;
  let consoleErrors: string[];
  // One farm, seeded through the API as a tenant admin would, with a climate sensor that publishes over MQTT.
  let tenant: { tenantId: string; admin: { accessToken: string; email: string; password: string } };
  let farmId: string;
  let barnId: string;
  let batchId: string;
  let device: { id: string; serial: string; password: string };
  let ingestor: Ingestor;
  let ingestorDir: string;
  let sensor: MqttClient;

  beforeAll(async () => {
    if (!fs.existsSync(`${DASHBOARD_DIST}/index.html`)) throw new Error('no dashboard build: run `npm run dashboard:build` (npm install does)');
    farmiq = await startTestSystem(BACKEND, { NODE_ENV: 'production' });
    dashboardUrl = new URL('/', farmiq.gatewayUrl).toString();
    browser = await launchChromium();

    tenant = await tenantWithAdmin(farmiq, 'Sunrise Poultry');
    const api = farmiq.as(tenant.admin.accessToken);
    farmId = (await api('mutation { createFarm(input: { name: "Sunrise North", timeZone: "Asia/Bangkok" }) { id } }')).data!.createFarm.id;
    barnId = (
      await api('mutation ($f: ID!) { createBarn(input: { farmId: $f, name: "House 1", species: BROILER, capacityHead: 20000 }) { id } }', { f: farmId })
    ).data!.createBarn.id;
    const placedOn = new Date(Date.now() + 7 * 3_600_000 - 10 * 86_400_000).toISOString().slice(0, 10);
    batchId = (
      await api(
        'mutation ($f: ID!, $b: ID!, $d: Date!) { placeBatch(input: { farmId: $f, barnId: $b, species: BROILER, placedOn: $d, headCountPlaced: 18000, placementWeightKg: 0.042 }) { id } }',
        { f: farmId, b: barnId, d: placedOn },
      )
    ).data!.placeBatch.id;
    const serial = `CL-${randomUUID().slice(0, 8)}`;
    const platform = farmiq.as((await loginAsPlatformAdmin(farmiq)).accessToken);
    const label = (
      await platform('mutation ($s: String!) { registerDevices(input: { devices: [{ serialNumber: $s, kind: CLIMATE }] }) { device { id } claimLink } }', {
        s: serial,
      })
    ).data!.registerDevices[0];
    await api('mutation ($l: String) { claimDevice(input: { claimLink: $l }) { id } }', { l: label.claimLink });
    const activated = await api('mutation ($d: ID!, $b: ID!) { activateDevice(input: { deviceId: $d, barnId: $b, name: "Climate north" }) { mqttPassword } }', {
      d: label.device.id,
      b: barnId,
    });
    device = { id: label.device.id, serial, password: activated.data!.activateDevice.mqttPassword };
    const edge = (await api('mutation ($f: ID!) { registerEdgeGateway(input: { farmId: $f, name: "Barn edge" }) { keyId secret } }', { f: farmId })).data!
      .registerEdgeGateway;

    ingestorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-dashboard-edge-'));
    const db = farmiq.system.database!.prisma;
    ingestor = await startIngestor(
      loadConfig({
        NODE_ENV: 'test',
        FARMIQ_DATA_DIR: ingestorDir,
        MQTT_PORT: '0',
        INGEST_URL: new URL(INGEST_PATH, farmiq.gatewayUrl).toString(),
        EDGE_KEY_ID: edge.keyId,
        EDGE_KEY_SECRET: edge.secret,
        FORWARD_BATCH_MAX_WAIT_MS: '50',
      }),
      createLogger('silent'),
      { authenticateDevice: (username, password) => verifyDeviceCredentials(db, username, password) },
    );
    sensor = await mqtt.connectAsync(ingestor.brokerUrl.replace(/\/\/[^@]*@/, '//'), {
      username: device.id,
      password: device.password,
      clientId: device.id,
      protocolVersion: 4,
      reconnectPeriod: 0,
    });
  }, 180_000);

  afterAll(async () => {
    await sensor?.endAsync();
    await ingestor?.stop();
    await browser?.close();
    await farmiq?.stop();
    if (ingestorDir) fs.rmSync(ingestorDir, { recursive: true, force: true });
  });

  /** The sensor publishes one message, as a device in the barn does. */
  async function publish(metrics: Record<string, number>): Promise<number> {
    const payload = { eventId: randomUUID(), timestamp: new Date().toISOString(), metrics };
    await sensor.publishAsync(`farmiq/devices/${device.id}/telemetry`, JSON.stringify(payload), { qos: 1 });
    return Date.now();
  }

  /**
   * Publishes `metrics` every half second until `shown` appears: the page's subscription is then
   * surely running, so the next reading's delay measures delivery, not the socket's start-up.
   */
  async function untilLive(metrics: Record<string, number>, shown: { waitFor(options: { timeout: number }): Promise<void> }): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      await publish(metrics);
      try {
        await shown.waitFor({ timeout: 500 });
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
    // The server keeps at most one reading a second per device and metric (everySeconds): the
    // timed reading must not fall into the warm-up's second.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
  }

  async function openDashboard(viewport = DESKTOP, pathname = '/'): Promise<Page> {
    const page = await (await browser.newContext({ viewport })).newPage();
    consoleErrors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(new URL(pathname, dashboardUrl).toString());
    return page;
  }

  async function logIn(page: Page, email: string, password: string): Promise<void> {
    await page
      .getByLabel('Email')
      .waitFor({ timeout: 10_000 })
      .catch(async (error: Error) => {
        throw new Error(`${error.message}\nthe page shows: ${await page.locator('body').innerText()}\nconsole: ${consoleErrors.join('\n')}`);
      });
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
  }

  it('logs a tenant admin in with cookies and shows its farms, batches, alert rules and plan from all five subgraphs', async () => {
    const { tenantId, admin } = await tenantWithAdmin(farmiq, 'Green Valley Pork');
    const api = farmiq.as(admin.accessToken);
    const farm = await api('mutation { createFarm(input: { name: "Valley East", timeZone: "Asia/Bangkok" }) { id } }');
    const valleyFarmId = farm.data!.createFarm.id as string;
    for (const heads of [1_200, 800]) {
      await api(
        'mutation ($farmId: ID!, $heads: Int!) { placeBatch(input: { farmId: $farmId, species: PIG, placedOn: "2026-10-01", headCountPlaced: $heads, placementWeightKg: 7.5 }) { id } }',
        { farmId: valleyFarmId, heads },
      );
    }
    const barn = await api('mutation ($farmId: ID!) { createBarn(input: { farmId: $farmId, name: "House 1", species: PIG, capacityHead: 2000 }) { id } }', {
      farmId: valleyFarmId,
    });
    await api('mutation ($barnId: ID!) { createAlertRule(input: { barnId: $barnId, metric: "ammoniaPpm", comparison: ABOVE, threshold: 25 }) { id } }', {
      barnId: barn.data!.createBarn.id,
    });
    await api('mutation { subscribe(input: { plan: ENTERPRISE }) { id } }');
    expect(tenantId).toBeDefined();

    const page = await openDashboard();
    await logIn(page, admin.email, admin.password);
    await page.getByRole('heading', { name: 'Green Valley Pork' }).waitFor();
    await page.getByText('Plan: ENTERPRISE').waitFor();
    const row = page.getByRole('row', { name: /Valley East/ });
    // The farms table renders with its own query, which may answer after the plan's.
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual(['Asia/Bangkok', '1', '2', '2,000', '1']);
    expect(await auditPage(page, 'home')).toEqual([]);

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
    expect(await auditPage(page, 'login')).toEqual([]);
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

  it('shows a barn card with live climate, THI in the species band, day of age and head count, updated from MQTT within 2 s', async () => {
    const page = await openDashboard(PHONE);
    await logIn(page, tenant.admin.email, tenant.admin.password);
    await page.getByRole('link', { name: 'Sunrise North' }).click();
    const card = page.getByRole('article', { name: 'House 1' });
    await card.getByText('Day 10 of age').waitFor();
    await card.getByText('18,000 head alive').waitFor();
    await untilLive({ temperatureC: 29.75 }, card.locator('[data-metric="temperatureC"]').getByText(/29\.8\s°C/));
    // Hand-worked: THI = (1.8·31.5 + 32) − (0.55 − 0.0055·70)·(1.8·31.5 − 26) = 88.7 − 0.165·30.7 = 83.63.
    const publishedAt = await publish({ temperatureC: 31.5, relativeHumidityPercent: 70, ammoniaPpm: 12, co2Ppm: 2100 });
    await card
      .locator('[data-metric="temperatureC"]')
      .getByText(/31\.5\s°C/)
      .waitFor({ timeout: 2_000 });
    const seenAfterMs = Date.now() - publishedAt;
    await card.locator('[data-metric="relativeHumidityPercent"]').getByText(/70\s%/).waitFor();
    await card
      .locator('[data-metric="co2Ppm"]')
      .getByText(/2,100\sppm/)
      .waitFor();
    const thi = card.locator('[data-metric="temperatureHumidityIndex"]');
    await thi.getByText('83.6').waitFor();
    await thi.getByText('danger (heat stress from 75)').waitFor();
    expect(seenAfterMs).toBeLessThan(2_000);
    expect(await auditPage(page, 'farm-overview')).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('draws the barn page live: a reading published over MQTT shows within 2 s; the range is in the URL; CSV downloads', async () => {
    await publish({ temperatureC: 30.5 });
    const page = await openDashboard(DESKTOP, `/farms/${farmId}/barns/${barnId}`);
    await logIn(page, tenant.admin.email, tenant.admin.password);
    await page.getByRole('heading', { name: 'House 1' }).waitFor();
    const temperature = page.getByRole('article', { name: 'Temperature (°C) · Climate north' });
    await temperature.locator('canvas').waitFor();
    await untilLive({ temperatureC: 31.25 }, temperature.locator('.latest').getByText(/Latest: 31\.3\s°C/));
    const publishedAt = await publish({ temperatureC: 32.25 });
    await temperature
      .locator('.latest')
      .getByText(/Latest: 32\.3\s°C/)
      .waitFor({ timeout: 2_000 });
    expect(Date.now() - publishedAt).toBeLessThan(2_000);
    // The device list says when it was last heard from.
    await page
      .getByRole('row', { name: /Climate north/ })
      .getByText('active')
      .waitFor();
    expect(await auditPage(page, 'barn')).toEqual([]);

    // A bookmarked range survives a reload.
    await page.getByRole('button', { name: '24 hours' }).click();
    await page.waitForURL(/range=24h/);
    await page.reload();
    await page.getByRole('button', { name: '24 hours', pressed: true }).waitFor();
    await page.getByText('Buckets of 5 minutes, times in Asia/Bangkok').waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: `CSV Climate north` }).click();
    const csv = fs.readFileSync(await (await download).path(), 'utf8');
    expect(csv.split('\r\n')[0] ?? csv.split('\n')[0]).toMatch(/^observedAt,observedAtLocal,metric,value,unit/);
    expect(csv).toContain('temperatureC,32.25');
    expect(consoleErrors).toEqual([]);
  });

  it('adds a rule in the editor, shows the alert its readings raise in the inbox without a reload, and acknowledges it', async () => {
    const page = await openDashboard(PHONE, `/farms/${farmId}/barns/${barnId}/rules`);
    await logIn(page, tenant.admin.email, tenant.admin.password);
    await page.getByRole('heading', { name: 'Alert rules: House 1' }).waitFor();
    await page.getByRole('row', { name: /Heat stress \(THI\)/ }).waitFor();
    await page.getByLabel('Threshold (°C)').fill('33');
    await page.getByLabel('Clear threshold (°C, optional)').fill('31');
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByRole('row', { name: /Temperature Above 33\s°C/ }).waitFor();
    expect(await auditPage(page, 'rules')).toEqual([]);

    await page.getByRole('link', { name: 'Alerts' }).click();
    await page.getByText('No alerts here.').waitFor();
    await publish({ temperatureC: 35.5 });
    const alert = page.getByRole('article', { name: 'Temperature · House 1' });
    await alert.getByText(/worst 35\.5\s°C/).waitFor({ timeout: 5_000 });
    expect(await auditPage(page, 'alerts')).toEqual([]);
    await alert.getByRole('button', { name: /Acknowledge/ }).click();
    await page.getByText('No alerts here.').waitFor();
    await page.getByRole('button', { name: 'Acknowledged' }).click();
    await page.getByRole('article', { name: 'Temperature · House 1' }).getByText(`Acknowledged by ${tenant.admin.email}`, { exact: false }).waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it('shows a VIEWER no edit controls: no rule form, no acknowledge button', async () => {
    const viewer = await inviteAndLogIn(farmiq, tenant.admin.accessToken, tenant.tenantId, 'VIEWER');
    // An alert to (not) acknowledge: the rule from above raises on a hot reading.
    await publish({ temperatureC: 30 });
    await publish({ temperatureC: 36 });
    // This test is about a viewer's controls (the inbox's live updates are the test above's): the
    // page opens once the new alert exists, so a loaded machine's slower ingest cannot race it.
    const api = farmiq.as(tenant.admin.accessToken);
    const unacknowledged = async () =>
      (await api('query ($f: ID!) { alerts(farmId: $f, status: ACTIVE) { nodes { peakValue acknowledgedAt } } }', { f: farmId })).data?.alerts.nodes.filter(
        (alert: { peakValue: number; acknowledgedAt: string | null }) => alert.peakValue === 36 && !alert.acknowledgedAt,
      ).length;
    for (const deadline = Date.now() + 30_000; (await unacknowledged()) !== 1 && Date.now() < deadline;)
      await new Promise((resolve) => setTimeout(resolve, 200));
    const page = await openDashboard(DESKTOP, `/farms/${farmId}/barns/${barnId}/rules`);
    await logIn(page, viewer.email, viewer.password);
    await page.getByRole('heading', { name: 'Alert rules: House 1' }).waitFor();
    await page.getByRole('row', { name: /Temperature Above 33\s°C/ }).waitFor();
    expect(await page.getByRole('button', { name: /Add rule|Delete|Turn off/ }).count()).toBe(0);
    expect(await page.getByRole('form').count()).toBe(0);
    await page.getByRole('link', { name: 'Alerts' }).click();
    await page.getByRole('heading', { name: 'Alerts' }).waitFor();
    // The 30 °C reading cleared the acknowledged alert; 36 °C raised a new one, unacknowledged.
    await page
      .getByRole('article', { name: 'Temperature · House 1' })
      .getByText(/worst 36\s°C/)
      .waitFor();
    expect(await page.getByRole('button', { name: /^Acknowledge / }).count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  it('claims a device from a photo of its QR label, activates it in a barn and shows its credentials once', async () => {
    const serial = `WM-${randomUUID().slice(0, 8)}`;
    const platform = farmiq.as((await loginAsPlatformAdmin(farmiq)).accessToken);
    const label = (
      await platform('mutation ($s: String!) { registerDevices(input: { devices: [{ serialNumber: $s, kind: WATER_METER }] }) { claimLink } }', { s: serial })
    ).data!.registerDevices[0];
    const page = await openDashboard(PHONE, '/devices');
    await logIn(page, tenant.admin.email, tenant.admin.password);
    await page.getByRole('heading', { name: 'Claim a device' }).waitFor();
    // The camera path gets the label as a photo file.
    await page
      .getByLabel("Scan the label's QR code (camera or image file)")
      .setInputFiles({ name: 'label.png', mimeType: 'image/png', buffer: await QRCode.toBuffer(label.claimLink, { scale: 6 }) });
    await page
      .getByRole('status')
      .filter({ hasText: `${serial} is yours now` })
      .waitFor();
    const activation = page.getByRole('form', { name: `Place and activate ${serial}` });
    await activation.getByLabel('Name').fill('Water line A');
    await activation.getByRole('button', { name: 'Activate' }).click();
    await page.getByText('the password is shown this once and never again', { exact: false }).waitFor();
    const password = (await page.locator('[data-credential="Password"]').textContent())!;
    expect(password).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await auditPage(page, 'device-credentials')).toEqual([]);
    // The password is real: the device connects with it.
    const deviceId = (await page.locator('[data-credential="User name"]').textContent())!;
    const connected = await mqtt.connectAsync(ingestor.brokerUrl.replace(/\/\/[^@]*@/, '//'), {
      username: deviceId,
      password,
      clientId: deviceId,
      protocolVersion: 4,
      reconnectPeriod: 0,
    });
    await connected.endAsync();
    await page.getByRole('button', { name: 'I have copied them' }).click();
    await page
      .getByRole('row', { name: /Water line A/ })
      .getByText('active')
      .waitFor();
    await page.reload();
    await page.getByRole('row', { name: /Water line A/ }).waitFor();
    expect(await page.content()).not.toContain(password);
    expect(await auditPage(page, 'devices')).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('records the day on a phone and shows the KPIs worked out by hand, with reasons in words where there is none', async () => {
    const page = await openDashboard(PHONE, `/farms/${farmId}`);
    await logIn(page, tenant.admin.email, tenant.admin.password);
    await page.getByRole('link', { name: /Day 10 of age/ }).click();
    await page.getByRole('heading', { name: 'Record the day' }).waitFor();
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'One more: Dead (head)' }).click();
    await page.getByRole('button', { name: 'One more: Culled (head)' }).click();
    await page.getByLabel('Feed (kg)').fill('1200');
    await page.getByLabel('Water (L)').fill('2100');
    await page.getByRole('button', { name: 'Save the day' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    // Hand-worked: mortality (3 + 1) / 18,000 = 0.0222 %; livability 99.98 %; water:feed 2,100 L / 1,200 kg = 1.75 L/kg.
    await page.getByText('17,996 of 18,000 head alive · 3 dead, 1 culled').waitFor();
    const kpi = (name: string) =>
      page
        .locator('.kpis > div')
        .filter({ has: page.getByText(name, { exact: true }) })
        .locator('dd');
    // The four records are stored one after another; the page shows the day once the last is in.
    await kpi('Water : feed').filter({ hasText: 'L/kg' }).waitFor();
    expect(await kpi('Mortality').textContent()).toMatch(/^0\.02\s%$/);
    expect(await kpi('Livability').textContent()).toMatch(/^99\.98\s%$/);
    expect(await kpi('Water : feed').textContent()).toMatch(/^1\.75\sL\/kg$/);
    expect(await kpi('FCR (standard)').textContent()).toBe('no weigh session yet');
    expect(await kpi('Average weight').textContent()).toBe('no weigh session yet');
    expect(await auditPage(page, 'batch')).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it("shows a platform scale's weigh session live as it is finalized, with its uniformity worked out by hand and its weights as a histogram", async () => {
    const page = await openDashboard(DESKTOP, `/farms/${farmId}/batches/${batchId}`);
    await logIn(page, tenant.admin.email, tenant.admin.password);
    const panel = page.getByRole('region', { name: 'Weigh sessions' });
    await panel.getByText(/^No weigh session yet/).waitFor();
    // The scale's session of the farm's today (Asia/Bangkok, UTC+7), while the page is open.
    const api = farmiq.as(tenant.admin.accessToken);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const sessionId = (
      await api('mutation ($b: ID!, $d: Date!) { openWeighSession(input: { batchId: $b, source: PLATFORM_SCALE, weighedOn: $d }) { id } }', {
        b: batchId,
        d: today,
      })
    ).data!.openWeighSession.id;
    await api('mutation ($s: ID!) { recordSessionWeights(sessionId: $s, weightsKg: [2.0, 2.2, 2.4, 2.6]) { id } }', { s: sessionId });
    await api('mutation ($s: ID!) { finalizeWeighSession(sessionId: $s) { id } }', { s: sessionId });
    const row = panel.getByRole('row').filter({ hasText: 'platform scale' });
    await row.getByText('finalized').waitFor();
    // Hand-worked: mean 2.3 kg; sample SD √((0.09 + 0.01 + 0.01 + 0.09) / 3) = 0.2582 kg, CV 11.2 %; within 2.3 ± 0.23 kg: 2.2 and 2.4, 50 %.
    const cells = (await row.getByRole('cell').allTextContents()).slice(1).map((text) => text.replace(/\u00a0/g, ' '));
    expect(cells).toEqual(['platform scale', 'finalized', '4', '2.3 kg', '11.2 %', '50 %', '0']);
    await row.getByRole('button').click();
    const bars = panel.getByRole('listitem');
    // 0.1 kg bars from 2.0 to 2.7 kg: one bird in every other bar.
    expect((await bars.evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')))).map((label) => label!.replace(/\u00a0/g, ' '))).toEqual([
      '2 kg to 2.1 kg: 1',
      '2.1 kg to 2.2 kg: 0',
      '2.2 kg to 2.3 kg: 1',
      '2.3 kg to 2.4 kg: 0',
      '2.4 kg to 2.5 kg: 1',
      '2.5 kg to 2.6 kg: 0',
      '2.6 kg to 2.7 kg: 1',
    ]);
    expect(await auditPage(page, 'batch-weigh-sessions')).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('lets a tenant admin invite without email: the temporary password is shown once and logs the newcomer in', async () => {
    // This system sends no email, so the invitation falls back to a temporary password.
    const page = await openDashboard(PHONE, '/admin/users');
    await logIn(page, tenant.admin.email, tenant.admin.password);
    const invitee = `night.shift-${randomUUID().slice(0, 6)}@sunrise.test`;
    const invite = page.getByRole('form', { name: 'Invite someone' });
    await invite.getByLabel('Email').fill(invitee);
    await invite.getByRole('button', { name: 'Invite' }).click();
    const shown = page.locator('[data-secret="Temporary password"]');
    await shown.waitFor();
    const temporary = (await shown.textContent())!;
    expect(await auditPage(page, 'users-temporary-password')).toEqual([]);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page
      .getByRole('row', { name: new RegExp(invitee.replace(/[.]/g, '\\.')) })
      .getByText('invited, not logged in yet')
      .waitFor();
    expect(await page.content()).not.toContain(temporary);

    const newcomer = await openDashboard(PHONE);
    await logIn(newcomer, invitee, temporary);
    await newcomer.getByRole('alert').filter({ hasText: 'temporary' }).waitFor();
    await newcomer.getByLabel('New password').fill('sunrise night shift 2026');
    await newcomer.getByRole('button', { name: 'Log in' }).click();
    await newcomer.getByRole('heading', { name: 'Sunrise Poultry' }).waitFor();
    // An operator by default: no admin pages offered.
    expect(await newcomer.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  it('speaks Thai: the catalogue, Thai numerals and dates in the farm time zone', async () => {
    const page = await openDashboard(PHONE, `/farms/${farmId}`);
    await logIn(page, tenant.admin.email, tenant.admin.password);
    await page.getByRole('article', { name: 'House 1' }).waitFor();
    await page.getByLabel('Language').selectOption('th');
    await page.getByRole('link', { name: 'โรงเรือน' }).waitFor();
    await page.getByText('เวลาตามเขต Asia/Bangkok').waitFor();
    // 18,000 placed, less the deaths recorded by the test before this one.
    await page.getByText(/มีชีวิต 1\d,\d{3} ตัว/).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('th');
    expect(await auditPage(page, 'farm-overview-th')).toEqual([]);
  });
});
