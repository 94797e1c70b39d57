import type { IncomingMessage } from 'node:http';
import { clientAddressOf } from '../clientAddress';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage;

describe('the client address', () => {
  it('is the peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddressOf(request('203.0.113.7', '198.51.100.1'), 0)).toBe('203.0.113.7');
  });

  it('is the entry the trusted proxy appended, not what the client wrote before it', () => {
    // client wrote "1.2.3.4" itself; the one proxy appended the real client 198.51.100.9.
    expect(clientAddressOf(request('10.0.0.2', '1.2.3.4, 198.51.100.9'), 1)).toBe('198.51.100.9');
    expect(clientAddressOf(request('10.0.0.3', '1.2.3.4, 198.51.100.9, 10.0.0.2'), 2)).toBe('198.51.100.9');
  });

  it('falls back to the peer when a trusted proxy sent no header', () => {
    expect(clientAddressOf(request('10.0.0.2'), 1)).toBe('10.0.0.2');
  });
});
