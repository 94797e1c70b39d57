import { spawn } from 'node:child_process';
import net from 'node:net';
import { freePort } from './mosquitto';
import { waitFor } from './waitFor';

/**
 * A Redis of the test's own (the machine's redis-server on a free port, nothing saved): pub/sub
 * channels are global to a server, so processes sharing the machine's Redis would hear the
 * events of every other test running beside them.
 */
export async function startRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const listening = () =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
  await waitFor(async () => {
    if (!(await listening())) throw new Error(`redis-server did not listen on ${port}`);
  }, 5_000);
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
