import type { AddressInfo, Server } from 'node:net';
import { ConfigError } from '../config';

/** The address itself is wrong (not one of this machine's, or a name that does not resolve), not the port. */
const BAD_ADDRESS = new Set(['EADDRNOTAVAIL', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME']);

/** The port could not be bound; the message names the setting that chose it. */
export class PortUnavailableError extends Error {
  constructor(setting: string, port: number, reason: string) {
    super(
      `${setting}: port ${port} ${reason === 'EADDRINUSE' ? 'is already in use' : `cannot be used (${reason})`}; stop what holds it or choose another port with ${setting}`,
    );
    this.name = 'PortUnavailableError';
  }
}

/**
 * Listens on `port` (0 picks a free one) and resolves with the bound port. `setting` is the
 * configuration name that chose the port, `hostSetting` the one that chose `host`, for the error message.
 */
export function listen(server: Server, port: number, host: string | undefined, setting: string, hostSetting?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (hostSetting && host && BAD_ADDRESS.has(error.code ?? '')) {
        reject(new ConfigError(`${hostSetting}: cannot listen on ${host} (${error.code}: expected an address of this machine, or 0.0.0.0 for all of them)`));
        return;
      }
      reject(new PortUnavailableError(setting, port, error.code ?? error.message));
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
