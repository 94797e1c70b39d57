import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { postOutbound } from '../outboundRequest';
import { checkOutboundUrl, isPublicAddress, OutboundRefused, type OutboundPolicy } from '../publicAddress';

const DEVELOPMENT: OutboundPolicy = { allowedHosts: [], httpsOnly: false };
const PRODUCTION: OutboundPolicy = { allowedHosts: [], httpsOnly: true };

describe('public addresses', () => {
  it.each([
    ['127.0.0.1', false],
    ['127.255.0.9', false],
    ['10.200.1.1', false],
    ['172.16.0.1', false],
    ['172.31.255.255', false],
    ['172.32.0.1', true],
    ['192.168.1.10', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['8.8.8.8', true],
    ['1.1.1.1', true],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fd00:ec2::254', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:8.8.8.8', false],
    ['64:ff9b::a9fe:a9fe', false],
    ['2606:4700:4700::1111', true],
    ['not an address', false],
  ])('should judge %s public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it('should refuse private hosts by literal or resolved name, and http in production, with the reason', async () => {
    await expect(checkOutboundUrl(new URL('http://169.254.169.254/latest/meta-data/'), DEVELOPMENT)).rejects.toThrow(/169\.254\.169\.254/);
    await expect(checkOutboundUrl(new URL('http://localhost:9/'), DEVELOPMENT)).rejects.toThrow(OutboundRefused);
    // 2130706433 is 127.0.0.1 written as one number: the URL parser makes it the address.
    await expect(checkOutboundUrl(new URL('http://2130706433/'), DEVELOPMENT)).rejects.toThrow(/127\.0\.0\.1/);
    await expect(checkOutboundUrl(new URL('http://8.8.8.8/hook'), PRODUCTION)).rejects.toThrow('url must use https');
    await expect(checkOutboundUrl(new URL('gopher://8.8.8.8/'), DEVELOPMENT)).rejects.toThrow('url must be an http(s) URL');
    await expect(checkOutboundUrl(new URL('https://no-such-host.invalid/'), DEVELOPMENT)).rejects.toThrow(/does not resolve/);
    await expect(checkOutboundUrl(new URL('http://8.8.8.8/hook'), DEVELOPMENT)).resolves.toBeUndefined();
    // The operator's allow-list: that host, whatever it resolves to; still https only in production.
    await expect(checkOutboundUrl(new URL('http://127.0.0.1:8080/'), { allowedHosts: ['127.0.0.1'], httpsOnly: false })).resolves.toBeUndefined();
    await expect(checkOutboundUrl(new URL('http://127.0.0.1:8080/'), { allowedHosts: ['127.0.0.1'], httpsOnly: true })).rejects.toThrow('https');
  });
});

describe('outbound requests', () => {
  let server: http.Server;
  let port: number;
  const arrived: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      arrived.push(req.headers.host ?? '');
      req.resume();
      req.on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('should refuse to connect when the name resolves to a private address at send time, and send nothing', async () => {
    // Registration may have seen a public address; the connection checks the one it is about to use.
    await expect(postOutbound(`http://localhost:${port}/hook`, {}, '{}', { policy: DEVELOPMENT, timeoutMs: 5_000 })).rejects.toThrow(OutboundRefused);
    await expect(postOutbound(`http://127.0.0.1:${port}/hook`, {}, '{}', { policy: DEVELOPMENT, timeoutMs: 5_000 })).rejects.toThrow(OutboundRefused);
    expect(arrived).toEqual([]);
  });

  it('should send to an allowed host and report its answer', async () => {
    const answer = await postOutbound(`http://127.0.0.1:${port}/hook`, { 'content-type': 'application/json' }, '{"ok":true}', {
      policy: { allowedHosts: ['127.0.0.1'], httpsOnly: false },
      timeoutMs: 5_000,
    });
    expect(answer.status).toBe(204);
    expect(arrived).toEqual([`127.0.0.1:${port}`]);
  });
});
