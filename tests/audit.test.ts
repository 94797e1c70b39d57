import { backends } from './support/postgres';
import { loginAsPlatformAdmin, tenantWithAdmin } from './support/sessions';
import { type TestSystem, startTestSystem } from './support/testSystem';

const AUDIT = '{ auditLog(first: 100) { nodes { action actorId actorKind tenantId targetType targetId address requestId detail at } } }';
type Row = {
  action: string;
  actorId: string | null;
  actorKind: string | null;
  tenantId: string | null;
  targetType: string | null;
  targetId: string | null;
  address: string;
  requestId: string;
  detail: string | null;
};
type Api = TestSystem['graphql'];

/** A barn, one of its active climate devices, and the tenant's admin API; everything through the gateway. */
async function tenantWithDevice(farmiq: TestSystem, name: string) {
  const { tenantId, admin } = await tenantWithAdmin(farmiq, name);
  const api = farmiq.as(admin.accessToken);
  const platform = await loginAsPlatformAdmin(farmiq);
  const farmId = (await api('mutation ($n: String!) { createFarm(input: { name: $n, timeZone: "Asia/Bangkok" }) { id } }', { n: `${name} farm` })).data!
    .createFarm.id as string;
  const barnId = (await api('mutation ($f: ID!) { createBarn(input: { farmId: $f, name: "B1", species: PIG, capacityHead: 10 }) { id } }', { f: farmId })).data!
    .createBarn.id as string;
  const serial = `AUDIT-${name.replace(/\W/g, '')}-${Date.now()}`;
  const registered = await farmiq.as(platform.accessToken)(
    'mutation ($s: String!) { registerDevices(input: { devices: [{ serialNumber: $s, kind: CLIMATE }] }) { device { id } claimLink } }',
    { s: serial },
  );
  const label = registered.data!.registerDevices[0];
  await api('mutation ($l: String) { claimDevice(input: { claimLink: $l }) { id } }', { l: label.claimLink });
  await api('mutation ($d: ID!, $b: ID!) { activateDevice(input: { deviceId: $d, barnId: $b, name: "Climate" }) { mqttPassword } }', {
    d: label.device.id,
    b: barnId,
  });
  const adminId = (await api('{ me { user { id } } }')).data!.me.user.id as string;
  return { tenantId, api, adminId, platform, farmId, barnId, deviceId: label.device.id as string, serial };
}

/**
 * The records of `api`'s visible log once `until` holds. Devices, billing and telemetry announce
 * their records through the outbox, which identity applies in order per tenant: a later record
 * of the same tenant showing up means every earlier one was applied.
 */
async function recordsOnce(api: Api, until: (rows: Row[]) => boolean): Promise<Row[]> {
  let rows: Row[] = [];
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
    rows = (await api(AUDIT)).data!.auditLog.nodes as Row[];
    if (until(rows)) return rows;
  }
  throw new Error(`the awaited audit record never came; had ${JSON.stringify(rows.map((row) => row.action))}`);
}

