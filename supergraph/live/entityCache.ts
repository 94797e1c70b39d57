import { Kind, parse, type FieldNode, type OperationDefinitionNode } from 'graphql';

/**
 * How long a remembered entity answers live events without the subgraphs. The topology events
 * (TopologyEpoch) are what keeps it right; this bounds what they cannot reach: a rename (names
 * are not topology) and an invalidation the at-most-once bus lost.
 */
export const ENTITY_TTL_MS = 10_000;
/**
 * Past this age a remembered entity still answers, and the batch is also resolved through the
 * planner in the background to renew it: a group whose devices report steadily never waits for
 * the planner, and a refusal found then (the holder lost the device) forgets it at once.
 */
export const ENTITY_REFRESH_MS = 5_000;
/** Entities one resolution group remembers; past it the group starts over (no unbounded growth). */
const MAX_ENTITIES = 10_000;

/**
 * How a live field's events can be resolved without the planner once their entity is known: the
 * fields each event carries itself (echoed unchanged by the resolver, e.g. a reading's value)
 * and the one field holding the entity (a reading's `device`), whose resolved subtree depends
 * only on the entity's id and who asks.
 */
export interface LocalResolution<Event> {
  /** The entity field, e.g. `device`. */
  entityField: string;
  entityOf(event: Event): string;
  /** Field name → its value as the resolver echoes it (`__typename` included). */
  echoed: Record<string, (event: Event) => unknown>;
}

/**
 * Topology's position as this gateway saw it: every topology change moves it on, and an entity
 * remembered at an earlier position is not used again. One counter for every group: topology
 * changes are rare (human actions), so forgetting everything on each is cheap and cannot miss
 * a barn that moved farms with its devices.
 */
export class TopologyEpoch {
  value = 0;
  /** False until the bus delivers topology changes to this process: nothing is remembered before. */
  live = false;
  advance(): void {
    this.value += 1;
  }
}

/** The response keys of one item: each an echoed field of the event or the entity's subtree. */
type ItemPlan = Array<{ key: string; echo?: string }>;

/**
 * The plan of `query`'s item selection, or undefined when it cannot be assembled locally
 * (fragments, directives, arguments on the item's fields, or a field that is neither echoed
 * nor the entity): then every batch goes through the planner as before.
 */
export function itemPlanOf<Event>(query: string, local: LocalResolution<Event>): ItemPlan | undefined {
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  const root = operation.selectionSet.selections[0] as FieldNode;
  const plan: ItemPlan = [];
  for (const selection of root.selectionSet?.selections ?? []) {
    if (selection.kind !== Kind.FIELD || selection.directives?.length || selection.arguments?.length) return undefined;
    const name = selection.name.value;
    const key = selection.alias?.value ?? name;
    if (name === local.entityField) plan.push({ key });
    else if (Object.hasOwn(local.echoed, name)) plan.push({ key, echo: name });
    else return undefined;
  }
  return plan;
}

interface Remembered {
  /** The entity's resolved values, by response key. */
  values: unknown[];
  epoch: number;
  storedAtMs: number;
}

/**
 * One resolution group's memory of entities: what its selection resolved to for an entity, for
 * the group's own authority (tenant, roles, scopes, farms) only, so a hit answers exactly what
 * the planner answered for the same subscribers a moment ago.
 */
export class EntityCache<Event> {
  private readonly remembered = new Map<string, Remembered>();

  constructor(
    private readonly local: LocalResolution<Event>,
    private readonly plan: ItemPlan,
    private readonly epoch: TopologyEpoch,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** The position to hand to `remember` for a resolution starting now. */
  get position(): number {
    return this.epoch.value;
  }

  /**
   * Every event's item assembled locally (`renew`: some entity is due for renewal), or undefined
   * when any entity is unknown, expired or forgotten.
   */
  itemsOf(events: readonly Event[]): { items: Array<Record<string, unknown>>; renew: boolean } | undefined {
    if (!this.epoch.live) return undefined;
    const now = this.nowMs();
    const items: Array<Record<string, unknown>> = [];
    let renew = false;
    for (const event of events) {
      const entry = this.remembered.get(this.local.entityOf(event));
      if (!entry || entry.epoch !== this.epoch.value || now - entry.storedAtMs > ENTITY_TTL_MS) return undefined;
      if (now - entry.storedAtMs > ENTITY_REFRESH_MS) renew = true;
      const item: Record<string, unknown> = {};
      let entity = 0;
      for (const { key, echo } of this.plan) item[key] = echo === undefined ? entry.values[entity++] : this.local.echoed[echo]!(event);
      items.push(item);
    }
    return { items, renew };
  }

  /** Forgets the events' entities (the planner refused them). */
  forget(events: readonly Event[]): void {
    for (const event of events) this.remembered.delete(this.local.entityOf(event));
  }

  /**
   * Remembers the entities of items the planner resolved without errors, from a resolution that
   * started at `position` (one that a topology change overtook teaches nothing). False when an
   * item's echoed fields differ from its event's: the selection is not what this cache assumes,
   * and the caller stops using it.
   */
  remember(position: number, events: readonly Event[], items: readonly unknown[], failedIndexes: ReadonlySet<number>): boolean {
    if (position !== this.epoch.value) return true;
    if (this.remembered.size > MAX_ENTITIES) this.remembered.clear();
    const now = this.nowMs();
    for (let index = 0; index < events.length; index++) {
      const item = items[index] as Record<string, unknown> | null | undefined;
      if (!item || failedIndexes.has(index)) continue;
      const event = events[index]!;
      const values: unknown[] = [];
      for (const { key, echo } of this.plan) {
        if (echo === undefined) values.push(item[key]);
        else if (item[key] !== this.local.echoed[echo]!(event)) return false;
      }
      this.remembered.set(this.local.entityOf(event), { values, epoch: position, storedAtMs: now });
    }
    return true;
  }
}
