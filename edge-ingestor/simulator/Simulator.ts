import mqtt, { type MqttClient } from 'mqtt';
import type { DeviceKindName } from '../../lib/deviceKinds';
import type { Logger } from '../../lib/logger';
import { deviceTelemetryTopic } from '../../lib/mqtt/deviceTopic';
import { simulatedMetrics } from './readings';

/** A device the simulator plays: its MQTT user name is its id, the password its own. */
/** Where the simulator finds device credentials unless `--credentials` names another file. */
export const SIMULATOR_DEVICES_FILE = 'simulator-devices.json';

export interface SimulatorDevice {
  id: string;
  password: string;
  kind: DeviceKindName;
}

export interface SimulatorOptions {
  brokerUrl: string;
  devices: SimulatorDevice[];
  /** Messages per second over all devices together. */
  ratePerSecond: number;
  /** When the simulated flock was placed (epoch ms): scale weights follow the growth curve from it. */
  placedAtMs?: number;
  log: Logger;
}

export interface Simulator {
  /** Messages the broker acknowledged so far. */
  acknowledged(): number;
  stop(): Promise<void>;
}

/**
 * Publishes readings as real devices would: one MQTT connection per device, with its own
 * credentials and client id, QoS 1 on its own topic, each message with a per-device sequence
 * number as event id.
 */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const placedAtMs = options.placedAtMs ?? Date.now() - 21 * 24 * 3_600_000;
  const clients: MqttClient[] = await Promise.all(
    options.devices.map((device) =>
      mqtt.connectAsync(options.brokerUrl, { username: device.id, password: device.password, clientId: device.id, protocolVersion: 4, reconnectPeriod: 1_000 }),
    ),
  );
  const sequence = options.devices.map(() => Date.now());
  let acknowledged = 0;
  let due = 0;
  let next = 0;
  const tickMs = 100;
  const timer = setInterval(() => {
    due += (options.ratePerSecond * tickMs) / 1000;
    while (due >= 1) {
      due -= 1;
      const i = next;
      next = (next + 1) % options.devices.length;
      const device = options.devices[i]!;
      const client = clients[i]!;
      if (!client.connected) continue;
      const now = Date.now();
      sequence[i]! += 1;
      const payload = { seq: sequence[i], timestamp: new Date(now).toISOString(), metrics: simulatedMetrics({ kind: device.kind, index: i, placedAtMs }, now) };
      client.publish(deviceTelemetryTopic(device.id), JSON.stringify(payload), { qos: 1 }, (error) => {
        if (!error) acknowledged += 1;
      });
    }
  }, tickMs);
  options.log.info({ devices: options.devices.length, ratePerSecond: options.ratePerSecond }, 'device simulator publishing');
  return {
    acknowledged: () => acknowledged,
    async stop() {
      clearInterval(timer);
      await Promise.all(clients.map((client) => client.endAsync()));
    },
  };
}
