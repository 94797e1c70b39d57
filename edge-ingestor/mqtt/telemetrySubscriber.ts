import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { Logger } from '../../lib/logger';
import type { GroupCommitWriter } from '../buffer/GroupCommitWriter';
import { ingestorMetrics } from '../ingestorMetrics';
import { deferPubacks } from './deferredPuback';
import { isInvalid, TELEMETRY_TOPIC_FILTER, toBatchMessage } from './telemetryMessage';

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

/**
 * The ingestor's MQTT side: a persistent session (clean: false, fixed client id) subscribed
 * with QoS 1 to every device's telemetry topic. A valid message goes to the disk buffer and is
 * acknowledged once durable; a malformed one is counted, logged and acknowledged (dropped) at
 * once, so it never blocks the queue. Unacknowledged messages are the broker's to redeliver.
 */
export function startTelemetrySubscriber(options: TelemetrySubscriberOptions): MqttClient {
  const log = options.log;
  const maxWaiting = options.maxWaiting ?? 20_000;
  const reportInvalid = invalidReporter(log);
  const filter = options.shareGroup ? `$share/${options.shareGroup}/${TELEMETRY_TOPIC_FILTER}` : TELEMETRY_TOPIC_FILTER;
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
  };
  const client = mqtt.connect(options.brokerUrl, clientOptions);
  // MQTT.js honours `customHandleAcks` only for MQTT 5 clients; for 3.1.1 `handleMessage` is the
  // hook: it runs before the PUBACK of a QoS 1 message, which goes out when it calls back.
  client.handleMessage = (packet, done) => {
    const topic = packet.topic.toString();
    const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
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
    if (options.writer.waiting >= maxWaiting) durable.then(() => done(), () => done());
    else done();
  };
  const pubacks = deferPubacks(client, (error) => {
    log.error({ err: error.message }, 'a message could not be buffered: reconnecting so that the broker sends it again');
    client.stream?.destroy();
  });
  client.on('connect', (connack) => {
    log.info({ broker: redactUrl(options.brokerUrl), sessionPresent: connack.sessionPresent, filter }, 'connected to the MQTT broker');
    client.subscribe(filter, { qos: 1 }, (error, granted) => {
      if (error) log.error({ err: error.message, filter }, 'subscription failed');
      else if (granted?.some((grant) => grant.qos > 2)) log.error({ filter }, 'the broker refused the subscription');
      else log.debug({ granted }, 'subscribed');
    });
  });
  client.on('error', (error) => log.warn({ err: error.message }, 'MQTT client error'));
  client.on('offline', () => log.warn('MQTT broker unreachable; reconnecting'));
  return client;
}

export function redactUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}
