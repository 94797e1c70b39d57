/*
 * FarmIQ's service worker: shows the alerts the server pushes (subgraphs/telemetry/notifications/
 * pushSender.ts, AlertPushPayload) while no FarmIQ tab is open, and opens the alert when tapped.
 * The browser has decrypted the message already (aes128gcm); it carries its text in the person's
 * language. Plain JavaScript served as-is from the dashboard's origin at /sw.js (scope /), so
 * helmet's `script-src 'self'` covers it. It caches nothing: the dashboard is always the server's.
 */
/* global self, URL */

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  let alert = null;
  try {
    alert = event.data ? event.data.json() : null;
  } catch {
    alert = null;
  }
  // A push must always show something (userVisibleOnly): an unreadable one shows the bare name.
  const title = alert && typeof alert.title === 'string' ? alert.title : 'FarmIQ';
  const options = {
    body: alert && typeof alert.body === 'string' ? alert.body : '',
    lang: alert && typeof alert.lang === 'string' ? alert.lang : undefined,
    // One notification per alert: its clearing replaces its raise on the phone.
    tag: alert && typeof alert.tag === 'string' ? alert.tag : undefined,
    renotify: Boolean(alert && alert.tag),
    // A critical alert stays on the screen until someone looks at it.
    requireInteraction: Boolean(alert && alert.severity === 'CRITICAL'),
    data: { url: alert && typeof alert.url === 'string' ? alert.url : '/' },
  };
  event.waitUntil(self.registration.showNotification(title, options));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL(event.notification.data && event.notification.data.url ? event.notification.data.url : '/', self.location.origin);
  // Only the dashboard's own pages: a payload never sends anyone elsewhere.
  if (target.origin !== self.location.origin) return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (open) return open.focus().then((client) => client.navigate(target.href));
      return self.clients.openWindow(target.href);
    }),
  );
});
