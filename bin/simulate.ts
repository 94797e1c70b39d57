import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError, type Config } from '../lib/config';
import { DEVICE_KINDS } from '../lib/deviceKinds';
import type { Logger } from '../lib/logger';
import { SIMULATOR_DEVICES_FILE, startSimulator, type Simulator } from '../edge-ingestor/simulator/Simulator';

export { SIMULATOR_DEVICES_FILE };

const devicesFileSchema = z.array(z.object({ id: z.string().uuid(), password: z.string().min(1), kind: z.enum(DEVICE_KINDS) })).min(1);

export interface SimulateArgs {
  devices: number;
  ratePerSecond: number;
  credentialsFile: string | undefined;
  brokerUrl: string | undefined;
}

/**
 * `farmiq simulate --devices N --rate R`: N devices from the credentials file (JSON array of
 * `{ "id", "password", "kind" }`, as activateDevice returned them) publish R messages a second
 * together over MQTT, each with its own credentials, until Ctrl-C.
 */
export async function runSimulate(args: SimulateArgs, config: Config, log: Logger): Promise<Simulator> {
  const file = args.credentialsFile ?? path.join(config.dataDir, SIMULATOR_DEVICES_FILE);
  if (!fs.existsSync(file))
    throw new ConfigError(`--credentials: no device credentials file at ${file} (a JSON array of { "id", "password", "kind" } from activateDevice)`);
  const parsed = devicesFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new ConfigError(`--credentials: ${file} is not a JSON array of { "id", "password", "kind" }: ${parsed.error.issues[0]!.message}`);
  if (parsed.data.length < args.devices) throw new ConfigError(`--devices: ${args.devices} asked for, ${file} holds ${parsed.data.length}`);
  const brokerUrl = args.brokerUrl ?? config.mqtt.url ?? `mqtt://127.0.0.1:${config.mqtt.embeddedPort}`;
  return startSimulator({ brokerUrl, devices: parsed.data.slice(0, args.devices), ratePerSecond: args.ratePerSecond, log });
}

/** Reads `--devices N --rate R [--credentials FILE] [--broker URL]`. */
export function parseSimulateArgs(argv: string[], fail: (message: string) => never): SimulateArgs {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const match = /^--(devices|rate|credentials|broker)(?:=(.*))?$/.exec(arg);
    if (!match) fail(`unknown option ${JSON.stringify(arg)} (see farmiq --help)`);
    const value = match![2] ?? argv[++i];
    if (value === undefined) fail(`--${match![1]}: a value is required`);
    values[match![1]!] = value!;
  }
  const positive = (name: string, fallback: number) => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const number = Number(raw);
    if (!Number.isFinite(number) || number <= 0) fail(`--${name}: expected a positive number, got ${JSON.stringify(raw)}`);
    return number;
  };
  return { devices: Math.floor(positive('devices', 4)), ratePerSecond: positive('rate', 4), credentialsFile: values.credentials, brokerUrl: values.broker };
}
