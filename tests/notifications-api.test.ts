import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { SIGNATURE_HEADER, verifyWebhookSignature } from '../lib/crypto/webhookSignature';
import { appendEvent } from '../lib/events/outbox';
import { READINGS_STORED, type ReadingEvent } from '../lib/events/topics';
import { DELIVERY_ID_HEADER } from '../lib/delivery/webhookSender';
import { backends } from './support/postgres';
import { inviteAndLogIn, tenantWithAdmin } from './support/sessions';
import { errorCode, startTestSystem, type TestSystem } from './support/testSystem';
import { waitFor } from './support/waitFor';

const SUBSCRIBE = `mutation ($input: SubscribeToAlertsInput!) { subscribeToAlerts(input: $input) { id channel address language minSeverity farm { id } quietHours { startMinute endMinute } } }`;
const MINE = `{ myNotificationSubscriptions { id address } }`;
const CREATE_WEBHOOK = `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id url enabled lastFailureReason farm { id } } } }`;
const DELIVERIES = `{ notificationDeliveries(first: 10) { id change severity channel status attempts lastError alert { id builtIn } webhookEndpoint { id } } }`;

/** Where people reach FarmIQ: emails' links point here (the test calls the gateway with their path). */
const PUBLIC_URL = 'https://farmiq.example';

