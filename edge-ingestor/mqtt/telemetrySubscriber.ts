import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { Logger } from '../../lib/logger';
import type { GroupCommitWriter } from '../buffer/GroupCommitWriter';
import { ingestorMetrics } from '../ingestorMetrics';
import { deferPubacks } from './deferredPuback';
import { cameraOfFramesTopic, FRAMES_TOPIC_FILTER, isInvalid, TELEMETRY_TOPIC_FILTER, toBatchMessage } from './telemetryMessage';

export interface TelemetrySubscriberOptions {
  brokerUrl: string;
  /** Fixed, so the broker keeps the session (and queues QoS 1 messages) while we are away. */
  clientId: string;
  username?: string;
  password?: string;
  /** `$share/<group>/...`: several ingestors split the messages of one broker. */
  shareGroup?: string;
  writer: GroupCommitWriter;
  log: Logger;
  /** Messages read but not yet on disk before the subscriber stops reading (backpressure). */
  maxWaiting?: number;
  /**
   * Camera frames (`farmiq/devices/<id>/frames`, edge-ingestor/vision): when given, the same
   * session subscribes to them too and hands each to this, acknowledged at once (a frame is a
   * sample of a stream; the weights it yields are made durable by the vision).
   */
  onFrame?: (cameraId: string, jpeg: Buffer) => void;
}

/** Logs a malformed message once per device and reason a minute, counts every one. */
function invalidReporter(log: Logger) {
  const lastLogged = new Map<string, number>();
  return (topic: string, reason: string, detail: string) => {
    ingestorMetrics.invalid.inc({ reason });
    const key = `${topic}\n${reason}`;
    const now = Date.now();
    if ((lastLogged.get(key) ?? 0) > now - 60_000) return;
    if (lastLogged.size > 10_000) lastLogged.clear();
    lastLogged.set(key, now);
    log.warn({ topic: topic.slice(0, 200), reason, detail }, 'malformed device message dropped');
  };
}

export interface TelemetrySubscriber {
  client: MqttClient;
  /** Connected and the broker granted the subscription: messages flow to this ingestor. */
  readonly subscribed: boolean;
  /** Stops reading; in a share group, leaves the group first (see below). */
  stop(): Promise<void>;
}

/** How long a stop waits for the broker to confirm leaving the share group and for held PUBACKs. */
const LEAVE_GROUP_TIMEOUT_MS = 2_000;

/**
 * The ingestor's MQTT side: a persistent session (clean: false, fixed client id) subscribed
 * with QoS 1 to every device's telemetry topic. A valid message goes to the disk buffer and is
 * acknowledged once durable; a malformed one is counted, logged and acknowledged (dropped) at
 * once, so it never blocks the queue. Unacknowledged messages are the broker's to redeliver.
 *
 * In a share group, Mosquitto (2.0) keeps giving a member that disconnected its turn: the
 * messages wait in its persistent session until it comes back. That is what a crashed member
 * needs (nothing is lost), but a member that is stopped on purpose (a rolling update, scaling
 * down) would hold back its share of the readings. So a stop leaves the group first
 * (UNSUBSCRIBE), lets the PUBACKs of what it already read go out, and only then disconnects.
 */
