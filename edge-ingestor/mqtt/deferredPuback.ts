import type { MqttClient } from 'mqtt';
import type { Packet } from 'mqtt-packet';

type SendPacket = (packet: Packet, callback?: (error?: Error) => void, ...rest: unknown[]) => void;

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
 * When `durable` rejects, no PUBACK is sent and `onLost` runs: the caller reconnects so that
 * the broker redelivers the message (MQTT 3.1.1 redelivers only on a new connection).
 */
export function deferPubacks(client: MqttClient, onLost: (error: Error) => void) {
  const internal = client as unknown as { _sendPacket: SendPacket };
  const send = internal._sendPacket.bind(client);
  const held = new Map<number, Promise<void>>();
  // The PUBACKs of one commit go out in the same tick: corked, they leave in one write.
  let corked: NodeJS.WritableStream & { cork?(): void; uncork?(): void } | undefined;
  const sendCorked = (packet: Packet, rest: unknown[]) => {
    const stream = client.stream as unknown as NodeJS.WritableStream & { cork?(): void; uncork?(): void };
    if (corked !== stream && stream.cork) {
      corked = stream;
      stream.cork();
      process.nextTick(() => {
        corked = undefined;
        stream.uncork?.();
      });
    }
    send(packet, undefined, ...rest);
  };
  // PUBACKs reported sent but waiting for their message to be durable.
  let pending = 0;
  internal._sendPacket = (packet, callback, ...rest) => {
    const messageId = packet.cmd === 'puback' ? packet.messageId : undefined;
    const durable = messageId === undefined ? undefined : held.get(messageId);
    if (durable === undefined) return send(packet, callback, ...rest);
    held.delete(messageId!);
    callback?.();
    // Only on the connection the message came in on: after a reconnect the broker redelivers it
    // and may have given this message id to another message.
    const connection = client.stream;
    pending += 1;
    durable
      .then(
        () => {
          if (client.connected && client.stream === connection) sendCorked(packet, rest);
        },
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
      while ((pending > 0 || held.size > 0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    },
  };
}
