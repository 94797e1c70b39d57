import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../config';
import { generateVapidKeys, loadVapidKeys } from '../vapidKeys';

describe('the VAPID keys of Web Push', () => {
  const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-vapid-'));
  const webPush = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'production', ...env }).webPush;

  it('should refuse to start production with push on and a key missing, naming the variable', () => {
    const pair = generateVapidKeys();
    expect(() => webPush({ WEB_PUSH: 'on' })).toThrow(/^VAPID_PUBLIC_KEY: required in production while Web Push is on/);
    expect(() => webPush({ VAPID_PUBLIC_KEY: pair.publicKey })).toThrow(/^VAPID_PRIVATE_KEY: required with VAPID_PUBLIC_KEY/);
    expect(() => webPush({ VAPID_PUBLIC_KEY: pair.publicKey, VAPID_PRIVATE_KEY: pair.privateKey })).toThrow(/^VAPID_SUBJECT: required in production/);
    expect(() => webPush({ VAPID_SUBJECT: 'ftp://farm.example' })).toThrow(/^VAPID_SUBJECT: expected/);
  });

  it('should leave push off in production without keys, and use the keys it is given', () => {
    expect(loadVapidKeys({ webPush: webPush({}), dataDir: dataDir(), production: true })).toBeUndefined();
    const pair = generateVapidKeys();
    const given = webPush({ VAPID_PUBLIC_KEY: pair.publicKey, VAPID_PRIVATE_KEY: pair.privateKey, VAPID_SUBJECT: 'mailto:ops@farm.example' });
    expect(loadVapidKeys({ webPush: given, dataDir: dataDir(), production: true })).toEqual({ ...pair, subject: 'mailto:ops@farm.example' });
    // A private key from another pair is refused: every push would fail the push service's check.
    const mismatched = webPush({
      VAPID_PUBLIC_KEY: pair.publicKey,
      VAPID_PRIVATE_KEY: generateVapidKeys().privateKey,
      VAPID_SUBJECT: 'mailto:ops@farm.example',
    });
    expect(() => loadVapidKeys({ webPush: mismatched, dataDir: dataDir(), production: true })).toThrow(
      'VAPID_PRIVATE_KEY: not the private key of VAPID_PUBLIC_KEY',
    );
  });

  it('should generate a pair once into the data folder in development, owner-only, and keep it after a restart', () => {
    const dir = dataDir();
    const development = loadConfig({ NODE_ENV: 'development' }).webPush;
    const first = loadVapidKeys({ webPush: development, dataDir: dir, production: false })!;
    expect(first.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(fs.statSync(path.join(dir, 'vapid-keys.dev.json')).mode & 0o777).toBe(0o600);
    expect(loadVapidKeys({ webPush: development, dataDir: dir, production: false })).toEqual(first);
  });
});
