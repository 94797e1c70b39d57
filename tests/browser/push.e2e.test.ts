import fs from 'node:fs';
import net from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { generateVapidKeys } from '../../lib/notifications/vapidKeys';
import { DASHBOARD_DIST } from '../../supergraph/dashboard';
import { auditPage, launchChromium } from '../support/browser';
import { tenantWithAdmin } from '../support/sessions';
import { startTestSystem, type TestSystem } from '../support/testSystem';

/**
 * The dashboard's half of Web Push in Debian's Chromium, against the whole system in production
 * mode (helmet's strict content security policy): the app registers its service worker, the
 * notification settings page offers the switch, and the service worker turns a push message into
 * the notification the person sees.
 *
 * What this does not prove: headless Chromium on a machine without internet reaches no real push
 * service (Google's FCM for Chrome), so `pushManager.subscribe` cannot succeed here, and the push
 * is handed to the service worker by the DevTools protocol (ServiceWorker.deliverPushMessage)
 * rather than arriving encrypted from a push service. The encryption, VAPID signature and the
 * server's delivery are proven against an RFC push service in tests/web-push.test.ts.
 */
jest.setTimeout(180_000);

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Web Push in a real browser', () => {
  let farmiq: TestSystem;
  let browser: Browser;
  let dashboardUrl: string;
  const vapid = generateVapidKeys();

  beforeAll(async () => {
    if (!fs.existsSync(`${DASHBOARD_DIST}/sw.js`)) throw new Error('no dashboard build with its service worker: run `npm run dashboard:build`');
    // localhost: a secure context without TLS, which service workers need.
    dashboardUrl = `http://localhost:${await freePort()}/`;
    farmiq = await startTestSystem('pglite', {
      NODE_ENV: 'production',
      PORT: new URL(dashboardUrl).port,
      FARMIQ_PUBLIC_URL: dashboardUrl,
      VAPID_PUBLIC_KEY: vapid.publicKey,
      VAPID_PRIVATE_KEY: vapid.privateKey,
      VAPID_SUBJECT: 'mailto:ops@farmiq.test',
    });
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await farmiq?.stop();
  });

  it('should serve the service worker under the production security headers, register it, and show the notification switch without accessibility violations', async () => {
    const worker = await fetch(new URL('/sw.js', dashboardUrl));
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    // helmet's policy: scripts (and so workers, which fall back to script-src) from the origin only.
    expect(worker.headers.get('content-security-policy')).toContain("script-src 'self'");

    const { admin } = await tenantWithAdmin(farmiq, 'Pushy Poultry');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['notifications'], { origin: new URL(dashboardUrl).origin });
    const page: Page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(dashboardUrl);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Pushy Poultry' }).waitFor();

    // The app registered its worker at start, under the page's content security policy.
    const scriptUrl = await page.evaluate('navigator.serviceWorker.ready.then((registration) => registration.active && registration.active.scriptURL)');
    expect(scriptUrl).toBe(new URL('/sw.js', dashboardUrl).href);

    await page.getByRole('link', { name: 'Notifications' }).click();
    await page.getByRole('heading', { name: 'Alert notifications' }).waitFor();
    const toggle = page.getByRole('switch', { name: 'Push notifications on this device' });
    await toggle.waitFor();
    expect(await toggle.isEnabled()).toBe(true);
    expect(await toggle.isChecked()).toBe(false);
    expect(await auditPage(page, 'notification-settings')).toEqual([]);

    // The same page in Thai.
    await page.evaluate("localStorage.setItem('farmiq.locale', 'th')");
    await page.reload();
    await page.getByRole('switch', { name: 'แจ้งเตือนแบบพุชบนอุปกรณ์นี้' }).waitFor();
    expect(await auditPage(page, 'notification-settings-th')).toEqual([]);

    // A push handed to the worker becomes the notification, with the alert's text and its page to open.
    const devtools = await context.newCDPSession(page);
    const registrations = new Promise<Array<{ registrationId: string; scopeURL: string; isDeleted: boolean }>>((resolve) =>
      devtools.on('ServiceWorker.workerRegistrationUpdated', (event) => resolve(event.registrations)),
    );
    await devtools.send('ServiceWorker.enable');
    const registration = (await registrations).find((entry) => entry.scopeURL === dashboardUrl && !entry.isDeleted)!;
    const alert = {
      title: '[วิกฤต] แอมโมเนียสูง เกิดขึ้น',
      body: 'เวลา (ฟาร์ม): 20 พ.ย. 2569 08:11 Asia/Bangkok',
      lang: 'th',
      tag: 'alert-1',
      url: '/farms/f-1/alerts',
      severity: 'CRITICAL',
    };
    // The push is handed over once the page has an active worker (after the reload above, a busy
    // machine may still be activating it), and again if nothing shows: a push to a worker that is
    // not running yet can be dropped, and the same tag replaces rather than adds a notification.
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    let shown: unknown[] = [];
    for (let attempt = 0; attempt < 3 && shown.length === 0; attempt++) {
      await devtools.send('ServiceWorker.deliverPushMessage', {
        origin: new URL(dashboardUrl).origin,
        registrationId: registration.registrationId,
        data: JSON.stringify(alert),
      });
      shown = await page.evaluate(`(async () => {
        const ready = await navigator.serviceWorker.ready;
        for (let tries = 0; tries < 50; tries++) {
          const notifications = await ready.getNotifications();
          if (notifications.length > 0) return notifications.map((n) => ({ title: n.title, body: n.body, tag: n.tag, lang: n.lang, requireInteraction: n.requireInteraction, data: n.data }));
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return [];
      })()`);
    }
    expect(shown).toEqual([{ title: alert.title, body: alert.body, tag: 'alert-1', lang: 'th', requireInteraction: true, data: { url: '/farms/f-1/alerts' } }]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
