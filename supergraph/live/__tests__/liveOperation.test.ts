import { buildSchema, parse } from 'graphql';
import { EVENTS_VARIABLE, liveOperation } from '../liveOperation';
import { readingAdded } from '../readingAdded';

const schema = buildSchema(`
  scalar DateTime
  type Barn { name: String! }
  type Device { name: String barn(full: Boolean): Barn }
  type Reading { value: Float! metric: String! device: Device! }
  input ReadingEventInput { deviceId: ID! }
  type Query { readingEvents(events: [ReadingEventInput!]!): [Reading]! }
  type Subscription { readingAdded(barnId: ID, deviceId: ID, metrics: [String!], everySeconds: Int): Reading! }
`);
const fields = new Map([[readingAdded.field, readingAdded]]);
const BARN = '5f0c1f9e-2a53-4c11-9f1e-0a8f7f3f6b11';

describe('liveOperation', () => {
  it('rewrites the subscription selection into a query on the resolver field, keeping only the variables it uses', () => {
    const document = parse(
      `subscription Live($b: ID, $full: Boolean) { r: readingAdded(barnId: $b) { value ...D } } fragment D on Reading { device { barn(full: $full) { name } } }`,
    );
    const operation = liveOperation(schema, document, undefined, { b: BARN, full: true }, fields);
    expect(operation.responseKey).toBe('r');
    expect(operation.args).toEqual({ barnId: BARN });
    expect(operation.variables).toEqual({ full: true });
    expect(operation.query.replace(/\s+/g, ' ')).toBe(
      `query Live($${EVENTS_VARIABLE}: [ReadingEventInput!]!, $full: Boolean) { readingEvents(events: $${EVENTS_VARIABLE}) { value ...D } } fragment D on Reading { device { barn(full: $full) { name } } }`,
    );
  });

  it('refuses queries and mutations with a message that says where they belong', () => {
    expect(() => liveOperation(schema, parse('{ readingEvents(events: []) { value } }'), undefined, {}, fields)).toThrow(
      'Only subscriptions are served over WebSocket',
    );
  });
});

describe('readingAdded filter', () => {
  const reading = (metric: string, secondsIn: number) => ({
    tenantId: 't',
    farmId: 'f',
    barnId: BARN,
    deviceId: 'd',
    eventId: 'e',
    metric,
    unit: '°C',
    value: 1,
    observedAt: new Date(Date.UTC(2026, 10, 25, 6, 0, secondsIn)).toISOString(),
    receivedAt: '2026-11-25T06:00:00Z',
  });

  it('passes one reading per everySeconds of each series and only the metrics asked for', () => {
    const filter = readingAdded.filterFrom({ barnId: BARN, metrics: ['temperatureC', 'co2Ppm'], everySeconds: 10 });
    const passed = [
      reading('temperatureC', 0),
      reading('co2Ppm', 3),
      reading('temperatureC', 9),
      reading('ammoniaPpm', 10),
      reading('temperatureC', 10),
      reading('co2Ppm', 12),
      reading('co2Ppm', 13),
    ]
      .filter((event) => filter.accept(event))
      .map((event) => `${event.metric}@${event.observedAt.slice(17, 19)}`);
    expect(passed).toEqual(['temperatureC@00', 'co2Ppm@03', 'temperatureC@10', 'co2Ppm@13']);
  });

  it.each([
    [{}, 'give exactly one of barnId and deviceId, got neither'],
    [{ barnId: BARN, deviceId: BARN }, 'got both'],
    [{ barnId: 'barn-1' }, 'barnId: expected a UUID'],
    [{ barnId: BARN, metrics: [] }, 'metrics: expected 1 to 50'],
    [{ barnId: BARN, metrics: ['Temperature C'] }, 'metrics: expected metric names'],
    [{ barnId: BARN, everySeconds: 0 }, 'everySeconds: expected 1 to 3600'],
  ])('answers BAD_USER_INPUT for %j', (args, message) => {
    expect(() => readingAdded.filterFrom(args)).toThrow(
      expect.objectContaining({ message: expect.stringContaining(message), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });
});
