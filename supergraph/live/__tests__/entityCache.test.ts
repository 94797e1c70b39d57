import type { ReadingEvent } from '../../../lib/pubsub/pubsub';
import { createLogger } from '../../../lib/logger';
import { EntityCache, itemPlanOf, TopologyEpoch } from '../entityCache';
import { readingAdded } from '../readingAdded';
import { ResolutionGroup, type ExecuteQuery, type GroupMember } from '../resolutionGroup';

const log = createLogger('silent');
const QUERY = 'query ($e: [ReadingEventInput!]!) { readingEvents(events: $e) { value observedAt device { name } } }';
const local = readingAdded.local!;
const unauthenticated = { errors: [{ message: 'The access token was revoked', extensions: { code: 'UNAUTHENTICATED' } }] };

const reading = (value: number, deviceId = 'd1'): ReadingEvent => ({
  tenantId: 't1',
  farmId: 'f1',
  barnId: 'b1',
  deviceId,
  eventId: `e${value}`,
  metric: 'temperatureC',
  unit: '°C',
  value,
  observedAt: '2026-12-01T08:00:00.000Z',
  receivedAt: '2026-12-01T08:00:01.000Z',
});

/**
 * One member's group with an entity cache, in front of a planner that echoes the readings and
 * names their device (or refuses a token the verifier refuses, as the subgraphs would).
 */
function cachedGroup(options: { echo?: (event: ReadingEvent) => string } = {}) {
  const epoch = new TopologyEpoch();
  epoch.live = true;
  let tokenGood = true;
  let plannerCalls = 0;
  const execute: ExecuteQuery = async (_query, variables) => {
    plannerCalls += 1;
    if (!tokenGood) return unauthenticated;
    const events = variables.e as ReadingEvent[];
    return {
      data: {
        readingEvents: events.map((event) => ({
          value: event.value,
          observedAt: options.echo ? options.echo(event) : event.observedAt,
          device: { name: `name of ${event.deviceId}` },
        })),
      },
    };
  };
  const cache = new EntityCache(local, itemPlanOf(QUERY, local)!, epoch);
  const group = new ResolutionGroup<ReadingEvent>(
    QUERY,
    {},
    'e',
    (event) => event,
    execute,
    log,
    cache,
    async () => tokenGood,
  );
  const frames: Array<{ data: { r: unknown } | null; errors?: unknown[] }> = [];
  const member: GroupMember = { responseKey: 'r', accessToken: 'token', deliver: (json) => frames.push(JSON.parse(json)) };
  group.members.add(member);
  /** Sends one reading and resolves with its frame. */
  const send = async (event: ReadingEvent) => {
    const before = frames.length;
    group.add(event, member);
    while (frames.length === before) await new Promise((resolve) => setTimeout(resolve, 5));
    return frames[before]!;
  };
  return { send, epoch, plannerCalls: () => plannerCalls, refuseToken: () => (tokenGood = false) };
}

describe('the entity cache of live resolutions', () => {
  it("answers a known device's readings without the planner only while the holder's token passes the verifier", async () => {
    const { send, plannerCalls, refuseToken } = cachedGroup();
    expect(await send(reading(1))).toEqual({ data: { r: { value: 1, observedAt: '2026-12-01T08:00:00.000Z', device: { name: 'name of d1' } } } });
    expect(plannerCalls()).toBe(1);
    // Known now: the same answer with the new reading's own fields, no planner.
    expect(await send(reading(2))).toEqual({ data: { r: { value: 2, observedAt: '2026-12-01T08:00:00.000Z', device: { name: 'name of d1' } } } });
    expect(plannerCalls()).toBe(1);
    // An unknown device goes to the planner.
    await send(reading(3, 'd2'));
    expect(plannerCalls()).toBe(2);
    // The token was revoked (a suspended tenant, a closed session): the planner answers, and refuses.
    refuseToken();
    expect(await send(reading(4))).toEqual({ data: null, errors: unauthenticated.errors });
    expect(plannerCalls()).toBe(3);
  });

  it('forgets every device at a topology change', async () => {
    const { send, plannerCalls, epoch } = cachedGroup();
    await send(reading(1));
    await send(reading(2));
    expect(plannerCalls()).toBe(1);
    epoch.advance();
    await send(reading(3));
    expect(plannerCalls()).toBe(2);
  });

  it('is not used for a selection whose echoed fields come back otherwise than the event carried them', async () => {
    const { send, plannerCalls } = cachedGroup({ echo: (event) => event.observedAt.replace('.000Z', 'Z') });
    expect(await send(reading(1))).toMatchObject({ data: { r: { observedAt: '2026-12-01T08:00:00Z' } } });
    expect(await send(reading(2))).toMatchObject({ data: { r: { observedAt: '2026-12-01T08:00:00Z' } } });
    expect(plannerCalls()).toBe(2);
  });

  it('leaves selections it cannot assemble (fragments, arguments, fields it does not echo) to the planner', () => {
    expect(itemPlanOf(QUERY, local)).toEqual([{ key: 'value', echo: 'value' }, { key: 'observedAt', echo: 'observedAt' }, { key: 'device' }]);
    expect(itemPlanOf('query ($e: [ReadingEventInput!]!) { readingEvents(events: $e) { ...F } } fragment F on Reading { value }', local)).toBeUndefined();
    expect(itemPlanOf('query ($e: [ReadingEventInput!]!) { readingEvents(events: $e) { value @include(if: true) } }', local)).toBeUndefined();
  });
});
