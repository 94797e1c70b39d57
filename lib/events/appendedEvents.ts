import { deepFreeze } from '../deepFreeze';
import type { Topic } from './topic';

/** What one process remembers of its appends, in JSON text and in events: past either the oldest are forgotten. */
export const APPENDED_EVENTS_MAX_BYTES = 16 * 2 ** 20;
export const APPENDED_EVENTS_MAX_COUNT = 1_000;

export interface AppendedEvent {
  topic: string;
  position: number;
  /** The row's recorded_at as text: with the position it names the row, even after a restore rewound the positions. */
  recordedAt: string;
  shard: number;
  /** Exactly the text stored in the outbox row. */
  json: string;
  /** The payload appendEvent stored as `json`. */
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
  private readonly events = new Map<number, AppendedEvent>();
  private bytes = 0;

  constructor(
    private readonly maxBytes = APPENDED_EVENTS_MAX_BYTES,
    private readonly maxCount = APPENDED_EVENTS_MAX_COUNT,
  ) {}

  /** Called by appendEvent with the position its INSERT returned. */
  remember(event: Omit<AppendedEvent, 'decoded'>): void {
    if (event.json.length > this.maxBytes) return;
    const replaced = this.events.get(event.position);
    if (replaced) {
      this.events.delete(event.position);
      this.bytes -= replaced.json.length;
    }
    this.events.set(event.position, event);
    this.bytes += event.json.length;
    // Map iteration is insertion order: the oldest appended go first.
    for (const [oldest, event] of this.events) {
      if (this.bytes <= this.maxBytes && this.events.size <= this.maxCount) break;
      this.events.delete(oldest);
      this.bytes -= event.json.length;
    }
  }

  /** The remembered events of `topic` after `position` whose shard `inPartition` takes. */
  after(topic: string, position: number, inPartition: (shard: number) => boolean): Map<number, AppendedEvent> {
    const found = new Map<number, AppendedEvent>();
    for (const [at, event] of this.events) if (at > position && event.topic === topic && inPartition(event.shard)) found.set(at, event);
    return found;
  }
}

/** The payload of a remembered event, decoded by its topic on first use (throws as decode does). */
export function decodedPayload<Payload>(event: AppendedEvent, topic: Topic<Payload>): Payload {
  event.decoded ??= deepFreeze(decodeOwn(event, topic));
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
