import { randomUUID } from 'node:crypto';
import { TOPICS, type ReadingEvent } from '../lib/pubsub/pubsub';
import { liveSubscriptionsReach, openLive, type LiveConnection } from './support/liveClient';
import { backends } from './support/postgres';
import { loginAsPlatformAdmin, tenantWithAdmin } from './support/sessions';
import { startTestSystem, type TestSystem } from './support/testSystem';

const ISSUE = 'mutation ($id: ID!, $secret: String!) { issueClientToken(clientId: $id, clientSecret: $secret) { accessToken } }';

/**
 * The subscription's cost as the gateway's cost limit computes it (an object field 2, a scalar 1,
 * each nesting level × 1.5): readingAdded { metric value } = 2 + 1.5 × (1 + 1) = 5 points, charged
 * when it opens (with one request) and again for each frame delivered.
 */
const READINGS = 'subscription ($barnId: ID) { readingAdded(barnId: $barnId) { metric value } }';

/** 17 points a day: the opening (5) and two frames (5 + 5) fit, with 2 left; a third frame does not. */
const LIMITS = { PARTNER_REQUESTS_PER_MINUTE: '100', PARTNER_COST_POINTS_PER_DAY: '17' };

describe.each(backends().slice(-1))("partners' live subscriptions under quota on %s", (backend) => {
  let farmiq: TestSystem;
  let admin: TestSystem['graphql'];
  let tenantId: string;
  let farmId: string;
  let barnId: string;
  let deviceId: string;
  const open: LiveConnection[] = [];

  const reading = (value: number, observedAt: Date): ReadingEvent => ({
    tenantId,
    farmId,
    barnId,
    deviceId,
    eventId: randomUUID(),
    metric: 'temperatureC',
    unit: '°C',
    value,
    observedAt: observedAt.toISOString(),
    receivedAt: new Date().toISOString(),
  });
  const publish = (value: number, observedAt: Date) => farmiq.system.pubsub!.publish(TOPICS.readingsStored, { readings: [reading(value, observedAt)] });
  const costUsedBy = async (clientId: string) => {
    const clients = (await admin('{ apiClients { id usage { costPointsPerDay { used } } } }')).data!.apiClients as Array<{
      id: string;
      usage: { costPointsPerDay: { used: number } };
    }>;
    return clients.find((client) => client.id === clientId)!.usage.costPointsPerDay.used;
  };

  beforeAll(async () => {
    farmiq = await startTestSystem(backend, LIMITS);
    const platform = farmiq.as((await loginAsPlatformAdmin(farmiq)).accessToken);
    const tenant = await tenantWithAdmin(farmiq, 'Live Quota Farms');
    tenantId = tenant.tenantId;
    admin = farmiq.as(tenant.admin.accessToken);
    const registered = await platform('mutation ($input: RegisterDevicesInput!) { registerDevices(input: $input) { device { id serialNumber } claimCode } }', {
      input: { devices: [{ serialNumber: `SN-${randomUUID().slice(0, 12)}`, kind: 'CLIMATE' }] },
    });
    const label = registered.data!.registerDevices[0];
    farmId = (await admin('mutation { createFarm(input: { name: "Live", timeZone: "UTC" }) { id } }')).data!.createFarm.id;
    barnId = (
      await admin('mutation ($input: CreateBarnInput!) { createBarn(input: $input) { id } }', {
        input: { farmId, name: 'House 1', species: 'BROILER', capacityHead: 1000 },
      })
    ).data!.createBarn.id;
    await admin('mutation ($input: ClaimDeviceInput!) { claimDevice(input: $input) { id } }', {
      input: { serialNumber: label.device.serialNumber, claimCode: label.claimCode },
    });
    const activated = await admin('mutation ($input: ActivateDeviceInput!) { activateDevice(input: $input) { device { id } } }', {
      input: { deviceId: label.device.id, barnId, name: 'Climate 1' },
    });
    expect(activated.errors).toBeUndefined();
    deviceId = label.device.id;
  }, 180_000);
  afterAll(async () => {
    for (const connection of open.splice(0)) connection.close();
    await farmiq?.stop();
  });

  it('charges a subscription when it opens and for every frame, ends it with RATE_LIMITED at the frame over quota, and refuses to open another', async () => {
    const created = await admin(
      'mutation { createApiClient(input: { name: "Live partner", scopes: [TELEMETRY_READ, FARMS_READ] }) { client { id } clientSecret } }',
    );
    const { client, clientSecret } = created.data!.createApiClient;
    const token = (await farmiq.graphql(ISSUE, { id: client.id, secret: clientSecret })).data!.issueClientToken.accessToken as string;
    const live = await openLive(farmiq.gatewayUrl, { token });
    open.push(live);

    const readings = live.subscribe(READINGS, { barnId });
    await liveSubscriptionsReach(farmiq.gatewayUrl, 1);
    expect(await costUsedBy(client.id)).toBe(5); // opening: 5

    await publish(21.5, new Date('2026-11-30T06:00:00Z'));
    await readings.received(1);
    await publish(22.5, new Date('2026-11-30T06:01:00Z'));
    await readings.received(2);
    expect(await costUsedBy(client.id)).toBe(15); // 5 + 2 frames × 5

    // The third frame needs 5 of the 2 points left: it is not sent, and the subscription ends saying why.
    await publish(23.5, new Date('2026-11-30T06:02:00Z'));
    await readings.settled();
    expect(readings.results.map((result) => result.data.readingAdded.value)).toEqual([21.5, 22.5]);
    expect(readings.refused).toEqual([
      {
        message: expect.stringMatching(/^This API client used its quota of 17 query cost points per day \(2 left\); retry in \d+ s$/),
        extensions: { code: 'RATE_LIMITED', quota: 'cost-points-per-day', retryAfterSeconds: expect.any(Number) },
      },
    ]);
    await liveSubscriptionsReach(farmiq.gatewayUrl, 0);
    expect(await costUsedBy(client.id)).toBe(15); // the refused frame is not charged

    // Opening another costs 5 more than the 2 left: refused at once, on the same connection.
    const again = live.subscribe(READINGS, { barnId });
    await again.settled();
    expect(again.refused![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', quota: 'cost-points-per-day' });
    expect(again.results).toEqual([]);
    expect(await costUsedBy(client.id)).toBe(15);
  });
});
