import { useMemo } from 'react';
import { useSubscription } from 'urql';
import { graphql } from '../gql';
import type { LiveBarnReadingsSubscription } from '../gql/graphql';

const LiveBarnReadingsDocument = graphql(`
  subscription LiveBarnReadings($barnId: ID!, $metrics: [String!], $everySeconds: Int) {
    readingAdded(barnId: $barnId, metrics: $metrics, everySeconds: $everySeconds) {
      metric
      unit
      value
      observedAt
      device {
        id
      }
    }
  }
`);

export type LiveReading = LiveBarnReadingsSubscription['readingAdded'];

/** At most this many readings are kept per barn: the page draws the newest, history comes from queries. */
const BUFFER_LIMIT = 2000;

/**
 * A barn's readings as they arrive (subscription `readingAdded`), newest last, bounded. The
 * server downsamples to one reading per device and metric per `everySeconds`.
 */
export function useLiveReadings(barnId: string, options: { metrics?: readonly string[]; everySeconds: number }): LiveReading[] {
  const variables = useMemo(
    () => ({ barnId, metrics: options.metrics ? [...options.metrics] : null, everySeconds: options.everySeconds }),
    [barnId, options.metrics, options.everySeconds],
  );
  const [{ data }] = useSubscription({ query: LiveBarnReadingsDocument, variables }, (previous: LiveReading[] = [], event) => {
    const next = previous.length >= BUFFER_LIMIT ? previous.slice(previous.length - BUFFER_LIMIT + 1) : previous.slice();
    next.push(event.readingAdded);
    return next;
  });
  return data ?? [];
}

/** The newest value of each metric, the newer of what the query gave and what arrived live. */
export function latestByMetric<T extends { metric: string; observedAt: string }>(initial: readonly T[], live: readonly T[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const reading of [...initial, ...live]) {
    const known = latest.get(reading.metric);
    if (!known || known.observedAt <= reading.observedAt) latest.set(reading.metric, reading);
  }
  return latest;
}
