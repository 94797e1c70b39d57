import { confusableSkeleton } from '../../lib/text/confusables';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { hashPassword } from '../../lib/auth/password';
import type { SecretBox } from '../../lib/crypto/secretBox';
import type { PrismaClient } from '../../lib/db/generated/client';
import type { Logger } from '../../lib/logger';
import { databaseRateLimitStore } from '../../lib/rateLimit/store';
import { SIMULATOR_DEVICES_FILE, type SimulatorDevice } from '../../edge-ingestor/simulator/Simulator';
import { registerEdgeGateway } from './edgeGateways/edgeGateways';
import { claimDevice } from './provisioning/claimDevice';
import { activateDevice } from './provisioning/lifecycle';
import { registerDevices } from './provisioning/registerDevices';

/** The demo farm's devices and the local edge gateway key, kept in the data folder (0600). */
export const DEMO_FARM_FILE = 'demo-farm.json';
/** The demo tenant admin's email and one-time password, like the platform admin's (0600). */
export const DEMO_ADMIN_FILE = 'demo-admin-password.txt';
export const DEMO_ADMIN_EMAIL = 'demo@farmiq.local';
/** The demo flock is three weeks old, like the simulated scale's growth curve. */
const DEMO_BATCH_AGE_DAYS = 21;

export interface DemoFarm {
  tenantId: string;
  farmId: string;
  devices: SimulatorDevice[];
  edgeKey: { keyId: string; secret: string };
}

const KINDS = ['CLIMATE', 'WATER_METER', 'FEED_BIN', 'SCALE'] as const;

/**
 * Demo data for a new development system (`npm start`, SIMULATOR not off): on a system without
 * tenants, a "Demo Farms" tenant with one broiler house, four devices and an edge gateway is
 * provisioned through the devices subgraph's own code, exactly as an operator would, and kept in
 * the data folder: the simulator publishes as those devices. (The all-in-one ingestor signs with
 * the process's in-process key, for every farm; the demo gateway's key serves a separate
 * `farmiq start --target ingestor` pointed at this system.) The key and passwords live only in the data folder (never in the
 * repository), like the other development secrets there. Returns undefined on a system that
 * already had tenants when the demo was first considered.
 */
export async function ensureDemoFarm(db: PrismaClient, box: SecretBox, dataDir: string, log: Logger, now = new Date()): Promise<DemoFarm | undefined> {
  const file = path.join(dataDir, DEMO_FARM_FILE);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as DemoFarm;
  if ((await db.tenant.count()) > 0) return undefined;
  const tenantId = (await db.tenant.create({ data: { name: 'Demo Farms' } })).id;
  const farmId = (await db.farm.create({ data: { tenantId, name: 'Demo farm', timeZone: 'UTC' } })).id;
  const barnId = (await db.barn.create({ data: { tenantId, farmId, name: 'House 1', species: 'BROILER', capacityHead: 20_000 } })).id;
  const placedOn = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - DEMO_BATCH_AGE_DAYS));
  await db.batch.create({
    data: { tenantId, farmId, barnId, species: 'BROILER', breed: 'Ross 308', placedOn, headCountPlaced: 19_500, placementWeightGrams: 42 },
  });
  const suffix = tenantId.slice(0, 8).toUpperCase();
  const labels = await registerDevices(
    db,
    KINDS.map((kind, i) => ({ serialNumber: `DEMO-${suffix}-${i + 1}`, kind })),
    30,
    now,
  );
  const devices: SimulatorDevice[] = [];
  for (const [i, label] of labels.entries()) {
    await claimDevice(db, databaseRateLimitStore(db.claimFailure), tenantId, { serialNumber: `DEMO-${suffix}-${i + 1}`, claimCode: label.claimCode }, now);
    const activated = await activateDevice(db, tenantId, { deviceId: label.deviceId, barnId, name: `Demo ${KINDS[i]!.toLowerCase().replace('_', ' ')}` }, now);
    devices.push({ id: activated.device.id, password: activated.password, kind: KINDS[i]! });
  }
  const edge = await registerEdgeGateway(db, box, tenantId, { farmId, name: 'Demo edge (all-in-one)' }, now);
  const demo: DemoFarm = { tenantId, farmId, devices, edgeKey: { keyId: edge.keyId, secret: edge.secret } };
  fs.writeFileSync(file, JSON.stringify(demo, null, 2), { mode: 0o600 });
  fs.writeFileSync(path.join(dataDir, SIMULATOR_DEVICES_FILE), JSON.stringify(devices, null, 2), { mode: 0o600 });
  log.info({ tenantId, farmId, devices: devices.length }, 'fresh system: demo farm created (SIMULATOR=off to skip); its simulated devices publish readings');
  await createDemoAdmin(db, tenantId, dataDir, log);
  return demo;
}

/**
 * The demo tenant's admin, so that a first login shows a live farm: a random one-time password
 * (144 bits) printed once and written to an owner-only file, to be changed at first login, as
 * for the platform admin. No default password exists.
 */
async function createDemoAdmin(db: PrismaClient, tenantId: string, dataDir: string, log: Logger): Promise<void> {
  const password = randomBytes(18).toString('base64url');
  const user = await db.userAccount.create({
    data: {
      email: DEMO_ADMIN_EMAIL,
      emailSkeleton: confusableSkeleton(DEMO_ADMIN_EMAIL),
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
    },
  });
  await db.membership.create({ data: { userId: user.id, tenantId, role: 'TENANT_ADMIN' } });
  const file = path.join(dataDir, DEMO_ADMIN_FILE);
  fs.writeFileSync(file, `${DEMO_ADMIN_EMAIL}\n${password}\n`, { mode: 0o600 });
  log.warn({ email: DEMO_ADMIN_EMAIL, file }, 'demo tenant admin created with a one-time password (also in the file); it must be changed at first login');
  // Printed once to the terminal, not to the structured log that may be shipped elsewhere.
  process.stdout.write(
    `\nDemo farm admin:   ${DEMO_ADMIN_EMAIL}\nOne-time password: ${password}\n(log in at the dashboard to watch the demo farm live; also in ${file})\n\n`,
  );
}
