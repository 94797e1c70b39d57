import { deepFreeze } from '../deepFreeze';
import type { Topic } from './topic';

/**
 * What one process may hold of its appends, counted honestly (see `heldBytes`): past either
 * bound the oldest are forgotten. 48 MiB keeps the events the former 16 MiB of JSON text kept.
 */
export const APPENDED_EVENTS_MAX_BYTES = 48 * 2 ** 20;
export const APPENDED_EVENTS_MAX_COUNT = 1_000;

/**
 * Heap bytes an event holds per character of its JSON: the text itself (1 byte a character,
 * 2 when it holds one past Latin-1) and one payload object, the given one until a consumer
 * decoded it, then the frozen decoded one. A parsed readings-stored payload takes 1.2× its JSON
 * length on the heap (measured, node 20); 2 leaves room for the decoded copy sharing the
 * payload's strings while both are alive.
 */
const OBJECT_BYTES_PER_JSON_CHAR = 2;

/** The heap an event of this JSON text holds, as AppendedEvents counts it. */
export function heldBytes(json: string): number {
  return json.length * (1 + OBJECT_BYTES_PER_JSON_CHAR);
}

export interface AppendedEvent {
  topic: string;
  position: number;
  /** The row's recorded_at as text: with the position it names the row, even after a restore rewound the positions. */
  recordedAt: string;
  shard: number;
  /** Exactly the text stored in the outbox row. */
  json: string;
  /** What appendEvent stored as `json` (the topic's encoded form); let go once decoded. */
  payload: unknown;
  /** Decoded once, frozen, shared by every consumer of this process that reads the event. */
  decoded?: unknown;
}

/**
 * The events this process appended to one database's outbox lately (appendEvent), by position:
 * the process's own consumers take an event's payload from here instead of reading its text
 * back from PostgreSQL and parsing it once each (a batch of 5,000 readings is ≈ 1.7 MB of JSON,
 * and six consumers read every one). One instance per SQL driver, so two databases in one
 * process never mix positions. An event of a transaction that rolled back stays here unread
 * until it is forgotten: no outbox row has its position, so no consumer asks for it.
 *
 * Consumers get the payload decoded from the same JSON text the row holds (or, for a topic whose
 * decoder copies, from the payload itself: the same values), so what a handler sees is what it
 * would have read; it is frozen because the consumers share it.
 */
export class AppendedEvents {
  /** In the order remembered: the oldest are forgotten first. */
  private readonly events = new Map<number, AppendedEvent>();
  /** Each topic's remembered positions, ascending: a consumer looks up what lies past its cursor. */
  private readonly positionsByTopic = new Map<string, number[]>();
  private bytes = 0;

  constructor(
    private readonly maxBytes = APPENDED_EVENTS_MAX_BYTES,
    private readonly maxCount = APPENDED_EVENTS_MAX_COUNT,
  ) {}

  /** What the remembered events hold, as counted against the bound. */
  get heldBytes(): number {
    return this.bytes;
  }

  get size(): number {
    return this.events.size;
  }

  /** Called by appendEvent with the position its INSERT returned. */
  remember(event: Omit<AppendedEvent, 'decoded'>): void {
    if (heldBytes(event.json) > this.maxBytes) return;
    const replaced = this.events.get(event.position);
    if (replaced) this.forget(replaced);
    this.events.set(event.position, event);
    this.bytes += heldBytes(event.json);
    let positions = this.positionsByTopic.get(event.topic);
    if (!positions) this.positionsByTopic.set(event.topic, (positions = []));
    // The outbox lock makes appends arrive in position order: the insertion is almost always a push.
    positions.splice(firstAfter(positions, event.position), 0, event.position);
    // Map iteration is insertion order: the oldest appended go first.
    for (const oldest of this.events.values()) {
      if (this.bytes <= this.maxBytes && this.events.size <= this.maxCount) break;
      this.forget(oldest);
    }
  }

  /**
   * The remembered events of `topic` after `position` whose shard `inPartition` takes, the
   * `limit` lowest positions (a claim reads no more rows than that): a binary search, then
   * only the events past the position.
   */
  after(topic: string, position: number, inPartition: (shard: number) => boolean, limit = Infinity): Map<number, AppendedEvent> {
    const found = new Map<number, AppendedEvent>();
    const positions = this.positionsByTopic.get(topic) ?? [];
    for (let i = firstAfter(positions, position); i < positions.length && found.size < limit; i += 1) {
      const event = this.events.get(positions[i]!)!;
      if (inPartition(event.shard)) found.set(event.position, event);
    }
    return found;
  }

  private forget(event: AppendedEvent): void {
    this.events.delete(event.position);
    this.bytes -= heldBytes(event.json);
    const positions = this.positionsByTopic.get(event.topic)!;
    positions.splice(firstAfter(positions, event.position) - 1, 1);
    if (positions.length === 0) this.positionsByTopic.delete(event.topic);
  }
}

/** The index of the first of the ascending `positions` greater than `position`. */
function firstAfter(positions: readonly number[], position: number): number {
  let [low, high] = [0, positions.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (positions[middle]! <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The payload of a remembered event, decoded by its topic on first use (throws as decode does). */
export function decodedPayload<Payload>(event: AppendedEvent, topic: Topic<Payload>): Payload {
  if (event.decoded === undefined) {
    event.decoded = deepFreeze(decodeOwn(event, topic));
    // Only the decoded copy is read from now on: the payload object need not stay alive.
    event.payload = undefined;
  }
  return event.decoded as Payload;
}

function decodeOwn<Payload>(event: AppendedEvent, topic: Topic<Payload>): Payload {
  if (topic.decodeCopies) {
    try {
      return topic.decode(event.payload);
    } catch {
      // Something JSON would have turned into text (a Date): decode the stored text as any reader would.
    }
  }
  return topic.decode(JSON.parse(event.json));
}
