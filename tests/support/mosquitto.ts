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

/** deploy/mosquitto/mosquitto.conf with this machine's paths and a free port on loopback. */
function deployedConf(port: number, paths: { passwords: string; acl: string; pidFile: string; tls?: { certFile: string; keyFile: string } }): string {
  const deployed = fs.readFileSync(path.join(__dirname, '..', '..', 'deploy', 'mosquitto', 'mosquitto.conf'), 'utf8');
  return (
    deployed
      .replace(/^listener .*$/m, `listener ${port} 127.0.0.1`)
      // Without TLS files the listener is plain MQTT (the tests of authentication alone).
      .replace(/^certfile .*$/m, paths.tls ? `certfile ${paths.tls.certFile}` : '')
      .replace(/^keyfile .*$/m, paths.tls ? `keyfile ${paths.tls.keyFile}` : '')
      .replace(/^tls_version .*$/m, (line) => (paths.tls ? line : ''))
      .replace(/^password_file .*$/m, `password_file ${paths.passwords}`)
      .replace(/^acl_file .*$/m, `acl_file ${paths.acl}`)
      .replace(/^pid_file .*$/m, `pid_file ${paths.pidFile}`)
      .replace(/^persistence .*$/m, 'persistence false')
      .replace(/^persistence_location .*$/m, '')
      // Started as root, Mosquitto drops to the `mosquitto` user, who could not read our 0600 files.
      .concat(`\nuser ${os.userInfo().username}\n`)
  );
}

/**
 * The machine's real Mosquitto on a free port, with the given password and ACL files and the
 * settings of deploy/mosquitto/mosquitto.conf that concern authentication (plain MQTT).
 */
export async function startMosquitto(passwordFile: string, aclFile: string, extraConf = ''): Promise<MosquittoInstance> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-mosquitto-'));
  const files = {
    passwords: path.join(dir, 'passwords'),
    acl: path.join(dir, 'acl'),
    conf: path.join(dir, 'mosquitto.conf'),
    pidFile: path.join(dir, 'mosquitto.pid'),
  };
  const write = (passwords: string, acl: string) => {
    fs.writeFileSync(files.passwords, passwords, { mode: 0o600 });
    fs.writeFileSync(files.acl, acl, { mode: 0o600 });
  };
  write(passwordFile, aclFile);
  const port = await freePort();
  fs.writeFileSync(files.conf, `${deployedConf(port, files)}${extraConf}\n`);
  return launch(port, files.conf, dir, write);
}

/**
 * The machine's Mosquitto with deploy/mosquitto/mosquitto.conf as deployed: the TLS listener
 * with `certDir`'s server.crt/key (deploy/mosquitto/certs.sh), the password and ACL files that
 * `farmiq broker-files` wrote to `authDir`. `pidFile` is where it writes its pid (for a reload).
 */
export async function startDeployedMosquitto(options: { authDir: string; certDir: string }): Promise<MosquittoInstance & { pidFile: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-mosquitto-'));
  const pidFile = path.join(dir, 'mosquitto.pid');
  const port = await freePort();
  const conf = path.join(dir, 'mosquitto.conf');
  fs.writeFileSync(
    conf,
    deployedConf(port, {
      passwords: path.join(options.authDir, 'passwords'),
      acl: path.join(options.authDir, 'acl'),
      pidFile,
      tls: { certFile: path.join(options.certDir, 'server.crt'), keyFile: path.join(options.certDir, 'server.key') },
    }),
  );
  const instance = await launch(port, conf, dir, () => {
    throw new Error('the deployed broker reads the files broker-files writes');
  });
  return { ...instance, pidFile };
}

async function launch(port: number, conf: string, dir: string, write: (passwords: string, acl: string) => void): Promise<MosquittoInstance> {
  const child: ChildProcess = spawn('mosquitto', ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
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
