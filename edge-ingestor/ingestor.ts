import { ConfigError, type Config } from '../lib/config';
import { lockDataDir } from '../lib/db/dataDirLock';
import type { ReadinessCheck } from '../lib/http/health';
import type { Logger } from '../lib/logger';
import { openDevicePasswordFile } from './broker/devicePasswordFile';
import type { DeviceAuthenticator } from './broker/embeddedBroker';
import { startConfiguredBroker, type ConfiguredBroker } from './broker/startConfiguredBroker';
import { generateCredential } from './broker/ingestorCredential';
import { issueInProcessEdgeKey } from '../lib/edge/inProcessEdgeKey';
import { bufferDirIn, bufferFileIn } from './buffer/bufferLocation';
import { DiskBuffer } from './buffer/DiskBuffer';
import { startQuarantineKeeper } from './buffer/quarantineKeeper';
import { GroupCommitWriter } from './buffer/GroupCommitWriter';
import { Forwarder } from './forwarder/Forwarder';
import { ingestorMetrics } from './ingestorMetrics';
import { redactUrl, startTelemetrySubscriber } from './mqtt/telemetrySubscriber';
import { scaleSessionUrlBeside } from './vision/scaleSessionSync';
import { startVisionService, type VisionService } from './vision/visionService';

export interface Ingestor {
  /** Where devices connect: the embedded broker's listener (MQTT_HOST, `mqtts:` with TLS), or the configured MQTT_URL. */
  brokerUrl: string;
  /** Where a client in this process connects (the demo simulator): plain loopback for the embedded broker, else MQTT_URL. */
  localBrokerUrl: string;
  buffer: DiskBuffer;
  /** The camera vision (VISION=on), else undefined. */
  vision: VisionService | undefined;
  /** Undefined when no ingest URL or edge key is configured (development only). */
  forwarder: Forwarder | undefined;
  readiness: ReadinessCheck;
  stop(): Promise<void>;
}

export interface IngestorOptions {
  /** How the embedded broker checks device credentials (all-in-one: the devices subgraph's data). */
  authenticateDevice?: DeviceAuthenticator;
  /** Where batches go when INGEST_URL is not set (all-in-one: the local telemetry subgraph). */
  defaultIngestUrl?: string;
  /**
   * All in one process with the cloud (`farmiq start`): batches to `defaultIngestUrl` are signed
   * with the process's in-process key (lib/edge/inProcessEdgeKey.ts), which that endpoint
   * accepts for every farm, as the embedded broker admits every farm's devices. No edge key to
   * configure, in production neither.
   */
  inProcessWithCloud?: boolean;
  /** All in one process: where this process's kpi answers a camera's barn's latest scale session (vision calibration). */
  defaultScaleSessionUrl?: string;
}

export { BUFFER_DIR } from './buffer/bufferLocation';

/**
 * A batch's longest wait in the all-in-one mode unless FORWARD_BATCH_MAX_WAIT_MS is set: a request
 * on loopback costs little, and a reading should be on the dashboard within a second or two of
 * its PUBACK. A farm box keeps the longer default: fewer, fuller requests over its uplink.
 */
const IN_PROCESS_BATCH_MAX_WAIT_MS = 50;

/** Why a farm box's broker refuses a device: its password file holds one farm's devices. */
export const PASSWORD_FILE_REFUSAL =
  "not a device of this farm's MQTT_PASSWORD_FILE, or a wrong password: the file lists one farm's devices (brokerAuthFiles for this box's farm, the farm of its edge key); a device of another farm connects to that farm's box";

/**
 * The farm-side ingestor: MQTT in (MQTT_URL, or an embedded broker it starts), every valid
 * message durable in the disk buffer before its PUBACK, and a forwarder that sends the buffer
 * to the cloud as signed batches, deleting only what the cloud acknowledged.
 */
