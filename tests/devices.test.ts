import { randomUUID } from 'node:crypto';
import { backends } from './support/postgres';
import { loginAsPlatformAdmin, tenantWithAdmin } from './support/sessions';
import { errorCode, startTestSystem, type TestSystem } from './support/testSystem';

const REGISTER = `mutation ($input: RegisterDevicesInput!) { registerDevices(input: $input) { device { id serialNumber kind status } claimCode claimLink qrCodeSvg } }`;
const CLAIM = `mutation ($input: ClaimDeviceInput!) { claimDevice(input: $input) { id status claimedAt } }`;
const ACTIVATE = `mutation ($input: ActivateDeviceInput!) { activateDevice(input: $input) { mqttUsername mqttPassword mqttTopic issuedAt device { id status name credentialsIssuedAt barn { name farm { name } } } } }`;
const CREATE_FARM = `mutation ($name: String!) { createFarm(input: { name: $name, timeZone: "Asia/Bangkok" }) { id } }`;
const CREATE_BARN = `mutation ($input: CreateBarnInput!) { createBarn(input: $input) { id name species capacityHead } }`;

describe.each(backends())('devices through the gateway on %s', (backend) => {
  let farmiq: TestSystem;
  let platform: TestSystem['graphql'];

  beforeAll(async () => {
    farmiq = await startTestSystem(backend);
    platform = farmiq.as((await loginAsPlatformAdmin(farmiq)).accessToken);
  });
  afterAll(async () => {
    await farmiq?.stop();
  });

  const serial = () => `SN-${randomUUID().slice(0, 12)}`;

  async function register(kind = 'CLIMATE') {
    const result = await platform(REGISTER, { input: { devices: [{ serialNumber: serial(), kind }] } });
    expect(result.errors).toBeUndefined();
    return result.data!.registerDevices[0] as { device: { id: string; serialNumber: string }; claimCode: string; claimLink: string };
  }

  /** A tenant with a farm and a barn, and its admin's API. */
  async function tenantWithBarn(name: string) {
    const { tenantId, admin } = await tenantWithAdmin(farmiq, name);
    const api = farmiq.as(admin.accessToken);
    const farmId = (await api(CREATE_FARM, { name: `${name} farm` })).data!.createFarm.id as string;
    const barn = await api(CREATE_BARN, { input: { farmId, name: 'House 1', species: 'BROILER', capacityHead: 22000 } });
    expect(barn.data!.createBarn).toMatchObject({ name: 'House 1', species: 'BROILER', capacityHead: 22000 });
    return { tenantId, api, farmId, barnId: barn.data!.createBarn.id as string };
  }

  it('takes a device from factory label to ACTIVE with credentials shown once, placed in the barn', async () => {
    const label = await register();
    expect(label.device).toMatchObject({ status: 'PENDING', kind: 'CLIMATE' });
    expect(label.claimCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(label.claimLink).toBe(`farmiq://claim?serial=${label.device.serialNumber}&code=${label.claimCode}`);

    const farm = await tenantWithBarn('Claim flow');
    // Typed by a person: lower case, no dashes.
    const claimed = await farm.api(CLAIM, { input: { serialNumber: label.device.serialNumber, claimCode: label.claimCode.toLowerCase().replace(/-/g, '') } });
    expect(claimed.data!.claimDevice).toMatchObject({ id: label.device.id, status: 'CLAIMED' });

    const activated = await farm.api(ACTIVATE, { input: { deviceId: label.device.id, barnId: farm.barnId, name: 'Climate north' } });
    expect(activated.errors).toBeUndefined();
    const credentials = activated.data!.activateDevice;
    expect(credentials.mqttUsername).toBe(label.device.id);
    expect(credentials.mqttTopic).toBe(`farmiq/devices/${label.device.id}/telemetry`);
    expect(Buffer.from(credentials.mqttPassword, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(credentials.device).toMatchObject({
      status: 'ACTIVE',
      name: 'Climate north',
      credentialsIssuedAt: credentials.issuedAt,
      barn: { name: 'House 1', farm: { name: 'Claim flow farm' } },
    });

    // Nothing readable afterwards holds the password; the database holds a $7$ hash of it.
    const later = await farm.api(
      `query ($id: ID!) { device(id: $id) { status metrics { name unit } } barn(id: "${farm.barnId}") { devices { nodes { id } } } }`,
      { id: label.device.id },
    );
    expect(JSON.stringify(later)).not.toContain(credentials.mqttPassword);
    expect(later.data!.device.metrics).toEqual([
      { name: 'temperatureC', unit: '°C' },
      { name: 'relativeHumidityPercent', unit: '%' },
      { name: 'co2Ppm', unit: 'ppm' },
      { name: 'ammoniaPpm', unit: 'ppm' },
    ]);
    expect(later.data!.barn.devices.nodes).toEqual([{ id: label.device.id }]);
    const stored = await farmiq.system.database!.prisma.deviceCredential.findMany({ where: { deviceId: label.device.id } });
    expect(stored.map((row) => row.passwordHash.startsWith('$7$') && !row.passwordHash.includes(credentials.mqttPassword))).toEqual([true]);
  });

  it('claims from the whole QR link, and refuses a second claim of a spent code', async () => {
    const label = await register('SCALE');
    const a = await tenantWithBarn('QR claim');
    expect((await a.api(CLAIM, { input: { claimLink: label.claimLink } })).data!.claimDevice.status).toBe('CLAIMED');
    const again = await a.api(CLAIM, { input: { claimLink: label.claimLink } });
    expect(errorCode(again)).toBe('CONFLICT');
    const b = await tenantWithBarn('QR claim rival');
    expect(errorCode(await b.api(CLAIM, { input: { claimLink: label.claimLink } }))).toBe('CONFLICT');
    const owner = await farmiq.system.database!.prisma.device.findUniqueOrThrow({ where: { id: label.device.id } });
    expect(owner.tenantId).toBe(a.tenantId);
  });

  it('answers a wrong code exactly like an unknown serial, and rate-limits wrong claims per tenant', async () => {
    const label = await register();
    const farm = await tenantWithBarn('Guesser');
    const wrongCode = await farm.api(CLAIM, { input: { serialNumber: label.device.serialNumber, claimCode: 'AAAA-AAAA-AAAA-AAAA-AAAA' } });
    const unknownSerial = await farm.api(CLAIM, { input: { serialNumber: serial(), claimCode: label.claimCode } });
    expect(wrongCode.errors![0]).toEqual(unknownSerial.errors![0]);
    expect(errorCode(wrongCode)).toBe('BAD_USER_INPUT');
    // 10 wrong claims in the window (2 above + 8 here); the 11th attempt is refused even with the right code.
    for (let attempt = 0; attempt < 8; attempt += 1) {
      expect(errorCode(await farm.api(CLAIM, { input: { serialNumber: serial(), claimCode: label.claimCode } }))).toBe('BAD_USER_INPUT');
    }
    const limited = await farm.api(CLAIM, { input: { serialNumber: label.device.serialNumber, claimCode: label.claimCode } });
    expect(errorCode(limited)).toBe('RATE_LIMITED');
    const device = await farmiq.system.database!.prisma.device.findUniqueOrThrow({ where: { id: label.device.id } });
    expect(device.status).toBe('PENDING');
    // Another tenant is not held back by this one's guessing.
    const other = await tenantWithBarn('Honest');
    expect((await other.api(CLAIM, { input: { claimLink: label.claimLink } })).data!.claimDevice.status).toBe('CLAIMED');
  });

  it("keeps tenants apart: no seeing, activating into, moving into or revoking another tenant's devices and barns", async () => {
    const label = await register();
    const a = await tenantWithBarn('Owner A');
    const b = await tenantWithBarn('Outsider B');
    await a.api(CLAIM, { input: { claimLink: label.claimLink } });
    expect(errorCode(await b.api(`query ($id: ID!) { device(id: $id) { id } }`, { id: label.device.id }))).toBe('NOT_FOUND');
    expect(errorCode(await b.api(ACTIVATE, { input: { deviceId: label.device.id, barnId: b.barnId, name: 'Stolen' } }))).toBe('NOT_FOUND');
    expect(errorCode(await a.api(ACTIVATE, { input: { deviceId: label.device.id, barnId: b.barnId, name: 'Into B' } }))).toBe('NOT_FOUND');
    expect(errorCode(await b.api(CREATE_BARN, { input: { farmId: a.farmId, name: 'Squat', species: 'PIG', capacityHead: 10 } }))).toBe('NOT_FOUND');
    expect(errorCode(await b.api(`mutation ($id: ID!) { revokeDevice(deviceId: $id) { id } }`, { id: label.device.id }))).toBe('NOT_FOUND');
    expect((await b.api('{ devices { nodes { id } } }')).data!.devices.nodes).toEqual([]);
    const device = await farmiq.system.database!.prisma.device.findUniqueOrThrow({ where: { id: label.device.id } });
    expect(device).toMatchObject({ status: 'CLAIMED', tenantId: a.tenantId, barnId: null });
  });

  it('names the current state when a transition is not allowed, and changes nothing', async () => {
    const label = await register();
    const farm = await tenantWithBarn('States');
    const rotateClaimed = await farm.api(`mutation ($id: ID!) { rotateDeviceCredentials(input: { deviceId: $id }) { mqttPassword } }`, { id: label.device.id });
    expect(errorCode(rotateClaimed)).toBe('NOT_FOUND'); // still PENDING: not the tenant's yet
    await farm.api(CLAIM, { input: { claimLink: label.claimLink } });
    const rotate = await farm.api(`mutation ($id: ID!) { rotateDeviceCredentials(input: { deviceId: $id }) { mqttPassword } }`, { id: label.device.id });
    expect(rotate.errors![0]).toMatchObject({
      message: 'The device is CLAIMED; only ACTIVE devices can be given new credentials',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    await farm.api(ACTIVATE, { input: { deviceId: label.device.id, barnId: farm.barnId, name: 'Once' } });
    const twice = await farm.api(ACTIVATE, { input: { deviceId: label.device.id, barnId: farm.barnId, name: 'Twice' } });
    expect(twice.errors![0]).toMatchObject({ message: 'The device is ACTIVE; only CLAIMED devices can be activated', extensions: { code: 'BAD_USER_INPUT' } });
    expect(
      (await farm.api(`mutation ($id: ID!) { revokeDevice(deviceId: $id) { status revokedAt } }`, { id: label.device.id })).data!.revokeDevice.status,
    ).toBe('REVOKED');
    const revive = await farm.api(ACTIVATE, { input: { deviceId: label.device.id, barnId: farm.barnId, name: 'Again' } });
    expect(revive.errors![0]!.message).toBe('The device is REVOKED; only CLAIMED devices can be activated');
    const stored = await farmiq.system.database!.prisma.device.findUniqueOrThrow({ where: { id: label.device.id } });
    expect(stored).toMatchObject({ status: 'REVOKED', name: 'Once' });
  });

  it('registers a factory CSV all or nothing, and only for a platform admin', async () => {
    const [s1, s2] = [serial(), serial()];
    const csv = `kind,serialNumber,batch\nFEED_BIN,${s1},7\nWATER_METER,${s2},7\n`;
    const registered = await platform(REGISTER, { input: { csv, claimCodeValidDays: 30 } });
    expect(registered.data!.registerDevices.map((label: { device: { serialNumber: string; kind: string } }) => label.device)).toMatchObject([
      { serialNumber: s1, kind: 'FEED_BIN' },
      { serialNumber: s2, kind: 'WATER_METER' },
    ]);
    const s3 = serial();
    const clash = await platform(REGISTER, { input: { csv: `serialNumber,kind\n${s3},SCALE\n${s1},SCALE\n` } });
    expect(errorCode(clash)).toBe('CONFLICT');
    expect(await farmiq.system.database!.prisma.device.count({ where: { serialNumber: s3 } })).toBe(0);
    const badKind = await platform(REGISTER, { input: { csv: `serialNumber,kind\n${s3},TOASTER\n` } });
    expect(badKind.errors![0]!.message).toBe('csv line 2: kind must be one of CLIMATE, WATER_METER, FEED_BIN, SCALE, GENERIC, CAMERA, got "TOASTER"');
    const tenant = await tenantWithBarn('Not a factory');
    expect(errorCode(await tenant.api(REGISTER, { input: { devices: [{ serialNumber: serial(), kind: 'SCALE' }] } }))).toBe('FORBIDDEN');
  });

  it('reissues a lost label for a platform admin only: the old QR link stops working, the new one claims, and the reissue is in the audit log', async () => {
    const label = await register();
    const REISSUE = `mutation ($input: ReissueClaimCodesInput!) { reissueClaimCodes(input: $input) { device { id serialNumber status } claimCode claimLink } }`;
    const farm = await tenantWithBarn('Lost sheet');
    expect(errorCode(await farm.api(REISSUE, { input: { serialNumbers: [label.device.serialNumber] } }))).toBe('FORBIDDEN');
    const reissued = await platform(REISSUE, { input: { serialNumbers: [label.device.serialNumber], claimCodeValidDays: 30 } });
    expect(reissued.errors).toBeUndefined();
    const [fresh] = reissued.data!.reissueClaimCodes as Array<{ device: { id: string; status: string }; claimCode: string; claimLink: string }>;
    expect(fresh!.device).toMatchObject({ id: label.device.id, status: 'PENDING' });
    expect(fresh!.claimLink).toBe(`farmiq://claim?serial=${label.device.serialNumber}&code=${fresh!.claimCode}`);
    expect(errorCode(await farm.api(CLAIM, { input: { claimLink: label.claimLink } }))).toBe('BAD_USER_INPUT');
    expect((await farm.api(CLAIM, { input: { claimLink: fresh!.claimLink } })).data!.claimDevice.status).toBe('CLAIMED');
    // Once claimed, the label cannot be reissued (it would let someone else claim the device).
    expect(errorCode(await platform(REISSUE, { input: { serialNumbers: [label.device.serialNumber] } }))).toBe('CONFLICT');
    // Identity applies audit records from the devices subgraph's events: wait for this one.
    let rows: Array<{ targetId: string }> = [];
    for (const deadline = Date.now() + 20_000; Date.now() < deadline && rows.length === 0; await new Promise((resolve) => setTimeout(resolve, 200))) {
      const audit = await platform('{ auditLog(action: DEVICE_CLAIM_CODE_REISSUED, first: 50) { nodes { action targetId tenantId detail } } }');
      expect(audit.errors).toBeUndefined();
      rows = audit.data!.auditLog.nodes.filter((row: { targetId: string }) => row.targetId === label.device.id);
    }
    expect(rows).toEqual([
      { action: 'DEVICE_CLAIM_CODE_REISSUED', targetId: label.device.id, tenantId: null, detail: `serialNumber=${label.device.serialNumber}` },
    ]);
  });

  it('lists devices due for rotation, exports Mosquitto files, and pages with cursors', async () => {
    const farm = await tenantWithBarn('Fleet');
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const label = await register();
      await farm.api(CLAIM, { input: { claimLink: label.claimLink } });
      await farm.api(ACTIVATE, { input: { deviceId: label.device.id, barnId: farm.barnId, name: `Sensor ${index}` } });
      ids.push(label.device.id);
    }
    // All credentials were issued just now: none is older than a day.
    expect((await farm.api('{ devicesWithCredentialsOlderThan(olderThanDays: 1) { nodes { id } } }')).data!.devicesWithCredentialsOlderThan.nodes).toEqual([]);
    expect(errorCode(await farm.api('{ devicesWithCredentialsOlderThan(olderThanDays: 0) { nodes { id } } }'))).toBe('BAD_USER_INPUT');
    // Age the first device's credentials to 100 days: it alone is due at 90 days, until rotated.
    const db = farmiq.system.database!.prisma;
    await db.deviceCredential.updateMany({ where: { deviceId: ids[0] }, data: { issuedAt: new Date(Date.now() - 100 * 24 * 3600 * 1000) } });
    const due = '{ devicesWithCredentialsOlderThan(olderThanDays: 90) { nodes { id credentialsIssuedAt } } }';
    expect((await farm.api(due)).data!.devicesWithCredentialsOlderThan.nodes.map((node: { id: string }) => node.id)).toEqual([ids[0]]);
    await farm.api('mutation ($d: ID!) { rotateDeviceCredentials(input: { deviceId: $d }) { issuedAt } }', { d: ids[0] });
    expect((await farm.api(due)).data!.devicesWithCredentialsOlderThan.nodes).toEqual([]);

    const first = await farm.api('{ devices(first: 2) { nodes { id } pageInfo { endCursor hasNextPage } } }');
    const next = await farm.api('query ($after: String) { devices(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage } } }', {
      after: first.data!.devices.pageInfo.endCursor,
    });
    expect([...first.data!.devices.nodes, ...next.data!.devices.nodes].map((node: { id: string }) => node.id)).toEqual(ids);
    expect([first.data!.devices.pageInfo.hasNextPage, next.data!.devices.pageInfo.hasNextPage]).toEqual([true, false]);
    expect(errorCode(await farm.api('{ devices(first: 2, after: "bm90IGEgY3Vyc29y") { nodes { id } } }'))).toBe('BAD_USER_INPUT');

    const files = (await farm.api('query ($f: ID!) { brokerAuthFiles(farmId: $f) { passwordFile aclFile deviceCount } }', { f: farm.farmId })).data!
      .brokerAuthFiles;
    expect(files.deviceCount).toBe(3);
    expect(
      files.passwordFile
        .trim()
        .split('\n')
        .map((line: string) => line.split(':')[0])
        .sort(),
    ).toEqual([...ids].sort());
    expect(files.aclFile).toContain('pattern write farmiq/devices/%u/#');
  });

  it('registers an edge gateway whose secret is shown once, and rotates and revokes it', async () => {
    const farm = await tenantWithBarn('Edge');
    const registered = await farm.api(
      'mutation ($f: ID!) { registerEdgeGateway(input: { farmId: $f, name: "Barn office" }) { keyId secret gateway { id name farm { id } } } }',
      { f: farm.farmId },
    );
    const { keyId, secret, gateway } = registered.data!.registerEdgeGateway;
    expect(gateway.farm.id).toBe(farm.farmId);
    const rotated = await farm.api(
      'mutation ($g: ID!) { rotateEdgeGatewayKey(input: { gatewayId: $g, overlapSeconds: 60 }) { keyId secret previousValidUntil } }',
      { g: gateway.id },
    );
    expect(rotated.data!.rotateEdgeGatewayKey.keyId).not.toBe(keyId);
    const listed = await farm.api('query ($g: ID!) { edgeGateway(id: $g) { keys { keyId validUntil revokedAt } } }', { g: gateway.id });
    expect(listed.data!.edgeGateway.keys.map((key: { keyId: string }) => key.keyId)).toEqual([rotated.data!.rotateEdgeGatewayKey.keyId, keyId]);
    expect(listed.data!.edgeGateway.keys[1].validUntil).toBe(rotated.data!.rotateEdgeGatewayKey.previousValidUntil);
    expect(JSON.stringify(listed)).not.toContain(secret);
    const revoked = await farm.api('mutation ($g: ID!) { revokeEdgeGateway(gatewayId: $g) { revokedAt keys { revokedAt } } }', { g: gateway.id });
    expect(revoked.data!.revokeEdgeGateway.keys.every((key: { revokedAt: string | null }) => key.revokedAt !== null)).toBe(true);
    const outsider = await tenantWithBarn('Edge outsider');
    expect(errorCode(await outsider.api('mutation ($g: ID!) { rotateEdgeGatewayKey(input: { gatewayId: $g }) { secret } }', { g: gateway.id }))).toBe(
      'NOT_FOUND',
    );
  });
});