describe.each(backends())('alert notifications through the gateway on %s', (backend) => {
  let farmiq: TestSystem;
  const mail: ParsedMail[] = [];
  const posts: Array<{ headers: http.IncomingHttpHeaders; body: Buffer }> = [];
  let smtp: SMTPServer;
  let receiver: http.Server;
  let receiverUrl: string;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData: (stream, _session, callback) => void simpleParser(stream).then((parsed) => (mail.push(parsed), callback()), callback),
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => (posts.push({ headers: req.headers, body: Buffer.concat(chunks) }), res.writeHead(200).end('ok')));
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    // The receiver is on this machine: the operator allows exactly its address.
    farmiq = await startTestSystem(backend, {
      SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      FARMIQ_PUBLIC_URL: PUBLIC_URL,
    });
  }, 180_000);
  afterAll(async () => {
    await farmiq?.stop();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
    await new Promise<void>((resolve) => receiver?.close(() => resolve()));
  });

  it('should let a person register a channel and a tenant admin a signed webhook, and deliver both when readings raise an alert', async () => {
    const tenant = await tenantWithAdmin(farmiq, `Notified ${randomUUID().slice(0, 6)}`);
    const api = farmiq.as(tenant.admin.accessToken);
    const farmId = (await api('mutation { createFarm(input: { name: "Riverside", timeZone: "Asia/Bangkok" }) { id } }')).data!.createFarm.id as string;
    const barnId = (
      await api('mutation ($f: ID!) { createBarn(input: { farmId: $f, name: "House 1", species: PIG, capacityHead: 500 }) { id } }', { f: farmId })
    ).data!.createBarn.id as string;

    const operator = await inviteAndLogIn(farmiq, tenant.admin.accessToken, tenant.tenantId, 'OPERATOR');
    const asOperator = farmiq.as(operator.accessToken);
    const subscribed = await asOperator(SUBSCRIBE, {
      input: {
        channel: 'EMAIL',
        address: 'operator@farm.test',
        language: 'TH',
        farmId,
        minSeverity: 'CRITICAL',
        quietHoursStartMinute: 1320,
        quietHoursEndMinute: 360,
      },
    });
    expect(subscribed.errors).toBeUndefined();
    expect(subscribed.data!.subscribeToAlerts).toMatchObject({
      channel: 'EMAIL',
      language: 'TH',
      minSeverity: 'CRITICAL',
      farm: { id: farmId },
      quietHours: { startMinute: 1320, endMinute: 360 },
    });
    // The admin does not see the operator's channels; the operator does.
    expect((await api(MINE)).data!.myNotificationSubscriptions).toEqual([]);
    expect((await asOperator(MINE)).data!.myNotificationSubscriptions).toEqual([{ id: subscribed.data!.subscribeToAlerts.id, address: 'operator@farm.test' }]);

    // Webhooks and the delivery log are the tenant admin's.
    expect(errorCode(await asOperator(CREATE_WEBHOOK, { input: { url: receiverUrl } }))).toBe('FORBIDDEN');
    expect(errorCode(await asOperator(DELIVERIES))).toBe('FORBIDDEN');
    const created = await api(CREATE_WEBHOOK, { input: { url: receiverUrl, farmId } });
    expect(created.errors).toBeUndefined();
    const { secret, endpoint } = created.data!.createWebhookEndpoint;
    expect(endpoint).toMatchObject({ url: receiverUrl, enabled: true, lastFailureReason: null, farm: { id: farmId } });

    // Ammonia over 25 ppm for 10 minutes in the barn, as ingest announces stored readings (its outbox event).
    const readings: ReadingEvent[] = [0, 11].map((minutes) => {
      const observedAt = new Date(Date.UTC(2026, 10, 20, 1, minutes)).toISOString();
      return {
        tenantId: tenant.tenantId,
        farmId,
        barnId,
        deviceId: randomUUID(),
        eventId: randomUUID(),
        metric: 'ammoniaPpm',
        value: 35,
        unit: 'ppm',
        observedAt,
        receivedAt: observedAt,
      };
    });
    await farmiq.system.database!.sql.transaction((tx) => appendEvent(tx, READINGS_STORED, { readings }));

    await waitFor(() => {
      if (mail.length !== 1 || posts.length !== 1) throw new Error(`${mail.length} emails and ${posts.length} webhook posts arrived`);
    }, 30_000);
    expect(mail[0]!.subject).toBe('[วิกฤต] แอมโมเนียสูง เกิดขึ้น');
    expect((mail[0]!.to as { text: string }).text).toBe('operator@farm.test');
    expect(verifyWebhookSignature(secret, posts[0]!.body, posts[0]!.headers[SIGNATURE_HEADER] as string, new Date())).toEqual({ ok: true });

    const log = await api(DELIVERIES);
    expect(log.errors).toBeUndefined();
    const deliveries = log.data!.notificationDeliveries as Array<Record<string, any>>;
    expect(deliveries).toHaveLength(2);
    expect(deliveries.map((d) => [d.channel, d.status, d.attempts, d.change, d.severity, d.alert.builtIn]).sort()).toEqual([
      ['EMAIL', 'DELIVERED', 1, 'RAISED', 'CRITICAL', 'AMMONIA_HIGH'],
      ['WEBHOOK', 'DELIVERED', 1, 'RAISED', 'CRITICAL', 'AMMONIA_HIGH'],
    ]);
    expect(deliveries.find((d) => d.channel === 'WEBHOOK')!.id).toBe(posts[0]!.headers[DELIVERY_ID_HEADER]);

    // Another tenant sees none of it and cannot touch it.
    const other = await tenantWithAdmin(farmiq, `Other ${randomUUID().slice(0, 6)}`);
    const asOther = farmiq.as(other.admin.accessToken);
    expect((await asOther(DELIVERIES)).data!.notificationDeliveries).toEqual([]);
    expect((await asOther('{ webhookEndpoints { id } }')).data!.webhookEndpoints).toEqual([]);
    expect(errorCode(await asOther('mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id: endpoint.id }))).toBe('NOT_FOUND');
    expect(errorCode(await asOther(SUBSCRIBE, { input: { channel: 'EMAIL', address: 'x@farm.test', farmId } }))).toBe('NOT_FOUND');
  });

  it('should refuse bad channel settings with BAD_USER_INPUT and store nothing', async () => {
    const tenant = await tenantWithAdmin(farmiq, `Careful ${randomUUID().slice(0, 6)}`);
    const api = farmiq.as(tenant.admin.accessToken);
    expect(errorCode(await api(SUBSCRIBE, { input: { channel: 'EMAIL', address: 'not an address' } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api(SUBSCRIBE, { input: { channel: 'EMAIL', address: 'a@farm.test', quietHoursStartMinute: 1320 } }))).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await api(SUBSCRIBE, { input: { channel: 'EMAIL', address: 'a@farm.test', quietHoursStartMinute: 1320, quietHoursEndMinute: 1440 } })),
    ).toBe('BAD_USER_INPUT');
    expect(errorCode(await api(SUBSCRIBE, { input: { channel: 'WEBHOOK', address: 'a@farm.test' } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api(CREATE_WEBHOOK, { input: { url: 'ftp://farm.test/hook' } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api(CREATE_WEBHOOK, { input: { url: 'https://user:pw@farm.test/hook' } }))).toBe('BAD_USER_INPUT');
    // Private, loopback, link-local and metadata addresses, by literal or by a name that resolves there (SSRF).
    for (const [url, address] of [
      ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
      ['http://localhost:4000/graphql', 'localhost'],
      ['http://[::1]/hook', '::1'],
      ['https://10.0.0.7/hook', '10.0.0.7'],
      ['http://0x7f000002/hook', '127.0.0.2'],
      ['http://[::ffff:169.254.169.254]/hook', '::ffff:a9fe:a9fe'],
    ]) {
      const refused = await api(CREATE_WEBHOOK, { input: { url } });
      expect([url, errorCode(refused)]).toEqual([url, 'BAD_USER_INPUT']);
      expect(refused.errors![0]!.message).toContain(address);
    }
    expect((await api(MINE)).data!.myNotificationSubscriptions).toEqual([]);
    expect((await api('{ webhookEndpoints { id } }')).data!.webhookEndpoints).toEqual([]);
    expect(errorCode(await farmiq.graphql(MINE))).toBe('UNAUTHENTICATED');
  });

  it("should let a tenant admin or farm manager set a farm's silence threshold within bounds, refuse others, and go back to the defaults on null", async () => {
    const tenant = await tenantWithAdmin(farmiq, `Silence ${randomUUID().slice(0, 6)}`);
    const api = farmiq.as(tenant.admin.accessToken);
    const farmId = (await api('mutation { createFarm(input: { name: "Quiet Hill", timeZone: "Asia/Bangkok" }) { id } }')).data!.createFarm.id as string;
    const SET =
      'mutation ($f: ID!, $m: Float, $min: Int) { setFarmSilenceThreshold(farmId: $f, gapMultiplier: $m, minMinutes: $min) { silenceGapMultiplier silenceMinMinutes escalateAfterMinutes } }';
    const READ = 'query ($f: ID!) { farmNotificationSettings(farmId: $f) { silenceGapMultiplier silenceMinMinutes } }';
    expect((await api(READ, { f: farmId })).data!.farmNotificationSettings).toEqual({ silenceGapMultiplier: 3, silenceMinMinutes: 2 });

    const manager = await inviteAndLogIn(farmiq, tenant.admin.accessToken, tenant.tenantId, 'FARM_MANAGER');
    const set = await farmiq.as(manager.accessToken)(SET, { f: farmId, m: 4.5, min: 10 });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setFarmSilenceThreshold).toEqual({ silenceGapMultiplier: 4.5, silenceMinMinutes: 10, escalateAfterMinutes: 15 });

    const operator = await inviteAndLogIn(farmiq, tenant.admin.accessToken, tenant.tenantId, 'OPERATOR');
    expect(errorCode(await farmiq.as(operator.accessToken)(SET, { f: farmId, m: 2 }))).toBe('FORBIDDEN');
    for (const [m, min] of [
      [1.4, null],
      [20.5, null],
      [null, 0],
      [null, 1441],
    ]) {
      expect([m, min, errorCode(await api(SET, { f: farmId, m, min }))]).toEqual([m, min, 'BAD_USER_INPUT']);
    }
    // Nothing the refused calls asked for was stored.
    expect((await api(READ, { f: farmId })).data!.farmNotificationSettings).toEqual({ silenceGapMultiplier: 4.5, silenceMinMinutes: 10 });
    expect((await api(SET, { f: farmId, m: null, min: null })).data!.setFarmSilenceThreshold).toMatchObject({ silenceGapMultiplier: 3, silenceMinMinutes: 2 });
  });

  it('should acknowledge an alert from the link in its email with one confirming POST, never by merely opening the link', async () => {
    const tenant = await tenantWithAdmin(farmiq, `Acked ${randomUUID().slice(0, 6)}`);
    const api = farmiq.as(tenant.admin.accessToken);
    const farmId = (await api('mutation { createFarm(input: { name: "Hilltop", timeZone: "Asia/Bangkok" }) { id } }')).data!.createFarm.id as string;
    const barnId = (
      await api('mutation ($f: ID!) { createBarn(input: { farmId: $f, name: "House 1", species: BROILER, capacityHead: 20000 }) { id } }', { f: farmId })
    ).data!.createBarn.id as string;
    const manager = await inviteAndLogIn(farmiq, tenant.admin.accessToken, tenant.tenantId, 'OPERATOR');
    const address = `manager-${randomUUID().slice(0, 6)}@farm.test`;
    expect((await farmiq.as(manager.accessToken)(SUBSCRIBE, { input: { channel: 'EMAIL', address, farmId } })).errors).toBeUndefined();

    const readings: ReadingEvent[] = [0, 11].map((minutes) => {
      const observedAt = new Date(Date.UTC(2026, 10, 21, 1, minutes)).toISOString();
      return {
        tenantId: tenant.tenantId,
        farmId,
        barnId,
        deviceId: randomUUID(),
        eventId: randomUUID(),
        metric: 'ammoniaPpm',
        value: 35,
        unit: 'ppm',
        observedAt,
        receivedAt: observedAt,
      };
    });
    await farmiq.system.database!.sql.transaction((tx) => appendEvent(tx, READINGS_STORED, { readings }));
    const received = () => mail.filter((m) => (m.to as { text: string }).text === address);
    await waitFor(() => {
      if (received().length !== 1) throw new Error('no email yet');
    }, 30_000);
    const email = received()[0]!;
    const link = /Acknowledge \(stops escalation\): (\S+)/.exec(email.text!)![1]!;
    expect(link.startsWith(`${PUBLIC_URL}/alerts/acknowledge?token=`)).toBe(true);
    expect(email.html).toContain(`href="${link.replace(/&/g, '&#38;')}"`);
    const onGateway = farmiq.gatewayUrl.replace('/graphql', '') + link.slice(PUBLIC_URL.length);
    const token = new URL(link).searchParams.get('token')!;
    const alertState = async () =>
      (await api('query ($f: ID!) { alerts(farmId: $f) { nodes { acknowledgedAt acknowledgedBy { id } } } }', { f: farmId })).data!.alerts.nodes[0];

    // A mail scanner (or the person) opening the link sees a confirmation page: nothing is acknowledged.
    const opened = await fetch(onGateway);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('cache-control')).toBe('no-store');
    expect(opened.headers.get('referrer-policy')).toBe('no-referrer');
    const confirmPage = await opened.text();
    expect(confirmPage).toContain('<form method="post" action="/alerts/acknowledge">');
    expect(confirmPage).toContain('High ammonia');
    expect(await alertState()).toEqual({ acknowledgedAt: null, acknowledgedBy: null });

    const post = (value: string) =>
      fetch(onGateway.split('?')[0]!, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: value }).toString(),
      });
    // An altered token acknowledges nothing.
    const altered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    const refused = await post(altered);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('This link is not valid');
    expect(await alertState()).toEqual({ acknowledgedAt: null, acknowledgedBy: null });

    // The button: acknowledged as the person the email was sent to.
    const confirmed = await post(token);
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('Acknowledged.');
    const state = await alertState();
    expect(state.acknowledgedBy).toEqual({ id: manager.userId });
    expect(state.acknowledgedAt).not.toBeNull();
    // A second click changes nothing and says so.
    const again = await post(token);
    expect(await again.text()).toContain('Already acknowledged');
    expect((await alertState()).acknowledgedAt).toBe(state.acknowledgedAt);
  });
});
