import WebSocket from 'ws';

/** What a graphql-ws subscription received: results in order, or the error that refused it. */
export interface LiveSubscription {
  results: Array<{ data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> }>;
  /** The `error` message's errors when the server refused the operation. */
  refused?: Array<{ message: string; extensions?: Record<string, any> }>;
  /** Resolves once `count` results arrived (rejects after `timeoutMs`). */
  received(count: number, timeoutMs?: number): Promise<LiveSubscription['results']>;
  /** Resolves once the server answered with an error or completed. */
  settled(timeoutMs?: number): Promise<void>;
}

export interface LiveConnection {
  subscribe(query: string, variables?: Record<string, unknown>): LiveSubscription;
  close(): void;
}

/** How a handshake or `connection_init` ended when it did not end in `connection_ack`. */
export class LiveRefused extends Error {
  constructor(
    readonly status: number | undefined,
    readonly closeCode: number | undefined,
    readonly reason: string,
  ) {
    super(`live connection refused: status ${status ?? '-'}, close ${closeCode ?? '-'} ${reason}`);
  }
}

/** A graphql-transport-ws client over `ws`, as a partner's script or a browser would connect. */
export async function openLive(gatewayUrl: string, options: { token?: string; origin?: string; cookie?: string } = {}): Promise<LiveConnection> {
  const headers: Record<string, string> = {};
  if (options.origin) headers.origin = options.origin;
  if (options.cookie) headers.cookie = options.cookie;
  const socket = new WebSocket(gatewayUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', { headers });
  const subscriptions = new Map<string, { sub: LiveSubscription; wake: () => void }>();
  await new Promise<void>((resolve, reject) => {
    socket.once('unexpected-response', (_req, res) => reject(new LiveRefused(res.statusCode, undefined, res.statusMessage ?? '')));
    socket.once('error', (error) => reject(error));
    socket.once('close', (code, reason) => reject(new LiveRefused(undefined, code, reason.toString())));
    socket.once('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: options.token ? { authorization: `Bearer ${options.token}` } : {} })),
    );
    socket.on('message', (raw) => {
      const message = JSON.parse(raw.toString()) as { type: string; id?: string; payload?: any };
      if (message.type === 'connection_ack') return resolve();
      if (message.type === 'ping') return socket.send(JSON.stringify({ type: 'pong' }));
      const entry = message.id ? subscriptions.get(message.id) : undefined;
      if (!entry) return;
      if (message.type === 'next') entry.sub.results.push(message.payload);
      if (message.type === 'error') entry.sub.refused = message.payload;
      entry.wake();
    });
  });
  let nextId = 0;
  return {
    subscribe(query, variables = {}) {
      const id = String(++nextId);
      let waiters: Array<() => boolean> = [];
      let settled = false;
      const waitFor = (done: () => boolean, timeoutMs: number, what: string) =>
        new Promise<void>((resolve, reject) => {
          const check = () => {
            if (!done()) return false;
            clearTimeout(timer);
            resolve();
            return true;
          };
          const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(sub.results)}`)), timeoutMs);
          if (!check()) waiters.push(check);
        });
      const sub: LiveSubscription = {
        results: [],
        received: async (count, timeoutMs = 5_000) => {
          await waitFor(() => sub.results.length >= count, timeoutMs, `${count} results`);
          return sub.results;
        },
        settled: (timeoutMs = 5_000) => waitFor(() => settled || sub.refused !== undefined, timeoutMs, 'an error or completion'),
      };
      subscriptions.set(id, {
        sub,
        wake: () => {
          waiters = waiters.filter((check) => !check());
        },
      });
      socket.on('message', (raw) => {
        const message = JSON.parse(raw.toString()) as { type: string; id?: string };
        if (message.id === id && message.type === 'complete') {
          settled = true;
          subscriptions.get(id)?.wake();
        }
      });
      socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
      return sub;
    },
    close: () => socket.close(1000),
  };
}

/**
 * Waits until the process's gateways hold `count` live subscriptions (`farmiq_live_subscriptions`),
 * read from `metricsUrl`: the gateway's own /metrics, or the internal METRICS_PORT's in production.
 */
export async function liveSubscriptionsReach(
  gatewayUrl: string,
  count: number,
  timeoutMs = 5_000,
  metricsUrl = gatewayUrl.replace(/\/graphql$/, '/metrics'),
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  while (Date.now() < deadline) {
    const text = await (await fetch(metricsUrl)).text();
    last = Number(/^farmiq_live_subscriptions (\d+)/m.exec(text)?.[1] ?? -1);
    if (last === count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`expected ${count} live subscriptions, the gateway holds ${last}`);
}
