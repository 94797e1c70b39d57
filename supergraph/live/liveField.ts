import type { LocalResolution } from './entityCache';

/**
 * What a subscriber asked for, checked: the index key it listens on (within its tenant) and a
 * per-subscription test each event of that key must pass (argument filters, downsampling).
 */
export interface LiveFilter<Event> {
  /** One of the keys `LiveField.keysOf` gives an event, e.g. `barn:<id>`. */
  key: string;
  /** Stateful (downsampling remembers what it let through): call once per event, in order. */
  accept(event: Event): boolean;
}

/** An entity a subscription listens to, named by the `Query` field that reads it by id. */
export interface LiveSubject {
  field: string;
  id: string;
  /** The entity's name in the NOT_FOUND message (`Barn not found`). */
  what: string;
}

/**
 * A subscription field the gateway serves. Adding one (alertChanged) is: the field in the owning
 * subgraph's `Subscription` type, a query field there that returns the event's type from the
 * event given as input, the topic its events are published on, and an entry like this.
 */
export interface LiveField<Event> {
  /** The `Subscription` field, e.g. `readingAdded`. */
  field: string;
  /** The pub/sub topic whose payloads carry the events. */
  topic: string;
  /** The events in one published payload (a payload may be a batch). Ignores malformed ones. */
  eventsOf(payload: unknown): Event[];
  tenantOf(event: Event): string;
  /** Every index key the event matches (a reading matches its barn and its device). */
  keysOf(event: Event): string[];
  /** Checks the field's (coerced) arguments; throws a BAD_USER_INPUT GraphQLError when wrong. */
  filterFrom(args: Record<string, unknown>): LiveFilter<Event>;
  /**
   * The entity the (checked) arguments name, as the query field that reads it by id
   * (`{ field: 'barn', id, what: 'Barn' }`): the subscription is served only when that query
   * finds it for the subscriber; else it answers NOT_FOUND like the query, and completes.
   */
  subjectOf(args: Record<string, unknown>): LiveSubject;
  /**
   * The query field that resolves events of this field's type, and its one argument, a list of
   * `inputType`: `Query.readingEvents(events: [ReadingEventInput!]!): [Reading]!`.
   */
  resolver: { field: string; argument: string; inputType: string; inputOf(event: Event): unknown };
  /** How a batch whose entities a group resolved a moment ago is answered without the planner (entityCache.ts). */
  local?: LocalResolution<Event>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of fields of different payloads
export type AnyLiveField = LiveField<any>;
