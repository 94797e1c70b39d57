import type { MqttClient } from 'mqtt';
import type { Packet } from 'mqtt-packet';

type SendPacket = (packet: Packet, callback?: (error?: Error) => void, ...rest: unknown[]) => void;

/** A PUBACK on the wire (MQTT 3.1.1, and 5 with the success code left out): type, length 2, message id. */
const PUBACK_BYTES = 4;

/**
 * Lets the PUBACK of a QoS 1 message wait until `durable` resolves, without stopping the client
 * from reading the next messages.
 *
 * MQTT.js handles incoming packets one at a time: its `handleMessage` hook can delay a
 * PUBACK, but then no further message is read until it went out, so every message would pay
 * its own fsync (about 1 ms here: under 1,000 msg/s). Here the client's packet writer is
 * wrapped: a PUBACK for a held message id reports "sent" at once (the client reads on), and is
 * really written when the message is on disk. Many messages then share one commit. The hook
 * uses MQTT.js's internal `_sendPacket` (stable through 5.x; tests cover it).
 *
 * The PUBACKs of one commit leave as ONE buffer of 4 bytes each. MQTT.js writes a PUBACK as two
 * small chunks, and a socket that is busy writing keeps every chunk as an object of its own
 * (about 50 bytes of heap): under a flood (a broker draining a long outage's queue) those piled
 * up by the million and took a 96 MiB heap to its limit. One buffer per commit keeps what waits
 * on the socket at 4 bytes a message.
 *
 * When `durable` rejects, no PUBACK is sent and `onLost` runs: the caller reconnects so that
 * the broker redelivers the message (MQTT 3.1.1 redelivers only on a new connection).
 */
export function deferPubacks(client: MqttClient, onLost: (error: Error) => void) {
  const internal = client as unknown as { _sendPacket: SendPacket };
  const send = internal._sendPacket.bind(client);
  const held = new Map<number, Promise<void>>();
  // Message ids made durable in this tick, and the connection they came in on.
  let ready: { connection: MqttClient['stream']; messageIds: number[] } | undefined;
  const flush = () => {
    const batch = ready;
    ready = undefined;
    // Only on the connection the messages came in on: after a reconnect the broker redelivers
    // them and may have given their message ids to other messages.
    if (!batch || !client.connected || client.stream !== batch.connection || batch.connection.destroyed) return;
    const bytes = Buffer.allocUnsafe(PUBACK_BYTES * batch.messageIds.length);
    batch.messageIds.forEach((messageId, i) => {
      bytes[i * PUBACK_BYTES] = 0x40;
      bytes[i * PUBACK_BYTES + 1] = 0x02;
      bytes.writeUInt16BE(messageId, i * PUBACK_BYTES + 2);
    });
    batch.connection.write(bytes);
  };
  const acknowledge = (connection: MqttClient['stream'], messageId: number) => {
    if (ready && ready.connection !== connection) flush();
    if (!ready) {
      ready = { connection, messageIds: [] };
      process.nextTick(flush);
    }
    ready.messageIds.push(messageId);
  };
  // PUBACKs reported sent but waiting for their message to be durable.
  let pending = 0;
  // The message ids waiting on each commit, on the connection they came in on: one callback per
  // commit, not a promise chain per message (that was a good share of the ingestor's garbage).
  const waiting = new Map<Promise<void>, { connection: MqttClient['stream']; messageIds: number[] }>();
  const waitFor = (durable: Promise<void>, connection: MqttClient['stream'], messageId: number) => {
    const known = waiting.get(durable);
    if (known && known.connection === connection) {
      known.messageIds.push(messageId);
      return;
    }
    const group = { connection, messageIds: [messageId] };
    waiting.set(durable, group);
    // Closed to late arrivals before it runs: a PUBACK held after this joins a group of its own.
    const settle = () => {
      if (waiting.get(durable) === group) waiting.delete(durable);
      pending -= group.messageIds.length;
    };
    durable.then(
      () => {
        settle();
        for (const id of group.messageIds) acknowledge(group.connection, id);
      },
      (error: Error) => {
        settle();
        onLost(error);
      },
    );
  };
  internal._sendPacket = (packet, callback, ...rest) => {
    const messageId = packet.cmd === 'puback' ? packet.messageId : undefined;
    const durable = messageId === undefined ? undefined : held.get(messageId);
    if (durable === undefined) return send(packet, callback, ...rest);
    held.delete(messageId!);
    callback?.();
    const connection = client.stream;
    pending += 1;
    // A reason code other than success needs MQTT.js's encoder.
    if (!('reasonCode' in packet) || !packet.reasonCode) {
      waitFor(durable, connection, messageId!);
      return;
    }
    durable
      .then(
        () => client.connected && client.stream === connection && send(packet, undefined, ...rest),
        (error: Error) => onLost(error),
      )
      .finally(() => (pending -= 1));
  };
  return {
    /** The PUBACK of `messageId` goes out once `durable` resolves. */
    hold(messageId: number, durable: Promise<void>): void {
      held.set(messageId, durable);
    },
    /** Resolves once every held PUBACK went out (or was given up), or after `timeoutMs`. */
    async settled(timeoutMs: number): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while ((pending > 0 || held.size > 0 || ready !== undefined) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    },
  };
}
