import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface MosquittoInstance {
  port: number;
  /** The broker's process id (benchmarks read its CPU time). */
  pid: number;
  /** Replaces the password and ACL files and makes Mosquitto reload them (SIGHUP). */
  reload(passwordFile: string, aclFile: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The machine's real Mosquitto on a free port, with the given password and ACL files and the
 * settings of deploy/mosquitto/mosquitto.conf that concern authentication.
 */
export async function startMosquitto(passwordFile: string, aclFile: string, extraConf = ''): Promise<MosquittoInstance> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-mosquitto-'));
  const files = { passwords: path.join(dir, 'passwords'), acl: path.join(dir, 'acl'), conf: path.join(dir, 'mosquitto.conf') };
  const write = (passwords: string, acl: string) => {
    fs.writeFileSync(files.passwords, passwords, { mode: 0o600 });
    fs.writeFileSync(files.acl, acl, { mode: 0o600 });
  };
  write(passwordFile, aclFile);
  const port = await freePort();
  const deployed = fs.readFileSync(path.join(__dirname, '..', '..', 'deploy', 'mosquitto', 'mosquitto.conf'), 'utf8');
  const conf = deployed
    .replace(/^listener .*$/m, `listener ${port} 127.0.0.1`)
    .replace(/^password_file .*$/m, `password_file ${files.passwords}`)
    .replace(/^acl_file .*$/m, `acl_file ${files.acl}`)
    .replace(/^persistence .*$/m, 'persistence false')
    .replace(/^persistence_location .*$/m, '')
    // Started as root, Mosquitto drops to the `mosquitto` user, who could not read our 0600 files.
    .concat(`\nuser ${os.userInfo().username}\n${extraConf}\n`);
  fs.writeFileSync(files.conf, conf);
  const child: ChildProcess = spawn('mosquitto', ['-c', files.conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await waitForPort(port, () => log);
  return {
    port,
    pid: child.pid!,
    async reload(passwords, acl) {
      write(passwords, acl);
      child.kill('SIGHUP');
      await new Promise((resolve) => setTimeout(resolve, 300));
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, log: () => string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`mosquitto did not listen on ${port}: ${log()}`);
}

/** Runs mosquitto_pub as a device would; resolves with its exit code and output. */
export function mosquittoPub(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile('mosquitto_pub', ['-h', '127.0.0.1', '-q', '1', ...args], { timeout: 10_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}
