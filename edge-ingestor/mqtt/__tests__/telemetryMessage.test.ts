import { randomUUID } from 'node:crypto';
import { isInvalid, toBatchMessage } from '../telemetryMessage';

const deviceId = randomUUID();
const topic = `farmiq/devices/${deviceId}/telemetry`;
const at = new Date('2026-11-25T10:00:00.000Z');
const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('toBatchMessage', () => {
  it('should take the device from the topic and stamp when the edge received it', () => {
    const message = toBatchMessage(topic, json({ eventId: 'e-1', timestamp: '2026-11-25T09:59:58Z', metrics: { temperatureC: 24.5 } }), at);
    expect(message).toEqual({
      deviceId,
      eventId: 'e-1',
      observedAt: '2026-11-25T09:59:58.000Z',
      receivedAt: at.toISOString(),
      metrics: { temperatureC: 24.5 },
    });
  });

  it('should identify a message by its sequence number when it has no event id', () => {
    const message = toBatchMessage(topic, json({ seq: 42, timestamp: at.getTime(), metrics: { weightKg: 2.1 } }), at);
    expect(message).toMatchObject({ eventId: 'seq:42', observedAt: at.toISOString() });
  });

  it('should refuse a payload that names another device, whatever it says', () => {
    expect(toBatchMessage(topic, json({ eventId: 'e', timestamp: at.getTime(), metrics: { temperatureC: 1 }, deviceId: randomUUID() }), at)).toMatchObject({
      reason: 'schema',
    });
  });

  it.each([
    [
      'a topic that is not a device telemetry topic',
      'farmiq/devices/not-a-uuid/telemetry',
      json({ eventId: 'e', timestamp: 1, metrics: { temperatureC: 1 } }),
      'topic',
    ],
    ['a payload that is not JSON', topic, Buffer.from('{"eventId":'), 'json'],
    ['a payload without event id or sequence number', topic, json({ timestamp: 1, metrics: { temperatureC: 1 } }), 'schema'],
    ['a payload without readings', topic, json({ eventId: 'e', timestamp: 1, metrics: {} }), 'schema'],
    ['an unknown metric', topic, json({ eventId: 'e', timestamp: 1, metrics: { temperatureF: 70 } }), 'metric'],
    ['a reading the sensor cannot produce', topic, json({ eventId: 'e', timestamp: 1, metrics: { relativeHumidityPercent: 140 } }), 'metric'],
    ['a payload over 16 KiB', topic, Buffer.alloc(17_000, 32), 'too_large'],
  ])('should refuse %s with a reason', (_case, messageTopic, payload, reason) => {
    const result = toBatchMessage(messageTopic, payload, at);
    expect(isInvalid(result)).toBe(true);
    expect(result).toMatchObject({ reason });
  });
});
