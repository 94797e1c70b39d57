import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import type { Config } from '../lib/config';
import { PortUnavailableError } from '../lib/http/listen';
import type { ReadinessCheck } from '../lib/http/health';
import type { Logger } from '../lib/logger';
import { startEmbeddedBroker, type DeviceAuthenticator, type EmbeddedBroker } from './broker/embeddedBroker';
import { generateCredential } from './broker/credentials';

export interface Ingestor {
  /** Where devices connect: the embedded broker's port, or the configured MQTT_URL. */
  brokerUrl: string;
  readiness: ReadinessCheck;
  stop(): Promise<void>;
}

/**
 * The farm-side ingestor: connects to the broker (MQTT_URL, or an embedded one it starts) and
 * stays connected through broker restarts. The buffer and forwarder build on this connection.
 */
export interface IngestorOptions {
  /** How the embedded broker checks device credentials (all-in-one: the devices subgraph's data). */
  authenticateDevice?: DeviceAuthenticator;
}

export async function startIngestor(config: Config, processLog: Logger, options: IngestorOptions = {}): Promise<Ingestor> {
  const log = processLog.child({ component: 'ingestor' });
  const clientId = `farmiq-ingestor-${randomBytes(6).toString('hex')}`;
  let broker: EmbeddedBroker | undefined;
  let brokerUrl: string;
  let credential: { username?: string; password?: string } = {};
  if (config.mqtt.url) {
    brokerUrl = config.mqtt.url;
  } else {
    const ingestorCredential = generateCredential(clientId);
    broker = await startEmbeddedBrokerOnPort(config, processLog, ingestorCredential, options.authenticateDevice);
    brokerUrl = `mqtt://127.0.0.1:${broker.port}`;
    credential = ingestorCredential;
  }
  const client: MqttClient = mqtt.connect(brokerUrl, {
    clientId,
    ...credential,
    // MQTT 3.1.1: what every broker we support (aedes, Mosquitto, EMQX) and most devices speak.
    protocolVersion: 4,
    clean: false,
    reconnectPeriod: 1_000,
    connectTimeout: 5_000,
  });
  client.on('connect', () => log.info({ broker: redactUrl(brokerUrl) }, 'connected to the MQTT broker'));
  client.on('error', (error) => log.warn({ err: error.message }, 'MQTT client error'));
  client.on('offline', () => log.warn('MQTT broker unreachable; reconnecting'));
  return {
    brokerUrl,
    readiness: {
      name: 'broker',
      check: async () => {
        if (!client.connected) throw new Error(`not connected to ${redactUrl(brokerUrl)}`);
      },
    },
    async stop() {
      await client.endAsync();
      await broker?.close();
    },
  };
}

/**
 * MQTT_PORT (1883) is often held by a broker the machine already runs. When the port was not
 * chosen explicitly, development falls back to a free port and says so; production and an
 * explicit MQTT_PORT fail instead, because devices are configured with that port.
 */
async function startEmbeddedBrokerOnPort(config: Config, log: Logger, ingestorCredential: ReturnType<typeof generateCredential>, authenticateDevice?: DeviceAuthenticator) {
  const host = '127.0.0.1';
  try {
    return await startEmbeddedBroker({ port: config.mqtt.embeddedPort, host, log, ingestorCredential, authenticateDevice });
  } catch (error) {
    if (!(error instanceof PortUnavailableError) || config.mqtt.embeddedPortExplicit || config.isProduction) throw error;
    const broker = await startEmbeddedBroker({ port: 0, host, log, ingestorCredential, authenticateDevice });
    log.warn(
      `MQTT_PORT ${config.mqtt.embeddedPort} is in use (another broker?); the embedded broker listens on ${broker.port} instead. ` +
        'Set MQTT_PORT to pin it, or MQTT_URL to use the other broker.',
    );
    return broker;
  }
}

function redactUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}
