import { AppendedEvents, decodedPayload, heldBytes } from '../appendedEvents';
import { decoderFor, type Topic } from '../topic';

const items = decoderFor('test.items');
const ITEMS: Topic<{ n: number }> = {
  name: 'test.items',
  decode: (raw) => ({ n: items.number(items.object(raw, '$').n, '$.n') }),
  partitionKey: () => '',
};

const event = (topic: string, position: number, shard = 0, n = position) => ({
  topic,
  position,
  recordedAt: `2026-12-01 08:00:00.${String(position).padStart(3, '0')}+00`,
  shard,
  json: JSON.stringify({ n }),
  payload: { n },
});

describe('the events a process appended (AppendedEvents)', () => {
  it("finds a topic's events of a partition past a cursor, the lowest first, at most as many as a claim reads", () => {
    const appended = new AppendedEvents();
    // The outbox lock orders appends by position; a rewound position (a restore) may still come late.
    for (const position of [1, 2, 3, 5, 6, 7, 8, 9, 4]) appended.remember(event('test.items', position, position % 2));
    appended.remember(event('test.other', 10, 0));
    const even = (shard: number) => shard === 0;
    expect([...appended.after('test.items', 3, even).keys()]).toEqual([4, 6, 8]);
    expect([...appended.after('test.items', 3, even, 2).keys()]).toEqual([4, 6]);
    expect([...appended.after('test.items', 9, even).keys()]).toEqual([]);
    expect([...appended.after('test.other', 0, even).keys()]).toEqual([10]);
    expect([...appended.after('test.none', 0, even).keys()]).toEqual([]);
  });

  it('counts the payload objects an event holds against its bound, not only its JSON text, and forgets the oldest past it', () => {
    const first = event('test.items', 1);
    // Room for two events as held (text and objects), though the text of many more would fit.
    const appended = new AppendedEvents(2 * heldBytes(first.json) + 1);
    for (const position of [1, 2, 3]) appended.remember(event('test.items', position));
    expect([...appended.after('test.items', 0, () => true).keys()]).toEqual([2, 3]);
    expect(appended.heldBytes).toBe(2 * heldBytes(first.json));
    expect(appended.heldBytes).toBeGreaterThan(2 * 2 * first.json.length);
  });

  it('keeps a position once when it is remembered again (a restore rewound the positions) and forgets by count too', () => {
    const appended = new AppendedEvents(Infinity, 2);
    appended.remember(event('test.items', 1));
    appended.remember({ ...event('test.items', 1, 0, 99), recordedAt: 'later' });
    expect([...appended.after('test.items', 0, () => true).values()].map((held) => held.recordedAt)).toEqual(['later']);
    appended.remember(event('test.items', 2));
    appended.remember(event('test.items', 3));
    expect(appended.size).toBe(2);
    expect([...appended.after('test.items', 0, () => true).keys()]).toEqual([2, 3]);
  });

  it('decodes once, then holds the frozen decoded payload only', () => {
    const appended = new AppendedEvents();
    appended.remember(event('test.items', 1, 0, 7));
    const held = appended.after('test.items', 0, () => true).get(1)!;
    const decoded = decodedPayload(held, ITEMS);
    expect(decoded).toEqual({ n: 7 });
    expect(Object.isFrozen(decoded)).toBe(true);
    expect(decodedPayload(held, ITEMS)).toBe(decoded);
    expect(held.payload).toBeUndefined();
  });
});
