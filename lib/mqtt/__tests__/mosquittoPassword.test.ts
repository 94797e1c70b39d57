import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { deviceMayPublish, hashMosquittoPassword, MOSQUITTO_ACL_FILE, mosquittoPasswordFile, verifyMosquittoPassword } from '../mosquittoPassword';

const run = promisify(execFile);

describe('Mosquitto $7$ password hashes', () => {
  it('are PBKDF2-SHA512 in the format mosquitto_passwd writes, checked against a value worked out independently', () => {
    // mosquitto_passwd wrote this line for dev1 / secret-password-1 (101 iterations).
    const fromMosquittoPasswd = '$7$101$bmR1yZCxV+MU/R4b$ymrGg9D6lE4CVhM5k6y0rvbQFw0mRCir6danm004KKYRcu6sEUlT8pxwRvQSjwfB6WD1Fyg2Baki8aof+0quQg==';
    expect(verifyMosquittoPassword(fromMosquittoPasswd, 'secret-password-1')).toBe(true);
    expect(verifyMosquittoPassword(fromMosquittoPasswd, 'secret-password-2')).toBe(false);
    expect(hashMosquittoPassword('secret-password-1', 101, Buffer.from('bmR1yZCxV+MU/R4b', 'base64'))).toBe(fromMosquittoPasswd);
  });

  it('refuse malformed stored values instead of throwing', () => {
    for (const broken of ['', 'plain', '$6$101$abc$def', '$7$0$bmR1yZCxV+MU/R4b$AAAA', '$7$101$bmR1$short==']) {
      expect(verifyMosquittoPassword(broken, 'x')).toBe(false);
    }
  });
});

describe('device topics', () => {
  it.each([
    ['dev-1', 'farmiq/devices/dev-1/telemetry', true],
    ['dev-1', 'farmiq/devices/dev-1', true],
    ['dev-1', 'farmiq/devices/dev-2/telemetry', false],
    ['dev-1', 'farmiq/devices/dev-10/telemetry', false],
    ['dev-1', 'farmiq/devices/+/telemetry', false],
    ['dev-1', 'farmiq/devices/dev-1/#', false],
    ['+', 'farmiq/devices/+/telemetry', false],
  ])('%s publishing to %s: %s', (username, topic, allowed) => {
    expect(deviceMayPublish(username, topic)).toBe(allowed);
  });
});

const hasMosquitto = fs.existsSync('/usr/sbin/mosquitto') && fs.existsSync('/usr/bin/mosquitto_pub');

describe.each(hasMosquitto ? ['the real Mosquitto'] : [])('exported files on %s', () => {
  let dir: string;
  let broker: ChildProcess;
  let port: number;
  const devices = { 'dev-a': 'password-of-device-a-0123456789', 'dev-b': 'password-of-device-b-9876543210' };
  // The test's own reader, to see which messages the broker let through.
  const observer = { username: 'observer', password: 'password-of-the-test-observer' };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-mosquitto-'));
    port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const accounts = [...Object.entries(devices), [observer.username, observer.password]];
    fs.writeFileSync(
      path.join(dir, 'passwords'),
      mosquittoPasswordFile(accounts.map(([username, password]) => ({ username: username!, passwordHash: hashMosquittoPassword(password!) }))),
    );
    fs.writeFileSync(path.join(dir, 'acl'), `user ${observer.username}\ntopic read farmiq/#\n\n${MOSQUITTO_ACL_FILE}`);
    fs.writeFileSync(
      path.join(dir, 'mosquitto.conf'),
      // `user`: run as whoever runs the tests (as root Mosquitto would drop to a user that cannot read the files).
      `user ${os.userInfo().username}\nlistener ${port} 127.0.0.1\nallow_anonymous false\npassword_file ${dir}/passwords\nacl_file ${dir}/acl\npersistence false\n`,
    );
    broker = spawn('/usr/sbin/mosquitto', ['-c', path.join(dir, 'mosquitto.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let brokerLog = '';
    broker.stderr!.on('data', (chunk: Buffer) => {
      brokerLog += chunk.toString();
    });
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const up = await new Promise<boolean>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
      if (up) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`mosquitto did not start: ${brokerLog}`);
  });
  afterAll(() => {
    broker?.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Publishes with MQTT 5 at QoS 1, so an ACL refusal comes back in the PUBACK. */
  const publish = (username: string, password: string, topic: string) =>
    run(
      '/usr/bin/mosquitto_pub',
      ['-h', '127.0.0.1', '-p', String(port), '-V', '5', '-q', '1', '-u', username, '-P', password, '-t', topic, '-m', '{"eventId":"e1"}'],
      { timeout: 5_000 },
    ).then(
      () => 'accepted',
      (error: { stderr?: string }) => `refused: ${error.stderr ?? ''}`,
    );

  it('accept a device with its credentials on its own topic', async () => {
    expect(await publish('dev-a', devices['dev-a'], 'farmiq/devices/dev-a/telemetry')).toBe('accepted');
  });

  it('refuse a wrong password', async () => {
    expect(await publish('dev-a', 'password-of-device-b-9876543210', 'farmiq/devices/dev-a/telemetry')).toMatch(/^refused/);
  });

  it("drop a publish to another device's topic, and deliver one to its own", async () => {
    // Mosquitto acknowledges a denied publish without delivering it, so watch what arrives.
    const received = run(
      '/usr/bin/mosquitto_sub',
      ['-h', '127.0.0.1', '-p', String(port), '-u', observer.username, '-P', observer.password, '-t', 'farmiq/devices/#', '-C', '1', '-W', '5', '-v'],
      { timeout: 8_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await publish('dev-a', devices['dev-a'], 'farmiq/devices/dev-b/telemetry');
    await publish('dev-a', devices['dev-a'], 'farmiq/devices/dev-a/telemetry');
    const { stdout } = await received;
    expect(stdout.trim()).toBe('farmiq/devices/dev-a/telemetry {"eventId":"e1"}');
  });
});
