import type { ExecutionResult, GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import type { EntityCache } from './entityCache';
import { liveBatchesResolved } from './liveMetrics';

/** Runs a query through the gateway (query planner, subgraphs) as the holder of `accessToken`. */
export type ExecuteQuery = (
  query: string,
  variables: Record<string, unknown>,
  accessToken: string,
) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] }>;

/** One subscriber as a group sees it: where its events go and under which response key. */
export interface GroupMember {
  responseKey: string;
  accessToken: string;
  /** Sends one event: `payloadJson` is the JSON of its ExecutionResult, shared by the group. */
  deliver(payloadJson: string): void;
  /** The connection's socket: corked while a batch is delivered, its frames leave in one write. */
  stream?: { cork(): void; uncork(): void };
}

/** How long events wait to be resolved together: the price of one resolution per batch, not per event. */
export const BATCH_WINDOW_MS = 5;
/** The most events one resolution carries (the subgraph's `readingEvents` limit). */
export const MAX_BATCH = 500;
/**
 * Resolutions of one group under way at once. More events meanwhile wait and go together in the
 * next one, so under load batches grow instead of queries piling up: throughput follows the
 * event rate while latency stays near two resolution times.
 */
export const MAX_IN_FLIGHT = 2;
/**
 * Tries of a resolution that failed as a whole with an internal error (a subgraph's pool wait ran
 * out under load): one failed try would otherwise turn up to MAX_BATCH readings into error frames
 * for every member. Only internal errors are tried again; a refusal (auth, not found) is final.
 */
export const MAX_RESOLVE_ATTEMPTS = 3;
const RETRY_PAUSE_MS = 250;

/**
 * The subscribers that share one resolution: the same tenant, roles and scopes (so the subgraphs
 * authorize them alike), and the same selection with the same variable values. Events that
 * reach any member within a short window are resolved in one query through the planner, and
 * each resolved item is fanned out to every member it was for.
 */
export class ResolutionGroup<Event> {
  readonly members = new Set<GroupMember>();
  private pending = new Map<Event, GroupMember[]>();
  private timer: NodeJS.Timeout | undefined;
  private inFlight = 0;
  private renewing = false;

  /**
   * `cache` (optional) answers batches whose entities this group resolved a moment ago without
   * the planner; `tokenStillGood` then stands in for the subgraphs' check of the holder's token
   * (the same verifier: signature, expiry, revocations such as a suspended tenant).
   */
  constructor(
    private readonly query: string,
    private readonly variables: Record<string, unknown>,
    private readonly eventsVariable: string,
    private readonly inputOf: (event: Event) => unknown,
    private readonly execute: ExecuteQuery,
    private readonly log: Logger,
    private cache?: EntityCache<Event>,
    private readonly tokenStillGood: (accessToken: string) => Promise<boolean> = async () => false,
  ) {}

