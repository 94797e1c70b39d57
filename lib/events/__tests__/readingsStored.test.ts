import { READINGS_STORED, type ReadingEvent, type ReadingsStoredEvent } from '../topics';

const reading = (n: number, overrides: Partial<ReadingEvent> = {}): ReadingEvent => ({
  tenantId: '7f3c1c2e-6a4b-4c1e-9a51-0d6f3b2f8a11',
  farmId: '1a2b3c4d-6a4b-4c1e-9a51-0d6f3b2f8a22',
  barnId: n % 2 ? null : 'barn-1',
  deviceId: `device-${n % 3}`,
  eventId: `e-${n}`,
  metric: n % 2 ? 'temperature' : 'humidity',
  unit: n % 2 ? '°C' : '%',
  value: 20 + n / 10,
  observedAt: new Date(Date.UTC(2026, 11, 1, 8, 0, n)).toISOString(),
  receivedAt: '2026-12-01T08:01:00.000Z',
  ...overrides,
});

/** What a consumer in another process gets: the stored JSON text, parsed and decoded. */
const storedAndRead = (event: ReadingsStoredEvent) => {
  const json = JSON.stringify(READINGS_STORED.encode!(event));
  return { json, read: READINGS_STORED.decode(JSON.parse(json)) };
};

describe('the stored form of telemetry.readings-stored', () => {
  it('names the tenant, the farm and each unit once, and reads back the same readings', () => {
    const event = { readings: Array.from({ length: 100 }, (_, n) => reading(n)) };
    const { json, read } = storedAndRead(event);
    expect(read).toEqual(event);
    expect(json.split(event.readings[0]!.tenantId)).toHaveLength(2);
    expect(json.split(event.readings[0]!.farmId)).toHaveLength(2);
    expect(json.split('°C')).toHaveLength(2);
    expect(json.length).toBeLessThan(0.75 * JSON.stringify(event).length);
  });

  it('reads events stored before (every field on every reading), as outboxes of running systems hold them', () => {
    const event = { readings: [reading(1), reading(2)] };
    expect(READINGS_STORED.decode(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it('stores readings that do not share a tenant, a farm or a unit per metric as they are', () => {
    for (const odd of [{ tenantId: 'another-tenant' }, { farmId: 'another-farm' }, { unit: '°F' }]) {
      const event = { readings: [reading(1), reading(3, odd)] };
      const { json, read } = storedAndRead(event);
      expect(read).toEqual(event);
      expect(JSON.parse(json)).toEqual(event);
    }
  });

  it('refuses a stored form it cannot read whole (a poison event is dead-lettered, never half applied)', () => {
    const stored = JSON.parse(storedAndRead({ readings: [reading(1), reading(2)] }).json);
    expect(() => READINGS_STORED.decode({ ...stored, units: { temperature: '°C' } })).toThrow('$.units.humidity: expected a string');
    expect(() => READINGS_STORED.decode({ ...stored, units: {}, readings: [{ ...stored.readings[0], metric: 'toString' }] })).toThrow(
      '$.units.toString: expected a string',
    );
    expect(() => READINGS_STORED.decode({ ...stored, tenantId: undefined })).toThrow('$.tenantId: expected a string');
    expect(() => READINGS_STORED.decode({ ...stored, version: 3 })).toThrow('$.version: expected version 2 or none');
  });
});
