import { isContractIssue, parseBatchMessage, parseDevicePayload } from '../batch';

const deviceId = '0b7e2d2c-1111-4222-8333-444455556666';
const at = '2026-11-25T10:00:00.000Z';

describe('parseDevicePayload', () => {
  it.each([
    ['an event id and an ISO time with Z', { eventId: 'e-1', timestamp: '2026-11-25T09:59:58Z', metrics: { temperatureC: 24.5 } }],
    ['a sequence number and epoch milliseconds', { seq: 0, timestamp: 1_764_064_800_000, metrics: { weightKg: 2.1 } }],
    ['an ISO time with an offset and fractions', { eventId: 'a:b.c_d', timestamp: '2026-11-25T11:59:58.123+02:00', metrics: { co2Ppm: 900, ammoniaPpm: 4 } }],
  ])('should accept %s', (_case, payload) => {
    expect(parseDevicePayload(payload)).toEqual(payload);
  });

  it.each([
    ['not an object', [1, 2], 'payload'],
    ['a field outside the contract', { eventId: 'e', timestamp: 1, metrics: { temperatureC: 1 }, deviceId }, 'deviceId'],
    ['neither event id nor sequence number', { timestamp: 1, metrics: { temperatureC: 1 } }, 'payload'],
    ['an event id with a space', { eventId: 'e 1', timestamp: 1, metrics: { temperatureC: 1 } }, 'eventId'],
    ['an event id of 65 characters', { eventId: 'e'.repeat(65), timestamp: 1, metrics: { temperatureC: 1 } }, 'eventId'],
    ['a negative sequence number', { seq: -1, timestamp: 1, metrics: { temperatureC: 1 } }, 'seq'],
    ['a fractional sequence number', { seq: 1.5, timestamp: 1, metrics: { temperatureC: 1 } }, 'seq'],
    ['a time without offset', { eventId: 'e', timestamp: '2026-11-25T10:00:00', metrics: { temperatureC: 1 } }, 'timestamp'],
    ['an impossible date', { eventId: 'e', timestamp: '2026-13-45T10:00:00Z', metrics: { temperatureC: 1 } }, 'timestamp'],
    ['a zero epoch time', { eventId: 'e', timestamp: 0, metrics: { temperatureC: 1 } }, 'timestamp'],
    ['no readings', { eventId: 'e', timestamp: 1, metrics: {} }, 'metrics'],
    ['17 readings', { eventId: 'e', timestamp: 1, metrics: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`m${i}`, i])) }, 'metrics'],
    ['a reading that is a string', { eventId: 'e', timestamp: 1, metrics: { temperatureC: '21' } }, 'metrics.temperatureC'],
    ['a metric name in snake case', { eventId: 'e', timestamp: 1, metrics: { temperature_c: 21 } }, 'metrics.temperature_c'],
  ])('should refuse %s, naming where', (_case, payload, path) => {
    const result = parseDevicePayload(payload);
    expect(isContractIssue(result)).toBe(true);
    expect(result).toMatchObject({ path });
  });
});

describe('parseBatchMessage', () => {
  const message = { deviceId, eventId: 'seq:42', observedAt: at, receivedAt: at, metrics: { temperatureC: 21 } };

  it('should accept a message as the ingestor writes it', () => {
    expect(parseBatchMessage(message)).toEqual(message);
  });

  it.each([
    ['a device id that is not a UUID', { ...message, deviceId: 'device-1' }, 'deviceId'],
    ['an empty event id', { ...message, eventId: '' }, 'eventId'],
    ['an event id of 73 characters', { ...message, eventId: 'e'.repeat(73) }, 'eventId'],
    ['an observation time that is not a date', { ...message, observedAt: 'yesterday' }, 'observedAt'],
    ['a receive time without offset', { ...message, receivedAt: '2026-11-25T10:00:00' }, 'receivedAt'],
    ['no readings', { ...message, metrics: {} }, 'metrics'],
    ['a reading that is not a number', { ...message, metrics: { temperatureC: null } }, 'metrics.temperatureC'],
  ])('should refuse %s, naming where', (_case, raw, path) => {
    expect(parseBatchMessage(raw)).toMatchObject({ path });
  });
});