  /** Queues `event` for `member`; the batch is resolved after the window or when full. */
  add(event: Event, member: GroupMember): void {
    let forEvent = this.pending.get(event);
    if (!forEvent) {
      forEvent = [];
      this.pending.set(event, forEvent);
    }
    forEvent.push(member);
    if (this.inFlight >= MAX_IN_FLIGHT) return; // sent when a resolution under way finishes
    if (this.pending.size >= MAX_BATCH) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), BATCH_WINDOW_MS);
  }

  /** Stops the timer; queued events are dropped (nobody is left to receive them). */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = new Map();
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const holder = this.members.values().next().value;
    if (!holder || this.pending.size === 0) return;
    let batch = this.pending;
    if (batch.size > MAX_BATCH) {
      const entries = [...batch];
      batch = new Map(entries.slice(0, MAX_BATCH));
      this.pending = new Map(entries.slice(MAX_BATCH));
    } else {
      this.pending = new Map();
    }
    this.inFlight += 1;
    void this.resolve(batch, holder.accessToken).finally(() => {
      this.inFlight -= 1;
      if (this.pending.size > 0) this.flush();
    });
  }

  private async resolveOnce(variables: Record<string, unknown>, accessToken: string): Promise<Awaited<ReturnType<ExecuteQuery>>> {
    try {
      return await this.execute(this.query, variables, accessToken);
    } catch (error) {
      this.log.error({ err: error }, 'live: resolving events failed');
      return { errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.InternalServerError } }] };
    }
  }

  private async resolve(batch: Map<Event, GroupMember[]>, accessToken: string): Promise<void> {
    const events = [...batch.keys()];
    const known = this.cache?.itemsOf(events);
    if (known && (await this.tokenStillGood(accessToken))) {
      liveBatchesResolved.inc({ by: 'cache' });
      this.deliverBatch(events, batch, known.items, [], new Map());
      if (known.renew && !this.renewing) {
        this.renewing = true;
        void this.renew(events, accessToken).finally(() => (this.renewing = false));
      }
      return;
    }
    const position = this.cache?.position;
    liveBatchesResolved.inc({ by: 'planner' });
    const variables = { ...this.variables, [this.eventsVariable]: events.map(this.inputOf) };
    let result = await this.resolveOnce(variables, accessToken);
    for (let attempt = 2; attempt <= MAX_RESOLVE_ATTEMPTS && failedInternally(result); attempt++) {
      this.log.warn({ attempt, events: events.length }, 'live: resolving events failed; trying again');
      await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS * (attempt - 1)));
      result = await this.resolveOnce(variables, accessToken);
    }
    const { items, general, errorsByItem } = splitResult(result);
    this.learn(position, events, items, general, errorsByItem);
    this.deliverBatch(events, batch, items, general, errorsByItem);
  }

  /** Resolves a batch already answered from the cache through the planner, to renew (or forget) its entities. */
  private async renew(events: Event[], accessToken: string): Promise<void> {
    const position = this.cache?.position;
    liveBatchesResolved.inc({ by: 'renewal' });
    const result = await this.resolveOnce({ ...this.variables, [this.eventsVariable]: events.map(this.inputOf) }, accessToken);
    const { items, general, errorsByItem } = splitResult(result);
    this.learn(position, events, items, general, errorsByItem);
  }

  private learn(
    position: number | undefined,
    events: Event[],
    items: unknown[] | undefined,
    general: GraphQLFormattedError[],
    errorsByItem: Map<number, GraphQLFormattedError[]>,
  ): void {
    if (!this.cache) return;
    if (!items || general.length > 0) {
      this.cache.forget(events);
      return;
    }
    if (!this.cache.remember(position!, events, items, new Set(errorsByItem.keys()))) {
      this.log.warn('live: resolved events differ from what the entity cache assumes; this selection is resolved through the planner only');
      this.cache = undefined;
    }
  }

  private deliverBatch(
    events: Event[],
    batch: Map<Event, GroupMember[]>,
    items: unknown[] | undefined,
    general: GraphQLFormattedError[],
    errorsByItem: Map<number, GraphQLFormattedError[]>,
  ): void {
    // A batch's frames to one socket in one write (writev), not one system call per frame: the
    // socket writes were half of the gateway's CPU at 1,000 subscribers.
    const streams = new Set<NonNullable<GroupMember['stream']>>();
    for (const members of batch.values()) for (const member of members) if (member.stream) streams.add(member.stream);
    for (const stream of streams) stream.cork();
    try {
      this.deliverAll(events, batch, items, general, errorsByItem);
    } finally {
      for (const stream of streams) stream.uncork();
    }
  }

  private deliverAll(
    events: Event[],
    batch: Map<Event, GroupMember[]>,
    items: unknown[] | undefined,
    general: GraphQLFormattedError[],
    errorsByItem: Map<number, GraphQLFormattedError[]>,
  ): void {
    events.forEach((event, index) => {
      const item = items?.[index] ?? null;
      const errors = [...general, ...(errorsByItem.get(index) ?? [])];
      // Serialized once per response key, not once per subscriber: at a hundred subscribers per
      // barn that is most of the fan-out's cost.
      const payloads = new Map<string, string>();
      for (const member of batch.get(event)!) {
        if (!this.members.has(member)) continue;
        let payload = payloads.get(member.responseKey);
        if (payload === undefined) {
          const key = member.responseKey;
          const result: ExecutionResult = { data: item === null ? null : { [key]: item } };
          if (errors.length > 0)
            result.errors = errors.map((error) => ({
              ...error,
              ...(error.path ? { path: [key, ...error.path] } : {}),
            })) as unknown as ExecutionResult['errors'];
          payload = JSON.stringify(result);
          payloads.set(key, payload);
        }
        member.deliver(payload);
      }
    });
  }
}

/** The resolved items, the errors of the whole batch, and each item's own errors (paths below the item). */
function splitResult(result: Awaited<ReturnType<ExecuteQuery>>): {
  items: unknown[] | undefined;
  general: GraphQLFormattedError[];
  errorsByItem: Map<number, GraphQLFormattedError[]>;
} {
  const errorsByItem = new Map<number, GraphQLFormattedError[]>();
  const general: GraphQLFormattedError[] = [];
  for (const error of result.errors ?? []) {
    const index = error.path?.[1];
    if (typeof index === 'number') {
      const forItem = errorsByItem.get(index) ?? [];
      forItem.push({ ...error, path: error.path!.slice(2) });
      errorsByItem.set(index, forItem);
    } else {
      general.push(error);
    }
  }
  return { items: firstField(result.data), general, errorsByItem };
}

/** Nothing resolved and an internal error said why: worth another try. */
function failedInternally(result: Awaited<ReturnType<ExecuteQuery>>): boolean {
  return firstField(result.data) === undefined && (result.errors ?? []).some((error) => error.extensions?.code === ErrorCode.InternalServerError);
}

function firstField(data: Record<string, unknown> | null | undefined): unknown[] | undefined {
  if (!data) return undefined;
  const value = Object.values(data)[0];
  return Array.isArray(value) ? value : undefined;
}
