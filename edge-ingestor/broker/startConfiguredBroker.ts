import { isLoopbackAddress, type Config } from '../../lib/config';
import { PortUnavailableError } from '../../lib/http/listen';
import type { Logger } from '../../lib/logger';
import { loadBrokerTls } from './brokerTls';
import type { MqttCredential } from './ingestorCredential';
import { startEmbeddedBroker, type DeviceAuthenticator, type EmbeddedBroker, type EmbeddedBrokerOptions } from './embeddedBroker';

export interface ConfiguredBroker extends EmbeddedBroker {
  /** What a device is configured with: `mqtt://` or `mqtts://`, MQTT_HOST and the bound port. */
  deviceUrl: string;
}

/**
 * The embedded broker as configured: MQTT_HOST, MQTT_PORT, MQTT_TLS_*. MQTT_PORT (1883) is often
 * held by a broker the machine already runs. When the port was not chosen explicitly, development
 * falls back to a free port and says so; production and an explicit MQTT_PORT fail instead,
 * because devices are configured with that port.
 */
export async function startConfiguredBroker(
  config: Config,
  log: Logger,
  ingestorCredential: MqttCredential,
  authenticateDevice?: DeviceAuthenticator,
  unknownDeviceReason?: string,
): Promise<ConfiguredBroker> {
  const { embeddedHost: host, tls: tlsFiles } = config.mqtt;
  const tls = tlsFiles ? loadBrokerTls(tlsFiles) : undefined;
  if (tls && tls.validTo.getTime() < Date.now())
    log.warn({ certificate: tls.subject, validTo: tls.validTo }, 'MQTT_TLS_CERT_FILE has expired: devices that check it will refuse to connect');
  if (!tls && !isLoopbackAddress(host)) {
    // Refused in production unless MQTT_ALLOW_PLAINTEXT=true (lib/config.ts); said out loud either way.
    log.warn({ host }, 'the embedded MQTT broker listens beyond this machine without TLS: device passwords and readings cross the farm network in clear text');
  }
  const options: EmbeddedBrokerOptions = {
    port: config.mqtt.embeddedPort,
    host,
    tls: tls?.options,
    log,
    ingestorCredential,
    authenticateDevice,
    unknownDeviceReason,
  };
  let broker: EmbeddedBroker;
  try {
    broker = await startEmbeddedBroker(options);
  } catch (error) {
    if (!(error instanceof PortUnavailableError) || config.mqtt.embeddedPortExplicit || config.isProduction) throw error;
    broker = await startEmbeddedBroker({ ...options, port: 0 });
    log.warn(
      `MQTT_PORT ${config.mqtt.embeddedPort} is in use (another broker?); the embedded broker listens on ${broker.port} instead. ` +
        'Set MQTT_PORT to pin it, or MQTT_URL to use the other broker.',
    );
  }
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { ...broker, deviceUrl: `${tls ? 'mqtts' : 'mqtt'}://${shownHost}:${broker.port}` };
}
