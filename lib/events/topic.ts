/**
 * A topic of domain events: its name, the one type its payload has and the one decoder that
 * turns a stored payload back into that type. Publishers write a `Payload`; every consumer
 * reads it through `decode`, so a producer and its consumers cannot drift apart silently.
 */
export interface Topic<Payload> {
  /** `<owning subgraph>.<what happened>`, e.g. `telemetry.readings-stored`. */
  name: string;
  /** The payload as stored (parsed JSON) back to its type; throws EventDecodeError otherwise. */
  decode(raw: unknown): Payload;
  /**
   * What is stored for a payload when that is not the payload itself (a smaller form): `decode`
   * reads it back, and every form stored before it, so events already in outboxes still read.
   */
  encode?(payload: Payload): unknown;
  /**
   * What orders the events: consumers see the events of one key in the order they were
   * written, and split the work across replicas by it (events of one key stay on one replica).
   */
  partitionKey(payload: Payload): string;
  /**
   * Payload fields that name one object, for a topic of full-state snapshots: pruning keeps the
   * newest event of each object however old it is (a consumer started later still gets every
   * object's state), and deletes only events a newer one of the same object replaced.
   */
  compactedBy?: readonly string[];
  /**
   * `decode` builds its result from strings, numbers and nulls alone, sharing no object with
   * its input: a payload this process appended may then be decoded as it is (as `encode` made
   * it), without its JSON text being parsed again (lib/events/appendedEvents.ts).
   */
  decodeCopies?: boolean;
}

/** A stored payload that is not what its topic says: a poison event (dead-lettered at once). */
export class EventDecodeError extends Error {
  constructor(topic: string, expected: string, path: string) {
    super(`${topic}: ${path}: expected ${expected}`);
    this.name = 'EventDecodeError';
  }
}

/** Shards a partition key is hashed into; a consumer's partitions split them by `shard % partitions`. */
export const SHARDS = 1024;

/** FNV-1a of the key, folded into [0, SHARDS): stable across processes and versions. */
export function shardOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SHARDS;
}

/** Small checks for hand-written decoders (they run once per event per consumer). */
export function decoderFor(topic: string) {
  const fail = (expected: string, path: string): never => {
    throw new EventDecodeError(topic, expected, path);
  };
  return {
    object(value: unknown, path: string): Record<string, unknown> {
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : fail('an object', path);
    },
    array(value: unknown, path: string): unknown[] {
      return Array.isArray(value) ? value : fail('an array', path);
    },
    string(value: unknown, path: string): string {
      return typeof value === 'string' ? value : fail('a string', path);
    },
    nullableString(value: unknown, path: string): string | null {
      return value === null || value === undefined ? null : typeof value === 'string' ? value : fail('a string or null', path);
    },
    number(value: unknown, path: string): number {
      return typeof value === 'number' && Number.isFinite(value) ? value : fail('a finite number', path);
    },
    oneOf<Value extends string>(value: unknown, allowed: readonly Value[], path: string): Value {
      return allowed.includes(value as Value) ? (value as Value) : fail(`one of ${allowed.join(', ')}`, path);
    },
  };
}