export async function startIngestor(config: Config, processLog: Logger, options: IngestorOptions = {}): Promise<Ingestor> {
  const log = processLog.child({ component: 'ingestor' });
  const settings = config.ingestor;
  const inProcess = Boolean(options.inProcessWithCloud && options.defaultIngestUrl && !settings.ingestUrl);
  const ingestUrl = settings.ingestUrl ?? options.defaultIngestUrl;
  const edgeKey = inProcess ? issueInProcessEdgeKey() : settings.edgeKey;
  if (inProcess && settings.edgeKey)
    log.warn('EDGE_KEY_ID is ignored without INGEST_URL in the all-in-one mode: its ingestor speaks for every farm of this process');
  // A farm's ingestor (its own process) is useless without them; all in one process, ingest is
  // on loopback and the ingestor signs with the process's own key.
  const required = config.isProduction && !options.inProcessWithCloud;
  if (required && !settings.edgeKey)
    throw new ConfigError('EDGE_KEY_ID and EDGE_KEY_SECRET: required in production (the edge gateway key from registerEdgeGateway)');
  if (required && !ingestUrl)
    throw new ConfigError('INGEST_URL: required in production (the telemetry ingest endpoint, e.g. https://api.example.com/ingest/v1/batches)');
  // An embedded broker without device credentials accepts no device: a farm box that looks healthy but receives nothing.
  const noDeviceCanConnect = !config.mqtt.url && !config.mqtt.passwordFile && !options.authenticateDevice;
  if (required && noDeviceCanConnect)
    throw new ConfigError(
      "MQTT_PASSWORD_FILE: required in production without MQTT_URL (the farm's device password file from brokerAuthFiles), or set MQTT_URL",
    );

  const stack: Array<() => Promise<void> | void> = [];
  const stopAll = async () => {
    while (stack.length > 0)
      await Promise.resolve(stack.pop()!()).catch((error: Error) => log.error({ err: error.message }, 'error while stopping the ingestor'));
  };
  try {
    stack.push(lockDataDir(bufferDirIn(config.dataDir)));
    const buffer = new DiskBuffer({ file: bufferFileIn(config.dataDir), maxBytes: settings.bufferMaxBytes, maxMessages: settings.bufferMaxMessages });
    stack.push(() => buffer.close());
    stack.push(ingestorMetrics.watchBuffer(buffer));
    if (buffer.depthMessages > 0)
      log.info({ messages: buffer.depthMessages, bytes: buffer.depthBytes }, 'disk buffer holds messages from before: forwarding them first');

    let forwarder: Forwarder | undefined;
    const keeper = startQuarantineKeeper({ buffer, retentionDays: settings.quarantineRetentionDays, log, onReadmitted: () => forwarder?.notify() });
    stack.push(() => keeper.stop());
    if (ingestUrl && edgeKey) {
      const running = new Forwarder({
        buffer,
        ingestUrl,
        key: edgeKey,
        log: log.child({ part: 'forwarder' }),
        batchMaxMessages: settings.batchMaxMessages,
        batchMaxWaitMs:
          inProcess && !settings.batchMaxWaitMsExplicit ? Math.min(settings.batchMaxWaitMs, IN_PROCESS_BATCH_MAX_WAIT_MS) : settings.batchMaxWaitMs,
        linger: settings.linger,
        maxMessagesPerSecond: settings.maxMessagesPerSecond,
        concurrency: settings.concurrency,
        retryMaxMs: settings.retryMaxMs,
      });
      forwarder = running;
      running.start();
      stack.push(() => running.stop());
    } else {
      log.warn(
        { ingestUrl: ingestUrl ? redactUrl(ingestUrl) : undefined, edgeKey: edgeKey ? 'set' : 'missing' },
        'no INGEST_URL or edge key (EDGE_KEY_ID/EDGE_KEY_SECRET): messages are buffered on disk but not forwarded',
      );
    }

    let lastDropLogMs = 0;
    const writer = new GroupCommitWriter({
      buffer,
      log,
      onCommit(committed, dropped) {
        ingestorMetrics.received.inc(committed);
        if (dropped > 0) {
          ingestorMetrics.dropped.inc({ reason: 'buffer_full' }, dropped);
          if (Date.now() - lastDropLogMs > 60_000) {
            lastDropLogMs = Date.now();
            log.warn(
              { dropped, maxMessages: settings.bufferMaxMessages, maxBytes: settings.bufferMaxBytes },
              'disk buffer at its cap: dropping the oldest messages (counted in farmiq_ingestor_messages_dropped_total)',
            );
          }
        }
        forwarder?.notify();
      },
    });
    stack.push(() => writer.close());

    let brokerUrl: string;
    let localBrokerUrl: string;
    // How camera uploads are authenticated: the embedded broker's device check (with MQTT_URL, the password file is the external broker's).
    let authenticateCamera: DeviceAuthenticator | undefined = options.authenticateDevice;
    let credential: { username?: string; password?: string } = {};
    if (config.mqtt.url) {
      brokerUrl = config.mqtt.url;
      localBrokerUrl = brokerUrl;
      const parsed = new URL(brokerUrl);
      if (parsed.username) credential = { username: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) };
    } else {
      const ingestorCredential = generateCredential(settings.clientId);
      let broker: ConfiguredBroker | undefined;
      let authenticateDevice = options.authenticateDevice;
      let unknownDeviceReason: string | undefined;
      if (config.mqtt.passwordFile) {
        // When set, the file is the one source of device credentials, also all in one process.
        const passwordFile = openDevicePasswordFile({
          file: config.mqtt.passwordFile,
          log: processLog,
          onRevoked: (usernames) => broker?.disconnectDevices(usernames),
        });
        stack.push(() => passwordFile.close());
        authenticateDevice = passwordFile.authenticate;
        authenticateCamera = passwordFile.authenticate;
        // The file is one farm's (brokerAuthFiles(farmId)), as the edge key is: a device of another farm is refused at CONNECT, never acknowledged and then refused by the cloud.
        unknownDeviceReason = PASSWORD_FILE_REFUSAL;
      } else if (noDeviceCanConnect) {
        log.warn('no MQTT_PASSWORD_FILE (or MQTT_URL): the embedded broker has no device credentials, so no device can connect');
      }
      broker = await startConfiguredBroker(config, processLog, ingestorCredential, authenticateDevice, unknownDeviceReason);
      const started = broker;
      stack.push(() => started.close());
      brokerUrl = broker.deviceUrl;
      localBrokerUrl = broker.localUrl;
      credential = ingestorCredential;
    }
    let vision: VisionService | undefined;
    const scaleSessionUrl = inProcess ? options.defaultScaleSessionUrl : ingestUrl ? scaleSessionUrlBeside(ingestUrl) : undefined;
    if (settings.vision.enabled) {
      // Cameras are devices: their uploads are checked like the broker checks devices (none without credentials to check).
      const started = await startVisionService({
        config: settings.vision,
        host: config.gateway.host,
        dataDir: config.dataDir,
        authenticateDevice: authenticateCamera,
        writer,
        log: processLog,
        // The cloud's scale sessions are asked of the gateway that takes the batches (INGEST_URL's origin), signed with the same key.
        ...(edgeKey && scaleSessionUrl ? { scaleSessions: { url: scaleSessionUrl, key: edgeKey } } : {}),
      });
      vision = started;
      stack.push(() => started.stop());
    }
    const subscriber = startTelemetrySubscriber({
      brokerUrl: localBrokerUrl,
      clientId: settings.clientId,
      ...credential,
      shareGroup: settings.shareGroup,
      writer,
      log,
      onFrame: vision?.onFrame,
    });
    // Stops reading first (leaving a share group before): what is read but not yet durable is never acknowledged, so the broker keeps it.
    stack.push(() => subscriber.stop());

    let stopped: Promise<void> | undefined;
    return {
      brokerUrl,
      localBrokerUrl,
      vision,
      buffer,
      forwarder,
      readiness: {
        name: 'broker',
        check: async () => {
          if (!subscriber.client.connected) throw new Error(`not connected to ${redactUrl(localBrokerUrl)}`);
          if (!subscriber.subscribed) throw new Error(`not subscribed at ${redactUrl(localBrokerUrl)} yet`);
        },
      },
      stop: () => (stopped ??= stopAll()),
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
