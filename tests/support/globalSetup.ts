import net from 'node:net';
import pg from 'pg';
import { POSTGRES_URL_ENV } from './postgres';

/** Set when a real MQTT broker answers (MQTT_URL or the machine's Mosquitto on 127.0.0.1:1883). */
export const MQTT_URL_ENV = 'FARMIQ_TEST_MQTT_URL';
const MACHINE_MQTT = 'mqtt://127.0.0.1:1883';

const MACHINE_POSTGRES = 'postgresql://postgres@127.0.0.1:5432/postgres';

/**
 * Finds the real PostgreSQL the integration suite also runs against: DATABASE_URL, or the
 * machine's server on 127.0.0.1:5432; and the real MQTT broker. Under CI (CI=true) their absence
 * fails the run instead of silently testing only the embedded ones.
 */
/** Set when a real Redis answers (REDIS_URL or the machine's on 127.0.0.1:6379). */
export const REDIS_URL_ENV = 'FARMIQ_TEST_REDIS_URL';

export default async function globalSetup(): Promise<void> {
  await findPostgres();
  await findMqttBroker();
  await findService('Redis', process.env.REDIS_URL || 'redis://127.0.0.1:6379', REDIS_URL_ENV);
}

const requireRealServices = () => process.env.CI === 'true' || process.env.FARMIQ_REQUIRE_SERVICES === '1';

const findMqttBroker = () => findService('MQTT broker', process.env.MQTT_URL || MACHINE_MQTT, MQTT_URL_ENV);

/** Records `candidate` in `env` when it accepts a TCP connection; CI requires it. */
async function findService(name: string, candidate: string, env: string): Promise<void> {
  const { hostname, port } = new URL(candidate);
  const reachable = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port), timeout: 2_000 });
    const answer = (reachable: boolean) => {
      socket.destroy();
      resolve(reachable);
    };
    socket.once('connect', () => answer(true));
    socket.once('error', () => answer(false));
    socket.once('timeout', () => answer(false));
  });
  if (reachable) {
    process.env[env] = candidate;
  } else if (requireRealServices()) {
    throw new Error(`CI needs a real ${name} at ${hostname}:${port}`);
  } else {
    console.warn(`No ${name} at ${hostname}:${port}: its tests run on the embedded alternative only.`);
  }
}

async function findPostgres(): Promise<void> {
  const candidate = process.env.DATABASE_URL || MACHINE_POSTGRES;
  const client = new pg.Client({ connectionString: candidate, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    process.env[POSTGRES_URL_ENV] = candidate;
  } catch (error) {
    if (requireRealServices()) {
      throw new Error(`CI needs a real PostgreSQL at ${new URL(candidate).host}: ${(error as Error).message}`);
    }
    console.warn(`No PostgreSQL at ${new URL(candidate).host}: integration tests run on the embedded PGlite only.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
