import net from 'node:net';
import tls from 'node:tls';
import { createBroker, type AuthenticateError, type Client } from 'aedes';
import type { Logger } from '../../lib/logger';
import { listen } from '../../lib/http/listen';
import { deviceMayPublish } from '../../lib/mqtt/mosquittoPassword';
import { credentialMatches, type MqttCredential } from './ingestorCredential';

/** Checks a device's CONNECT: user name = device id, and one of its valid passwords. */
export type DeviceAuthenticator = (username: string, password: string) => Promise<boolean>;

/** MQTT CONNACK return code 4 (v3.1.1): bad user name or password. */
const BAD_USERNAME_OR_PASSWORD = 4;

export interface EmbeddedBrokerOptions {
  port: number;
  /** Where devices connect (MQTT_HOST). */
  host: string;
  /** Serve MQTT over TLS (MQTT_TLS_*) instead of plain TCP. */
  tls?: tls.TlsOptions;
  log: Logger;
  /** The ingestor's own credential: the one client that may subscribe. */
  ingestorCredential: MqttCredential;
  /** Device credentials (the devices subgraph's data); without it only the ingestor connects. */
  authenticateDevice?: DeviceAuthenticator;
  /** Logged when a device's credentials do not check out: where they were looked up, and what that means for a device of elsewhere. */
  unknownDeviceReason?: string;
}

export interface EmbeddedBroker {
  /** The devices' listener. */
  port: number;
  /**
   * Where this process's own clients (the ingestor's subscriber, the demo simulator) connect:
   * plain MQTT on loopback. It is the devices' listener when that is plain MQTT on loopback;
   * otherwise a second listener on 127.0.0.1 (a free port) with the same credentials and ACL,
   * so the ingestor needs neither the farm network nor a CA to reach its own broker.
   */
  localUrl: string;
  /** Closes the connections of these devices (credentials revoked); returns how many were open. */
  disconnectDevices(usernames: Iterable<string>): number;
  close(): Promise<void>;
}

/**
 * The in-process MQTT broker (aedes) for a farm without Mosquitto or EMQX. Deny by default:
 * no anonymous clients; a device connects with its id as user name and client id (so no
 * device can take over another's session) and publishes only below its own topic
 * (`deviceMayPublish`, the twin of the exported Mosquitto ACL); only the ingestor subscribes.
 */
export async function startEmbeddedBroker(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
  const log = options.log.child({ component: 'broker' });
  // Who each connected client authenticated as; aedes does not keep the user name itself.
  const principals = new WeakMap<object, { kind: 'ingestor' | 'device'; username: string }>();
  const isIngestor = (client: object | null) => client !== null && principals.get(client)?.kind === 'ingestor';
  // A device's open connection by its user name (= client id, so at most one each).
  const connectedDevices = new Map<string, Client>();
  const refuse = (clientId: string, reason: string, done: (error: AuthenticateError | null, success: boolean) => void) => {
    log.warn({ clientId, reason }, 'MQTT connection refused');
    done(Object.assign(new Error('bad user name or password'), { returnCode: BAD_USERNAME_OR_PASSWORD }) as AuthenticateError, false);
  };
  const broker = createBroker({
    authenticate: (client, username, password, done) => {
      if (credentialMatches(options.ingestorCredential, username, password)) {
        principals.set(client, { kind: 'ingestor', username: username! });
        done(null, true);
        return;
      }
      if (!options.authenticateDevice || username === undefined || password === undefined) return refuse(client.id, 'no credentials', done);
      // The client id must be the device's own: a device cannot disconnect another by reusing its id.
      if (client.id !== username) return refuse(client.id, 'client id is not the device id', done);
      options.authenticateDevice(username, password.toString('utf8')).then(
        (valid) => {
          if (!valid) return refuse(client.id, options.unknownDeviceReason ?? 'unknown device or wrong password', done);
          principals.set(client, { kind: 'device', username });
          connectedDevices.set(username, client);
          done(null, true);
        },
        (error: Error) => {
          log.error({ err: error.message }, 'device credential check failed');
          refuse(client.id, 'credential check failed', done);
        },
      );
    },
    authorizePublish: (client, packet, callback) => {
      const principal = client ? principals.get(client) : undefined;
      const allowed = principal?.kind === 'device' && deviceMayPublish(principal.username, packet.topic);
      if (!allowed) log.warn({ clientId: client?.id, topic: packet.topic }, 'MQTT publish refused');
      callback(allowed ? null : new Error('publish not allowed'));
    },
    authorizeSubscribe: (client, subscription, callback) => {
      callback(isIngestor(client) ? null : new Error('subscribe not allowed'), subscription);
    },
  });
  broker.on('clientDisconnect', (client) => {
    const principal = principals.get(client);
    if (principal?.kind === 'device' && connectedDevices.get(principal.username) === client) connectedDevices.delete(principal.username);
  });
  const servers: net.Server[] = [];
  const closeAll = async () => {
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  };
  // aedes speaks MQTT on any stream: a TLS socket is handed over once its handshake is done.
  const server = options.tls ? tls.createServer(options.tls, broker.handle) : net.createServer(broker.handle);
  if (options.tls)
    server.on('tlsClientError', (error: Error, socket: tls.TLSSocket) =>
      log.warn({ remoteAddress: socket.remoteAddress, reason: error.message }, 'MQTT TLS handshake failed'),
    );
  servers.push(server);
  let port: number;
  let localUrl: string;
  try {
    port = await listen(server, options.port, options.host, 'MQTT_PORT', 'MQTT_HOST');
    if (!options.tls && net.isIPv4(options.host) && options.host.startsWith('127.')) {
      localUrl = `mqtt://${options.host}:${port}`;
    } else {
      const loopback = net.createServer(broker.handle);
      servers.push(loopback);
      localUrl = `mqtt://127.0.0.1:${await listen(loopback, 0, '127.0.0.1', 'MQTT_PORT')}`;
    }
  } catch (error) {
    await closeAll();
    throw error;
  }
  log.info({ host: options.host, port, tls: Boolean(options.tls), clientCertificates: Boolean(options.tls?.requestCert) }, 'embedded MQTT broker listening');
  return {
    port,
    localUrl,
    disconnectDevices(usernames) {
      let closed = 0;
      for (const username of usernames) {
        const client = connectedDevices.get(username);
        if (!client) continue;
        connectedDevices.delete(username);
        client.close();
        closed += 1;
      }
      if (closed > 0) log.info({ devices: closed }, 'disconnected devices whose credentials were revoked or changed');
      return closed;
    },
    close: closeAll,
  };
}
