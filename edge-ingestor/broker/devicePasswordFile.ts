import fs from 'node:fs';
import { ConfigError } from '../../lib/config';
import type { Logger } from '../../lib/logger';
import { hashMosquittoPassword, isMosquittoPasswordHash, verifyMosquittoPassword } from '../../lib/mqtt/mosquittoPassword';
import type { DeviceAuthenticator } from './embeddedBroker';

/** How often the file is checked for a change (a stat, not a read). */
const POLL_INTERVAL_MS = 1_000;

/** Verified against when the user name is unknown, so an unknown device costs the same time as a wrong password. */
const UNKNOWN_DEVICE_HASH = hashMosquittoPassword(`no device ${Math.random()}`);

/**
 * A Mosquitto `password_file` (`<user>:$7$...` lines, as `brokerAuthFiles` exports them) as a
 * map from user name to hash. Blank lines and `#` comments are skipped; for a user listed twice
 * the last line wins, as in Mosquitto. Throws naming the first line that is not a `$7$` entry.
 */
export function parseMosquittoPasswordFile(text: string): Map<string, string> {
  const hashes = new Map<string, string>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const colon = line.indexOf(':');
    const hash = line.slice(colon + 1);
    // The line itself is not quoted: it holds a password hash.
    if (colon < 1 || !isMosquittoPasswordHash(hash)) throw new Error(`line ${index + 1} is not "<device id>:$7$<iterations>$<salt>$<hash>"`);
    hashes.set(line.slice(0, colon), hash);
  });
  return hashes;
}

function read(file: string): Map<string, string> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new Error(`cannot read ${file} (${code ?? message})`);
  }
  try {
    return parseMosquittoPasswordFile(text);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}

export interface DevicePasswordFileOptions {
  /** MQTT_PASSWORD_FILE. */
  file: string;
  log: Logger;
  /** Devices whose entry was removed or changed by a reload: their open connections must go. */
  onRevoked(usernames: string[]): void;
}

export interface DevicePasswordFile {
  authenticate: DeviceAuthenticator;
  /** Devices that can connect now. */
  readonly deviceCount: number;
  close(): void;
}

/**
 * Device credentials for the embedded broker from the password file the cloud exports for a farm
 * (the same file a farm's Mosquitto would use). The file is watched (polled once a second, so a
 * replaced file, a bind mount or a Kubernetes Secret update are all seen): a rewrite takes
 * effect without a restart, and devices removed or given a new password are disconnected. A file
 * that cannot be read or parsed at start is a ConfigError; later, the last good version stays in
 * force and the problem is logged (a half-written file must not lock every device out).
 */
export function openDevicePasswordFile(options: DevicePasswordFileOptions): DevicePasswordFile {
  const log = options.log.child({ component: 'broker', passwordFile: options.file });
  let hashes: Map<string, string>;
  try {
    hashes = read(options.file);
  } catch (error) {
    throw new ConfigError(`MQTT_PASSWORD_FILE: ${(error as Error).message}`);
  }
  log.info({ devices: hashes.size }, 'device credentials read from MQTT_PASSWORD_FILE');

  const reload = () => {
    let next: Map<string, string>;
    try {
      next = read(options.file);
    } catch (error) {
      log.error(
        { err: (error as Error).message, devices: hashes.size },
        'MQTT_PASSWORD_FILE changed but cannot be used: the credentials read before stay in force',
      );
      return;
    }
    const revoked = [...hashes].filter(([username, hash]) => next.get(username) !== hash).map(([username]) => username);
    const added = [...next.keys()].filter((username) => !hashes.has(username)).length;
    hashes = next;
    log.info({ devices: next.size, added, revokedOrChanged: revoked.length }, 'MQTT_PASSWORD_FILE reloaded');
    if (revoked.length > 0) options.onRevoked(revoked);
  };
  const onChange = (current: fs.Stats, previous: fs.Stats) => {
    // Also called when the file disappears (all zeros): reload logs it and keeps the last good set.
    if (current.mtimeMs !== previous.mtimeMs || current.ino !== previous.ino || current.size !== previous.size || current.nlink === 0) reload();
  };
  fs.watchFile(options.file, { interval: POLL_INTERVAL_MS, persistent: false }, onChange);

  return {
    authenticate: async (username, password) => {
      const hash = hashes.get(username);
      const matches = verifyMosquittoPassword(hash ?? UNKNOWN_DEVICE_HASH, password);
      return matches && hash !== undefined;
    },
    get deviceCount() {
      return hashes.size;
    },
    close: () => fs.unwatchFile(options.file, onChange),
  };
}
