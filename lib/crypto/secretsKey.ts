import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config';
import { createSecretBox, generateSecretBoxKey, parseSecretBoxKey, type SecretBox } from './secretBox';

const DEV_KEY_FILE = 'secrets-key.dev';

/**
 * The key that encrypts secrets at rest: FARMIQ_SECRETS_KEY (base64 of 32 random bytes), or in
 * development one generated once into the data folder (owner-only file, never committed).
 * Production refuses to start without the variable. Losing the key makes every edge gateway
 * key unreadable: they must then be rotated.
 */
export function loadSecretBox(options: { secretsKey: string | undefined; dataDir: string; production: boolean }): SecretBox {
  if (options.secretsKey) {
    const key = parseSecretBoxKey(options.secretsKey);
    if (!key) throw new ConfigError('FARMIQ_SECRETS_KEY: expected base64 of 32 random bytes (openssl rand -base64 32)');
    return createSecretBox(key);
  }
  if (options.production) throw new ConfigError('FARMIQ_SECRETS_KEY: required in production (development generates one into the data folder)');
  const file = path.join(options.dataDir, DEV_KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, generateSecretBoxKey(), { mode: 0o600, flag: 'wx' });
  }
  const key = parseSecretBoxKey(fs.readFileSync(file, 'utf8'));
  if (!key) throw new ConfigError(`${file}: not a secrets key; remove it to generate a new one`);
  return createSecretBox(key);
}
