import { performance } from 'node:perf_hooks';

export interface LoadResult {
  name: string;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * A closed loop: `concurrency` callers each send requests back to back until `requests` were
 * sent. Bounded in count, so a run always ends; loopback only.
 */
export async function runLoad(
  name: string,
  url: string,
  body: string,
  requests: number,
  concurrency: number,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const caller = async () => {
    while (sent < requests) {
      sent += 1;
      const started = performance.now();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      const json = (await response.json()) as { errors?: unknown[] };
      latencies.push(performance.now() - started);
      if (!response.ok || json.errors) errors += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, caller));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests,
    seconds,
    requestsPerSecond: requests / seconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    errors,
  };
}
