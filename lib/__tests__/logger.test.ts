import { spawn } from 'node:child_process';
import path from 'node:path';

describe('createLogger', () => {
  it('should let the process exit when nobody reads its log any more', async () => {
    // A log collector that died: the read end of the process's stdout is gone (EPIPE).
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fixtures', 'logThenExit.ts')], {
      cwd: path.join(__dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    child.stdout.destroy();
    const exit = await new Promise<string>((resolve) => {
      const hung = setTimeout(() => {
        child.kill('SIGKILL');
        resolve('still running after 10 s');
      }, 10_000);
      child.on('exit', (code) => {
        clearTimeout(hung);
        resolve(`exited with ${code}`);
      });
    });
    expect(exit).toBe('exited with 0');
  }, 15_000);
});
