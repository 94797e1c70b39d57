import { randomUUID } from 'node:crypto';
import { createSecretBox, generateSecretBoxKey, parseSecretBoxKey } from '../../../lib/crypto/secretBox';
import type { PrismaClient } from '../../../lib/db/generated/client';
import { databaseRateLimitStore } from '../../../lib/rateLimit/store';
import { migratedDatabase } from '../../../tests/support/database';
import { backends } from '../../../tests/support/postgres';
import { verifyDeviceCredentials } from '../credentials/deviceCredentials';
import { edgeKeyForVerification, registerEdgeGateway, revokeEdgeGateway, rotateEdgeGatewayKey } from '../edgeGateways/edgeGateways';
import { claimDevice } from '../provisioning/claimDevice';
import { activateDevice, revokeDevice, rotateCredentials } from '../provisioning/lifecycle';
import { registerDevices } from '../provisioning/registerDevices';
import { reissueClaimCodes } from '../provisioning/reissueClaimCodes';

const T0 = new Date('2026-11-25T08:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const DAY_S = 24 * 60 * 60;

describe.each(backends())('device provisioning on %s, with a fixed clock', (backend) => {
  let db: PrismaClient;
  let close: () => Promise<void>;
  const box = createSecretBox(parseSecretBoxKey(generateSecretBoxKey())!);

  beforeAll(async () => {
    const opened = await migratedDatabase(backend);
    db = opened.db.prisma;
    close = opened.close;
  });
  afterAll(async () => close?.());

  /** A tenant with a farm and barn, and one device registered at T0 with a code valid `days` days. */
  async function setUp(days = 30) {
    const tenantId = randomUUID();
    const farm = await db.farm.create({ data: { tenantId, name: 'Farm', timeZone: 'Asia/Bangkok' } });
    const barn = await db.barn.create({ data: { tenantId, farmId: farm.id, name: 'House 1', species: 'BROILER', capacityHead: 20000 } });
    const serialNumber = `SN-${randomUUID().slice(0, 8)}`;
    const [label] = await registerDevices(db, [{ serialNumber, kind: 'CLIMATE' }], days, T0);
    return { tenantId, farm, barn, serialNumber, label: label!, limits: databaseRateLimitStore(db.claimFailure) };
  }

  async function activeDevice() {
    const setup = await setUp();
    await claimDevice(db, setup.limits, setup.tenantId, { serialNumber: setup.serialNumber, claimCode: setup.label.claimCode }, at(60));
    const activated = await activateDevice(db, setup.tenantId, { deviceId: setup.label.deviceId, barnId: setup.barn.id, name: 'Climate 1' }, at(120));
    return { ...setup, deviceId: activated.device.id, password: activated.password };
  }

  it('refuses a claim code on the second after it expired, and accepted it the second before', async () => {
    const early = await setUp(1);
    const expiry = 1 * DAY_S;
    const claim = (setup: typeof early, seconds: number) =>
      claimDevice(db, setup.limits, setup.tenantId, { serialNumber: setup.serialNumber, claimCode: setup.label.claimCode }, at(seconds));
    await expect(claim(early, expiry - 1)).resolves.toMatchObject({ status: 'CLAIMED', tenantId: early.tenantId });
    const late = await setUp(1);
    await expect(claim(late, expiry)).rejects.toThrow(/expired/);
    expect((await db.device.findUniqueOrThrow({ where: { id: late.label.deviceId } })).status).toBe('PENDING');
  });

  it('reissues a lost or expired label: the new code claims, the old one is refused like a wrong code, and a batch naming a claimed device changes nothing', async () => {
    const lost = await setUp(1);
    const claim = (setup: typeof lost, claimCode: string, seconds: number) =>
      claimDevice(db, setup.limits, setup.tenantId, { serialNumber: setup.serialNumber, claimCode }, at(seconds));
    // Two days on, the one-day code has expired; the new one is good for 30 days from now.
    const [reissued] = await reissueClaimCodes(db, [lost.serialNumber], 30, at(2 * DAY_S));
    expect(reissued).toMatchObject({ deviceId: lost.label.deviceId, claimLink: expect.stringContaining(`serial=${lost.serialNumber}`) });
    expect(reissued!.claimCode).not.toBe(lost.label.claimCode);
    await expect(claim(lost, lost.label.claimCode, 2 * DAY_S + 1)).rejects.toThrow('No device with this serial number and claim code');
    await expect(claim(lost, reissued!.claimCode, 2 * DAY_S + 30 * DAY_S - 1)).resolves.toMatchObject({ status: 'CLAIMED', tenantId: lost.tenantId });

    // All or nothing: the claimed one is CONFLICT, and the pending one keeps its code.
    const pending = await setUp(30);
    await expect(reissueClaimCodes(db, [pending.serialNumber, lost.serialNumber], 30, at(60))).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: expect.stringContaining(lost.serialNumber),
    });
    await expect(reissueClaimCodes(db, [pending.serialNumber, 'SN-NEVER-MADE'], 30, at(60))).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(reissueClaimCodes(db, [pending.serialNumber, pending.serialNumber], 30, at(60))).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    await expect(reissueClaimCodes(db, [pending.serialNumber], 0, at(60))).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(claim(pending, pending.label.claimCode, 120)).resolves.toMatchObject({ status: 'CLAIMED' });
  });

  it('stores only a $7$ hash of the MQTT password, and the password is 128 random bits', async () => {
    const { deviceId, password } = await activeDevice();
    expect(Buffer.from(password, 'base64url')).toHaveLength(16);
    const stored = await db.deviceCredential.findMany({ where: { deviceId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.passwordHash).toMatch(/^\$7\$\d+\$/);
    expect(stored[0]!.passwordHash).not.toContain(password);
    expect(await verifyDeviceCredentials(db, deviceId, password, at(121))).toBe(true);
    expect(await verifyDeviceCredentials(db, deviceId, `${password}x`, at(121))).toBe(false);
  });

  it('keeps the old password valid through the overlap, to the second, and the new one from the start', async () => {
    const { tenantId, deviceId, password: oldPassword } = await activeDevice();
    const rotatedAt = 1000;
    const overlapSeconds = 3600;
    const rotated = await rotateCredentials(db, tenantId, { deviceId, overlapSeconds }, at(rotatedAt));
    expect(rotated.previousValidUntil).toEqual(at(rotatedAt + overlapSeconds));
    expect(rotated.password).not.toBe(oldPassword);
    expect(await verifyDeviceCredentials(db, deviceId, oldPassword, at(rotatedAt + overlapSeconds - 1))).toBe(true);
    expect(await verifyDeviceCredentials(db, deviceId, oldPassword, at(rotatedAt + overlapSeconds))).toBe(false);
    expect(await verifyDeviceCredentials(db, deviceId, rotated.password, at(rotatedAt))).toBe(true);
    expect(await verifyDeviceCredentials(db, deviceId, rotated.password, at(rotatedAt + 30 * DAY_S))).toBe(true);
  });

  it('uses 24 hours as the default overlap, and a second rotation never extends the first overlap', async () => {
    const { tenantId, deviceId, password: first } = await activeDevice();
    const second = await rotateCredentials(db, tenantId, { deviceId }, at(1000));
    expect(second.previousValidUntil).toEqual(at(1000 + DAY_S));
    await rotateCredentials(db, tenantId, { deviceId, overlapSeconds: 2 * DAY_S }, at(2000));
    expect(await verifyDeviceCredentials(db, deviceId, first, at(1000 + DAY_S))).toBe(false);
    expect(await verifyDeviceCredentials(db, deviceId, second.password, at(1000 + DAY_S))).toBe(true);
  });

  it('ends every password of a revoked device at once, in the overlap too', async () => {
    const { tenantId, deviceId, password } = await activeDevice();
    const rotated = await rotateCredentials(db, tenantId, { deviceId }, at(1000));
    await revokeDevice(db, tenantId, deviceId, at(1001));
    expect(await verifyDeviceCredentials(db, deviceId, password, at(1001))).toBe(false);
    expect(await verifyDeviceCredentials(db, deviceId, rotated.password, at(1001))).toBe(false);
    await expect(rotateCredentials(db, tenantId, { deviceId }, at(1002))).rejects.toThrow(
      'The device is REVOKED; only ACTIVE devices can be given new credentials',
    );
  });

  it('keeps edge gateway keys encrypted, verifies old and new through the overlap, and none after revocation', async () => {
    const { tenantId, farm } = await setUp();
    const registered = await registerEdgeGateway(db, box, tenantId, { farmId: farm.id, name: 'Edge 1' }, T0);
    expect(Buffer.from(registered.secret, 'base64url')).toHaveLength(32);
    const stored = await db.edgeGatewayKey.findUniqueOrThrow({ where: { id: registered.keyId } });
    expect(stored.secretCiphertext).not.toContain(registered.secret);
    expect(await edgeKeyForVerification(db, box, registered.keyId, at(1))).toMatchObject({ secret: registered.secret, tenantId, farmId: farm.id });

    const rotated = await rotateEdgeGatewayKey(db, box, tenantId, { gatewayId: registered.gateway.id, overlapSeconds: 600 }, at(100));
    expect((await edgeKeyForVerification(db, box, registered.keyId, at(699)))?.secret).toBe(registered.secret);
    expect(await edgeKeyForVerification(db, box, registered.keyId, at(700))).toBeNull();
    expect((await edgeKeyForVerification(db, box, rotated.keyId, at(700)))?.secret).toBe(rotated.secret);

    await revokeEdgeGateway(db, tenantId, registered.gateway.id, at(800));
    expect(await edgeKeyForVerification(db, box, rotated.keyId, at(800))).toBeNull();
  });

  it('cannot read a key ciphertext moved onto another key id, or under another secrets key', async () => {
    const { tenantId, farm } = await setUp();
    const a = await registerEdgeGateway(db, box, tenantId, { farmId: farm.id, name: 'Edge A' }, T0);
    const b = await registerEdgeGateway(db, box, tenantId, { farmId: farm.id, name: 'Edge B' }, T0);
    const aRow = await db.edgeGatewayKey.findUniqueOrThrow({ where: { id: a.keyId } });
    await db.edgeGatewayKey.update({ where: { id: b.keyId }, data: { secretCiphertext: aRow.secretCiphertext } });
    await expect(edgeKeyForVerification(db, box, b.keyId, at(1))).rejects.toThrow();
    const otherBox = createSecretBox(parseSecretBoxKey(generateSecretBoxKey())!);
    await expect(edgeKeyForVerification(db, otherBox, a.keyId, at(1))).rejects.toThrow();
  });
});
