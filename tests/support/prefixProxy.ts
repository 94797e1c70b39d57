import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A reverse proxy that serves `target` below `prefix` and strips it on the way (as nginx's
 * `location /farmiq/ { proxy_pass http://gateway/; }` does): what an operator puts in front of
 * the cloud when it shares a host name with other services.
 */
export async function startPrefixProxy(prefix: string, target: string): Promise<{ url: string; requests: string[]; stop(): Promise<void> }> {
  const upstream = new URL(target);
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push(`${request.method} ${path}`);
    if (!path.startsWith(`${prefix}/`)) {
      response.writeHead(404).end();
      return;
    }
    const forwarded = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: path.slice(prefix.length),
        headers: { ...request.headers, host: upstream.host },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on('error', () => response.writeHead(502).end());
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
