import net from 'node:net';
import { createBroker, type AuthenticateError } from 'aedes';
import type { Logger } from '../../lib/logger';
import { listen } from '../../lib/http/listen';
import { credentialMatches, type MqttCredential } from './credentials';

/** MQTT CONNACK return code 4 (v3.1.1): bad user name or password. */
const BAD_USERNAME_OR_PASSWORD = 4;

export interface EmbeddedBrokerOptions {
  port: number;
  host: string;
  log: Logger;
  /** The ingestor's own credential; every other client is refused until device credentials exist. */
  ingestorCredential: MqttCredential;
}

export interface EmbeddedBroker {
  port: number;
  close(): Promise<void>;
}

/**
 * The in-process MQTT broker (aedes) for a farm without Mosquitto or EMQX. Deny by default:
 * no anonymous clients; only known credentials connect, publish or subscribe.
 */
export async function startEmbeddedBroker(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
  const log = options.log.child({ component: 'broker' });
  // Who each connected client authenticated as; aedes does not keep the user name itself.
  const principals = new WeakMap<object, string>();
  const isIngestor = (client: object | null) => client !== null && principals.get(client) === options.ingestorCredential.username;
  const broker = createBroker({
    authenticate: (client, username, password, done) => {
      if (credentialMatches(options.ingestorCredential, username, password)) {
        principals.set(client, options.ingestorCredential.username);
        done(null, true);
        return;
      }
      log.warn({ clientId: client.id }, 'MQTT connection refused: unknown credentials');
      const error = Object.assign(new Error('bad user name or password'), { returnCode: BAD_USERNAME_OR_PASSWORD }) as AuthenticateError;
      done(error, false);
    },
    authorizePublish: (client, _packet, callback) => {
      callback(isIngestor(client) ? null : new Error('publish not allowed'));
    },
    authorizeSubscribe: (client, subscription, callback) => {
      callback(isIngestor(client) ? null : new Error('subscribe not allowed'), subscription);
    },
  });
  const server = net.createServer(broker.handle);
  let port: number;
  try {
    port = await listen(server, options.port, options.host, 'MQTT_PORT');
  } catch (error) {
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    throw error;
  }
  log.info({ host: options.host, port }, 'embedded MQTT broker listening');
  return {
    port,
    async close() {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