export function startTelemetrySubscriber(options: TelemetrySubscriberOptions): TelemetrySubscriber {
  const log = options.log;
  const maxWaiting = options.maxWaiting ?? 20_000;
  const reportInvalid = invalidReporter(log);
  const filter = options.shareGroup ? `$share/${options.shareGroup}/${TELEMETRY_TOPIC_FILTER}` : TELEMETRY_TOPIC_FILTER;
  const framesFilter = options.shareGroup ? `$share/${options.shareGroup}/${FRAMES_TOPIC_FILTER}` : FRAMES_TOPIC_FILTER;
  const clientOptions: IClientOptions = {
    clientId: options.clientId,
    username: options.username,
    password: options.password,
    // MQTT 3.1.1: what every broker we support (aedes, Mosquitto, EMQX) and most devices speak.
    protocolVersion: 4,
    clean: false,
    reconnectPeriod: 1_000,
    connectTimeout: 5_000,
    resubscribe: false,
    // MQTT.js traces every packet through `debug` (off unless DEBUG=mqttjs*, yet each call still
    // costs a check and its arguments): a few per cent of the ingestor's CPU at full rate.
    log: process.env.DEBUG?.includes('mqttjs') ? undefined : () => undefined,
  };
  const client = mqtt.connect(options.brokerUrl, clientOptions);
  // MQTT.js honours `customHandleAcks` only for MQTT 5 clients; for 3.1.1 `handleMessage` is the
  // hook: it runs before the PUBACK of a QoS 1 message, which goes out when it calls back.
  client.handleMessage = (packet, done) => {
    const topic = packet.topic.toString();
    const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
    const cameraId = options.onFrame ? cameraOfFramesTopic(topic) : undefined;
    if (cameraId) {
      options.onFrame!(cameraId, payload);
      done();
      return;
    }
    const message = toBatchMessage(topic, payload, new Date());
    if (isInvalid(message)) {
      reportInvalid(topic, message.reason, message.detail);
      done();
      return;
    }
    const durable = options.writer.write(JSON.stringify(message), Date.now());
    if (packet.qos === 1 && packet.messageId !== undefined) pubacks.hold(packet.messageId, durable);
    else durable.catch(() => undefined);
    // Too much read but not yet durable (a full disk): stop reading until this one is.
    if (options.writer.waiting >= maxWaiting)
      durable.then(
        () => done(),
        () => done(),
      );
    else done();
  };
  const pubacks = deferPubacks(client, (error) => {
    log.error({ err: error.message }, 'a message could not be buffered: reconnecting so that the broker sends it again');
    client.stream?.destroy();
  });
  let subscribed = false;
  let stopping = false;
  client.on('connect', (connack) => {
    log.info({ broker: redactUrl(options.brokerUrl), sessionPresent: connack.sessionPresent, filter }, 'connected to the MQTT broker');
    client.subscribe(filter, { qos: 1 }, (error, granted) => {
      if (error) log.error({ err: error.message, filter }, 'subscription failed');
      else if (granted?.some((grant) => grant.qos > 2)) log.error({ filter }, 'the broker refused the subscription');
      else {
        subscribed = !stopping;
        log.debug({ granted }, 'subscribed');
      }
    });
    // Frames apart: a broker whose ACL lacks them (`topic read farmiq/devices/+/frames`) must not stop the readings.
    if (options.onFrame) {
      client.subscribe(framesFilter, { qos: 1 }, (error, granted) => {
        if (error || granted?.some((grant) => grant.qos > 2))
          log.error(
            { err: error?.message, filter: framesFilter },
            'the broker refused the camera frames subscription: give the ingestor `topic read farmiq/devices/+/frames`',
          );
      });
    }
  });
  client.on('close', () => (subscribed = false));
  client.on('error', (error) => log.warn({ err: error.message }, 'MQTT client error'));
  client.on('offline', () => log.warn('MQTT broker unreachable; reconnecting'));
  return {
    client,
    get subscribed() {
      return subscribed && client.connected;
    },
    async stop() {
      stopping = true;
      if (options.shareGroup && client.connected) {
        subscribed = false;
        const left = client.unsubscribeAsync(filter).then(
          () => log.info({ filter }, 'left the share group: its other members take the messages'),
          (error: Error) =>
            log.warn({ err: error.message, filter }, 'could not leave the share group: Mosquitto queues this member its share until it returns'),
        );
        await Promise.race([left, new Promise((resolve) => setTimeout(resolve, LEAVE_GROUP_TIMEOUT_MS))]);
        await pubacks.settled(LEAVE_GROUP_TIMEOUT_MS);
      }
      await client.endAsync(true);
    },
  };
}

export function redactUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}
