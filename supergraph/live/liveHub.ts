import type { ExecutionResult } from 'graphql';
import type { Principal } from '../../lib/auth/principal';
import type { Logger } from '../../lib/logger';
import type { PubSub } from '../../lib/pubsub/pubsub';
import type { AnyLiveField, LiveFilter } from './liveField';
import type { LiveOperation } from './liveOperation';
import { EVENTS_VARIABLE } from './liveOperation';
import { untilReturned } from './untilReturned';
import { ResolutionGroup, type ExecuteQuery, type GroupMember } from './resolutionGroup';
import { EntityCache, itemPlanOf, TopologyEpoch } from './entityCache';
import { liveTopologyChanges } from './liveMetrics';
import { TOPICS } from '../../lib/pubsub/pubsub';

interface Subscriber extends GroupMember {
  filter: LiveFilter<unknown>;
  group: ResolutionGroup<unknown>;
}

interface FieldFeed {
  /** Subscribers by `<tenant>|<key>`: an event reaches only its own tenant's listeners. */
  byKey: Map<string, Set<Subscriber>>;
  unsubscribe: Promise<() => Promise<void>>;
}

/**
 * The gateway's side of the event bus: one pub/sub subscription per live field (not per
 * subscriber), an index by tenant and key, and resolution groups that resolve each event once per
 * shared selection and fan the result out.
 */
export class LiveHub {
  private readonly feeds = new Map<AnyLiveField, FieldFeed>();
  private readonly groups = new Map<string, ResolutionGroup<unknown>>();
  private readonly epoch = new TopologyEpoch();
  private readonly topology: Promise<() => Promise<void>>;

  /**
   * `tokenStillGood` (the gateway's token verifier, revocations included) lets a group answer
   * from its entity cache; without it every batch goes through the planner.
   */
  constructor(
    private readonly pubsub: PubSub,
    private readonly execute: ExecuteQuery,
    private readonly log: Logger,
    private readonly tokenStillGood?: (accessToken: string) => Promise<boolean>,
  ) {
    // Every topology change (a device moved, deleted, suspended; a barn or farm moved) makes every
    // group forget what it remembered of entities: the next batch goes through the planner.
    this.topology = pubsub.subscribe(TOPICS.topologyChanged, () => {
      this.epoch.advance();
      liveTopologyChanges.inc();
    });
    this.topology.then(
      () => (this.epoch.live = tokenStillGood !== undefined),
      (error) => this.log.error({ err: error }, 'live: cannot follow topology changes; every event is resolved through the planner'),
    );
  }

  /** Live subscriptions open on this gateway. */
  get size(): number {
    let total = 0;
    for (const feed of this.feeds.values()) for (const set of feed.byKey.values()) total += set.size;
    return total;
  }

  /**
   * Starts delivering `operation`'s events for `principal` through `send` (the JSON of each
   * event's ExecutionResult); the returned generator's `return()` stops it.
   */
  async subscribe(
    operation: LiveOperation,
    principal: Principal & { tenantId: string },
    accessToken: string,
    send: (payloadJson: string) => void,
    stream?: GroupMember['stream'],
  ): Promise<AsyncGenerator<ExecutionResult, undefined, unknown>> {
    const { field } = operation;
    const filter = field.filterFrom(operation.args) as LiveFilter<unknown>;
    const feed = this.feedFor(field);
    // Counted (and fed) only once the bus delivers this field's topic to this process.
    await feed.unsubscribe;
    const group = this.groupFor(operation, principal);
    const index = `${principal.tenantId}|${filter.key}`;
    let subscriber: Subscriber | undefined;
    const subscription = untilReturned<ExecutionResult>(() => {
      feed.byKey.get(index)?.delete(subscriber!);
      if (feed.byKey.get(index)?.size === 0) feed.byKey.delete(index);
      group.members.delete(subscriber!);
      if (group.members.size === 0) {
        group.dispose();
        this.groups.delete(groupKeyOf(operation, principal));
      }
    });
    subscriber = { filter, group, responseKey: operation.responseKey, accessToken, deliver: send, ...(stream ? { stream } : {}) };
    group.members.add(subscriber);
    let forKey = feed.byKey.get(index);
    if (!forKey) feed.byKey.set(index, (forKey = new Set()));
    forKey.add(subscriber);
    return subscription;
  }

  async close(): Promise<void> {
    this.epoch.live = false;
    for (const group of this.groups.values()) group.dispose();
    this.groups.clear();
    await this.topology.then((unsubscribe) => unsubscribe()).catch(() => undefined);
    const feeds = [...this.feeds.values()];
    this.feeds.clear();
    await Promise.all(feeds.map(async (feed) => (await feed.unsubscribe)().catch(() => undefined)));
  }

  private groupFor(operation: LiveOperation, principal: Principal & { tenantId: string }): ResolutionGroup<unknown> {
    const key = groupKeyOf(operation, principal);
    let group = this.groups.get(key);
    if (!group) {
      const { local } = operation.field;
      const plan = local && this.tokenStillGood ? itemPlanOf(operation.query, local) : undefined;
      const cache = plan ? new EntityCache(local!, plan, this.epoch) : undefined;
      group = new ResolutionGroup(
        operation.query,
        operation.variables,
        EVENTS_VARIABLE,
        operation.field.resolver.inputOf,
        this.execute,
        this.log,
        cache,
        this.tokenStillGood,
      );
      this.groups.set(key, group);
    }
    return group;
  }

  private feedFor(field: AnyLiveField): FieldFeed {
    let feed = this.feeds.get(field);
    if (feed) return feed;
    const byKey = new Map<string, Set<Subscriber>>();
    const unsubscribe = this.pubsub.subscribe(field.topic, (payload) => {
      for (const event of field.eventsOf(payload)) {
        const tenantId = field.tenantOf(event);
        for (const key of field.keysOf(event)) {
          const subscribers = byKey.get(`${tenantId}|${key}`);
          if (!subscribers) continue;
          for (const subscriber of subscribers) {
            if (subscriber.filter.accept(event)) subscriber.group.add(event, subscriber);
          }
        }
      }
    });
    unsubscribe.catch((error) => {
      this.log.error({ err: error, topic: field.topic }, 'live: cannot subscribe to the event bus');
      this.feeds.delete(field);
    });
    feed = { byKey, unsubscribe };
    this.feeds.set(field, feed);
    return feed;
  }
}

/**
 * Subscribers whose resolution can be shared: the subgraphs authorize by tenant, roles and scopes
 * (nothing a Reading reaches depends on who the user is beyond those), and the selection with its
 * variable values decides the result.
 */
function groupKeyOf(operation: LiveOperation, principal: Principal & { tenantId: string }): string {
  // Farms too: two partners of one tenant with different grants must not share a resolution.
  const authority = [
    principal.tenantId,
    [...principal.roles].sort().join(','),
    [...principal.scopes].sort().join(','),
    principal.farmIds ? [...principal.farmIds].sort().join(',') : '*',
  ].join('|');
  return `${operation.field.field}\n${authority}\n${operation.query}\n${JSON.stringify(operation.variables)}`;
}
