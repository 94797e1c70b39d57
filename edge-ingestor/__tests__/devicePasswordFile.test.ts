import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../lib/config';
import { createLogger } from '../../lib/logger';
import { hashMosquittoPassword, mosquittoPasswordFile } from '../../lib/mqtt/mosquittoPassword';
import { openDevicePasswordFile, parseMosquittoPasswordFile } from '../broker/devicePasswordFile';

const log = createLogger('silent');

describe('a device password file for the embedded broker', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-passwords-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("should accept the passwords in a file written by Mosquitto's own mosquitto_passwd, and no other", async () => {
    const file = path.join(dir, 'passwords');
    fs.writeFileSync(file, '');
    execFileSync('mosquitto_passwd', ['-b', file, 'sensor-1', 'its-password']);
    const passwords = openDevicePasswordFile({ file, log, onRevoked: () => undefined });
    try {
      expect(await passwords.authenticate('sensor-1', 'its-password')).toBe(true);
      expect(await passwords.authenticate('sensor-1', 'its-password ')).toBe(false);
      expect(await passwords.authenticate('sensor-2', 'its-password')).toBe(false);
    } finally {
      passwords.close();
    }
  });

  it('should skip blank lines and comments, and let the last line of a user win as Mosquitto does', () => {
    const [older, newer] = [hashMosquittoPassword('old'), hashMosquittoPassword('new')];
    const text = `# exported for farm 1\r\n\r\n${mosquittoPasswordFile([
      { username: 'd1', passwordHash: older },
      { username: 'd1', passwordHash: newer },
    ])}`;
    expect(parseMosquittoPasswordFile(text)).toEqual(new Map([['d1', newer]]));
  });

  it('should name the line that is not a $7$ entry without showing it', () => {
    expect(() => parseMosquittoPasswordFile(`d1:${hashMosquittoPassword('x')}\nd2:$6$salt$hash\n`)).toThrow(
      new Error('line 2 is not "<device id>:$7$<iterations>$<salt>$<hash>"'),
    );
  });

  it('should fail as a configuration error naming MQTT_PASSWORD_FILE when the file cannot be read', () => {
    expect(() => openDevicePasswordFile({ file: path.join(dir, 'missing'), log, onRevoked: () => undefined })).toThrow(ConfigError);
  });
});
