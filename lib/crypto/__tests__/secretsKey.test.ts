import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSecretBoxKey } from '../secretBox';
import { loadSecretBox } from '../secretsKey';

describe('the secrets key', () => {
  const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-secrets-'));

  it('is required in production, with a message naming the variable', () => {
    expect(() => loadSecretBox({ secretsKey: undefined, dataDir: dataDir(), production: true })).toThrow(/^FARMIQ_SECRETS_KEY: required in production/);
  });

  it('refuses a key that is not 32 bytes of base64, without echoing it', () => {
    const short = Buffer.alloc(16, 7).toString('base64');
    expect(() => loadSecretBox({ secretsKey: short, dataDir: dataDir(), production: true })).toThrow(
      'FARMIQ_SECRETS_KEY: expected base64 of 32 random bytes (openssl rand -base64 32)',
    );
  });

  it('opens in one process what another sealed with the same key, and nothing under another key', () => {
    const key = generateSecretBoxKey();
    const sealed = loadSecretBox({ secretsKey: key, dataDir: dataDir(), production: true }).seal('hmac secret', 'egk_1');
    expect(loadSecretBox({ secretsKey: key, dataDir: dataDir(), production: true }).open(sealed, 'egk_1')).toBe('hmac secret');
    expect(() => loadSecretBox({ secretsKey: generateSecretBoxKey(), dataDir: dataDir(), production: true }).open(sealed, 'egk_1')).toThrow();
  });

  it('is generated once into the data folder in development, owner-only, and reused after a restart', () => {
    const dir = dataDir();
    const sealed = loadSecretBox({ secretsKey: undefined, dataDir: dir, production: false }).seal('kept', 'ctx');
    const file = path.join(dir, 'secrets-key.dev');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSecretBox({ secretsKey: undefined, dataDir: dir, production: false }).open(sealed, 'ctx')).toBe('kept');
  });
});