describe.each(backends())('audit log on %s', (backend) => {
  let farmiq: TestSystem;

  beforeAll(async () => {
    farmiq = await startTestSystem(backend);
  }, 180_000);
  afterAll(async () => {
    await farmiq?.stop();
  });

  it('writes one record per action when a payment, a refund, a credit note, a billing profile or a revocation is retried', async () => {
    const { tenantId, api, platform: anyPlatform, farmId } = await tenantWithDevice(farmiq, 'Retry Farm');
    const platform = farmiq.as((await loginAsPlatformAdmin(farmiq, tenantId)).accessToken);
    expect(anyPlatform.accessToken).toBeTruthy();
    const profile = 'mutation { setBillingProfile(input: { country: "SG", currency: "USD" }) { country } }';
    expect((await api(profile)).errors).toBeUndefined();
    expect((await api(profile)).errors).toBeUndefined();
    const subscribed = await api('mutation { subscribe(input: { plan: STARTER, idempotencyKey: "retry-start" }) { id invoices { id } } }');
    const invoiceId = subscribed.data!.subscribe.invoices[0].id as string;

    const pay = () =>
      platform('mutation ($i: ID!) { recordPayment(input: { invoiceId: $i, amountMinor: 500, currency: "USD", reference: "retry-pay" }) { id } }', {
        i: invoiceId,
      });
    const first = await pay();
    const retries = [await pay(), ...(await Promise.all([pay(), pay()]))]; // a retry, then two at once
    const paymentId = first.data!.recordPayment.id as string;
    expect(retries.map((retry) => retry.data?.recordPayment.id)).toEqual([paymentId, paymentId, paymentId]);
    const refund = () =>
      platform('mutation ($p: ID!) { refundPayment(input: { paymentId: $p, amountMinor: 200, reference: "retry-refund" }) { id } }', { p: paymentId });
    const refunds = [await refund(), ...(await Promise.all([refund(), refund()]))];
    expect(new Set(refunds.map((answer) => answer.data?.refundPayment.id)).size).toBe(1);
    const credit = () =>
      platform('mutation ($i: ID!) { issueCreditNote(input: { invoiceId: $i, reason: "Goodwill", idempotencyKey: "retry-credit" }) { id } }', { i: invoiceId });
    const credits = [await credit(), await credit()];
    expect(credits[1]!.data!.issueCreditNote.id).toBe(credits[0]!.data!.issueCreditNote.id);

    const gatewayId = (await api('mutation ($f: ID!) { registerEdgeGateway(input: { farmId: $f, name: "Retry edge" }) { gateway { id } } }', { f: farmId }))
      .data!.registerEdgeGateway.gateway.id as string;
    const revokeGateway = () => api('mutation ($g: ID!) { revokeEdgeGateway(gatewayId: $g) { id } }', { g: gatewayId });
    expect((await Promise.all([revokeGateway(), revokeGateway()])).map((answer) => answer.errors)).toEqual([undefined, undefined]);
    expect((await revokeGateway()).errors).toBeUndefined();
    const clientId = (await api('mutation { createApiClient(input: { name: "Retry mill", scopes: [KPI_READ] }) { client { id } } }')).data!.createApiClient
      .client.id as string;
    const revokeClient = () => api('mutation ($id: ID!) { revokeApiClient(id: $id) { id } }', { id: clientId });
    await Promise.all([revokeClient(), revokeClient()]);
    await revokeClient();
    await api('mutation { setTenantMfaRequired(required: true) { id } }');
    await api('mutation { setTenantMfaRequired(required: true) { id } }');
    // The last outbox record of the tenant: once it is in, every earlier one is.
    const sentinel = await api('mutation ($f: ID!) { registerEdgeGateway(input: { farmId: $f, name: "Last edge" }) { gateway { id } } }', { f: farmId });
    const sentinelId = sentinel.data!.registerEdgeGateway.gateway.id as string;

    const rows = await recordsOnce(api, (found) => found.some((row) => row.action === 'EDGE_GATEWAY_REGISTERED' && row.targetId === sentinelId));
    const count = (action: string) => rows.filter((row) => row.action === action).length;
    expect({
      BILLING_PROFILE_CHANGED: count('BILLING_PROFILE_CHANGED'),
      PAYMENT_RECORDED: count('PAYMENT_RECORDED'),
      PAYMENT_REFUNDED: count('PAYMENT_REFUNDED'),
      CREDIT_NOTE_ISSUED: count('CREDIT_NOTE_ISSUED'),
      EDGE_GATEWAY_REVOKED: count('EDGE_GATEWAY_REVOKED'),
      API_CLIENT_REVOKED: count('API_CLIENT_REVOKED'),
      TENANT_MFA_REQUIREMENT_CHANGED: count('TENANT_MFA_REQUIREMENT_CHANGED'),
    }).toEqual({
      BILLING_PROFILE_CHANGED: 1,
      PAYMENT_RECORDED: 1,
      PAYMENT_REFUNDED: 1,
      CREDIT_NOTE_ISSUED: 1,
      EDGE_GATEWAY_REVOKED: 1,
      API_CLIENT_REVOKED: 1,
      TENANT_MFA_REQUIREMENT_CHANGED: 1,
    });
    expect(rows.find((row) => row.action === 'PAYMENT_RECORDED')).toMatchObject({ targetType: 'Payment', targetId: paymentId, tenantId });
    expect(rows.find((row) => row.action === 'CREDIT_NOTE_ISSUED')).toMatchObject({
      targetType: 'Invoice',
      targetId: credits[0]!.data!.issueCreditNote.id,
      tenantId,
    });
  }, 120_000);

  it('records every export with actor, tenant, target, time range, address and request id, for that tenant only', async () => {
    const { tenantId, api, adminId, farmId, barnId, deviceId } = await tenantWithDevice(farmiq, 'Export Farm');
    const neighbour = await tenantWithDevice(farmiq, 'Export Neighbour');
    const from = '2026-11-01T00:00:00.000Z';
    const to = '2026-11-02T00:00:00.000Z';
    const csv = await api(
      'query ($d: ID!, $f: DateTime!, $t: DateTime!) { readingsCsv(deviceId: $d, metric: "temperatureC", from: $f, to: $t) }',
      { d: deviceId, f: from, t: to },
      { 'x-request-id': 'req-export-000001' },
    );
    expect(csv.data!.readingsCsv).toBe('observedAt,observedAtLocal,metric,value,unit\r\n');
    const files = await api('query ($f: ID!) { brokerAuthFiles(farmId: $f) { passwordFile } }', { f: farmId }, { 'x-request-id': 'req-export-000002' });
    expect(files.data!.brokerAuthFiles.passwordFile).toContain(deviceId);
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const until = new Date(Date.now() + 60_000).toISOString();
    const log = await api(
      'query ($s: DateTime!, $u: DateTime!) { auditLogCsv(since: $s, until: $u) }',
      { s: since, u: until },
      { 'x-request-id': 'req-export-000003' },
    );
    expect(log.errors).toBeUndefined();
    // A refused export (another tenant's device) exported nothing and is not recorded as one.
    expect(
      (await neighbour.api('query ($d: ID!, $f: DateTime!, $t: DateTime!) { readingsCsv(deviceId: $d, from: $f, to: $t) }', { d: deviceId, f: from, t: to }))
        .errors![0]!.extensions!.code,
    ).toBe('NOT_FOUND');

    const exports = (rows: Row[]) => rows.filter((row) => row.action.endsWith('_EXPORTED'));
    const rows = exports(await recordsOnce(api, (found) => exports(found).length >= 3));
    const byAction = Object.fromEntries(rows.map((row) => [row.action, row]));
    expect(rows).toHaveLength(3);
    expect(byAction.READINGS_EXPORTED).toMatchObject({
      actorId: adminId,
      actorKind: 'user',
      tenantId,
      targetType: 'Device',
      targetId: deviceId,
      detail: `${from}/${to} barn=${barnId} metric=temperatureC`,
      requestId: 'req-export-000001',
    });
    expect(byAction.BROKER_AUTH_FILES_EXPORTED).toMatchObject({
      actorId: adminId,
      tenantId,
      targetType: 'Farm',
      targetId: farmId,
      requestId: 'req-export-000002',
    });
    expect(byAction.AUDIT_LOG_EXPORTED).toMatchObject({ actorId: adminId, tenantId, targetType: 'AuditLog', requestId: 'req-export-000003' });
    expect(byAction.AUDIT_LOG_EXPORTED!.detail).toMatch(new RegExp(`^${since}/${until} rows=\\d+$`));
    for (const row of rows) expect(row.address).not.toBe('');
    // The neighbour's log has its own records only: none of these exports.
    const theirs = (await neighbour.api(AUDIT)).data!.auditLog.nodes as Row[];
    expect(theirs.filter((row) => row.tenantId !== neighbour.tenantId || row.targetId === deviceId)).toEqual([]);
    // The CSV of the log carries the detail column.
    const again = (await api('query ($s: DateTime!, $u: DateTime!) { auditLogCsv(since: $s, until: $u) }', { s: since, u: until })).data!.auditLogCsv as string;
    expect(again.split('\r\n').find((line) => line.includes('"READINGS_EXPORTED"'))).toContain(`"${from}/${to} barn=${barnId} metric=temperatureC"`);
  }, 120_000);

  it('records device registration, rates and client tokens; platform-level records are for platform admins only', async () => {
    const platformSession = await loginAsPlatformAdmin(farmiq);
    const platform = farmiq.as(platformSession.accessToken);
    const serial = `REG-${Date.now()}`;
    const registered = await platform('mutation ($input: RegisterDevicesInput!) { registerDevices(input: $input) { device { id } } }', {
      input: {
        devices: [
          { serialNumber: serial, kind: 'CLIMATE' },
          { serialNumber: `${serial}-2`, kind: 'FEED_BIN' },
        ],
      },
    });
    const deviceIds = (registered.data!.registerDevices as Array<{ device: { id: string } }>).map((label) => label.device.id);
    const vat = () => platform('mutation { setVatRate(input: { country: "MY", rateBasisPoints: 800, effectiveFrom: "2026-01-01" }) { country } }');
    expect((await vat()).errors).toBeUndefined();
    expect((await vat()).errors).toBeUndefined();
    const rows = await recordsOnce(
      platform,
      (found) =>
        found.filter((row) => row.action === 'DEVICE_REGISTERED' && deviceIds.includes(row.targetId!)).length === 2 &&
        found.some((row) => row.action === 'VAT_RATE_SET'),
    );
    expect(
      rows
        .filter((row) => row.action === 'DEVICE_REGISTERED' && deviceIds.includes(row.targetId!))
        .map((row) => [row.targetId, row.tenantId, row.detail])
        .sort(),
    ).toEqual(
      [
        [deviceIds[0], null, `serialNumber=${serial}`],
        [deviceIds[1], null, `serialNumber=${serial}-2`],
      ].sort(),
    );
    expect(rows.filter((row) => row.action === 'VAT_RATE_SET' && row.detail === 'MY 800bp from 2026-01-01')).toHaveLength(1);
    const { tenantId, admin } = await tenantWithAdmin(farmiq, 'Platform Records Farm');
    const tenantApi = farmiq.as(admin.accessToken);
    const created = (await tenantApi('mutation { createApiClient(input: { name: "Token mill", scopes: [KPI_READ] }) { client { id } clientSecret } }')).data!
      .createApiClient;
    const issue = (secret: string) =>
      farmiq.graphql('mutation ($id: ID!, $s: String!) { issueClientToken(clientId: $id, clientSecret: $s) { accessToken } }', {
        id: created.client.id,
        s: secret,
      });
    expect((await issue(created.clientSecret)).errors).toBeUndefined();
    expect((await issue('not the secret')).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const tenantRows = (await tenantApi(AUDIT)).data!.auditLog.nodes as Row[];
    expect(tenantRows.filter((row) => row.action === 'DEVICE_REGISTERED' || row.action === 'VAT_RATE_SET')).toEqual([]);
    const tokenRows = tenantRows
      .filter((row) => row.action.startsWith('CLIENT_TOKEN_'))
      .map((row) => [row.action, row.actorId, row.actorKind, row.tenantId, row.targetId]);
    expect(tokenRows.sort()).toEqual([
      ['CLIENT_TOKEN_ISSUED', created.client.id, 'client', tenantId, created.client.id],
      ['CLIENT_TOKEN_REFUSED', created.client.id, 'client', tenantId, created.client.id],
    ]);
  }, 120_000);
});
