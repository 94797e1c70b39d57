import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { DiskBuffer } from '../DiskBuffer';
import { listQuarantine, openQuarantine, purgeQuarantine, requestReplay } from '../quarantine';

let dir: string;
let file: string;
let buffer: DiskBuffer;
let operator: Database.Database;

const message = (deviceId: string, eventId: string) =>
  JSON.stringify({ deviceId, eventId, observedAt: '2026-11-30T08:00:00Z', receivedAt: '2026-11-30T08:00:01Z', metrics: { temperatureC: 21 } });
const DEVICE_A = '00000000-0000-4000-8000-00000000000a';
const DEVICE_B = '00000000-0000-4000-8000-00000000000b';
const T0 = 1_780_000_000_000;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-quarantine-'));
  file = path.join(dir, 'buffer.sqlite');
  buffer = new DiskBuffer({ file, maxMessages: 1_000, maxBytes: 1e6 });
  buffer.append(['a1', 'b1', 'a2', 'b2'].map((eventId) => ({ body: message(eventId.startsWith('a') ? DEVICE_A : DEVICE_B, eventId), receivedAtMs: T0 })));
  // The operator's command: a second connection to the file the ingestor holds open.
  operator = openQuarantine(file);
});
afterEach(() => {
  operator.close();
  buffer.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the quarantine of the disk buffer', () => {
  it("should take the refused messages of an acknowledged range in the same step that removes the range, with the cloud's reasons", () => {
    expect(
      buffer.remove(
        1,
        4,
        [
          { seq: 2, code: 'DEVICE_NOT_ACTIVE', reason: 'DEVICE_NOT_ACTIVE: the device is REVOKED' },
          { seq: 4, code: 'OUT_OF_RANGE', reason: 'OUT_OF_RANGE: temperatureC 140' },
        ],
        T0 + 5_000,
      ),
    ).toBe(4);
    expect([buffer.depthMessages, buffer.depthBytes, buffer.quarantinedMessages]).toEqual([0, 0, 2]);
    expect(listQuarantine(operator)).toEqual([
      {
        id: 1,
        deviceId: DEVICE_B,
        eventId: 'b1',
        code: 'DEVICE_NOT_ACTIVE',
        reason: 'DEVICE_NOT_ACTIVE: the device is REVOKED',
        receivedAt: new Date(T0).toISOString(),
        quarantinedAt: new Date(T0 + 5_000).toISOString(),
        replayRequestedAt: null,
      },
      {
        id: 2,
        deviceId: DEVICE_B,
        eventId: 'b2',
        code: 'OUT_OF_RANGE',
        reason: 'OUT_OF_RANGE: temperatureC 140',
        receivedAt: new Date(T0).toISOString(),
        quarantinedAt: new Date(T0 + 5_000).toISOString(),
        replayRequestedAt: null,
      },
    ]);
    expect(listQuarantine(operator, { code: 'OUT_OF_RANGE' }).map((row) => row.eventId)).toEqual(['b2']);
    expect(listQuarantine(operator, { deviceId: DEVICE_A })).toEqual([]);
  });

  it('should put a replayed message back in the queue as the newest, with its body unchanged, and only once', () => {
    buffer.remove(1, 4, [
      { seq: 2, code: 'DEVICE_NOT_ACTIVE', reason: 'DEVICE_NOT_ACTIVE: the device is REVOKED' },
      { seq: 4, code: 'DEVICE_NOT_ACTIVE', reason: 'DEVICE_NOT_ACTIVE: the device is REVOKED' },
    ]);
    expect(buffer.readmitReplays(T0 + 10_000)).toBe(0);
    expect(requestReplay(operator, { ids: [2] }, T0 + 9_000)).toBe(1);
    expect(requestReplay(operator, { ids: [2] }, T0 + 9_500)).toBe(0);
    expect(listQuarantine(operator, { ids: [2] })[0]!.replayRequestedAt).toBe(new Date(T0 + 9_000).toISOString());
    expect(buffer.readmitReplays(T0 + 10_000)).toBe(1);
    expect(buffer.readmitReplays(T0 + 11_000)).toBe(0);
    expect([buffer.depthMessages, buffer.newestSeq, buffer.oldestReceivedAtMs, buffer.quarantinedMessages]).toEqual([1, 5, T0 + 10_000, 1]);
    expect(buffer.between(4, Number.MAX_SAFE_INTEGER, 10)).toEqual([{ seq: 5, body: message(DEVICE_B, 'b2'), receivedAtMs: T0 + 10_000 }]);
    expect(listQuarantine(operator).map((row) => row.eventId)).toEqual(['b1']);
  });

  it('should delete what an operator purges and what outlived the retention, nothing else', () => {
    buffer.remove(
      1,
      2,
      [
        { seq: 1, code: 'DEVICE_UNKNOWN', reason: 'DEVICE_UNKNOWN: x' },
        { seq: 2, code: 'DEVICE_UNKNOWN', reason: 'DEVICE_UNKNOWN: x' },
      ],
      T0,
    );
    buffer.remove(
      3,
      4,
      [
        { seq: 3, code: 'METRIC_UNKNOWN', reason: 'METRIC_UNKNOWN: x' },
        { seq: 4, code: 'OUT_OF_RANGE', reason: 'OUT_OF_RANGE: x' },
      ],
      T0 + 86_400_000,
    );
    expect(purgeQuarantine(operator, { code: 'METRIC_UNKNOWN' })).toBe(1);
    expect(buffer.expireQuarantine(T0 + 1)).toBe(2);
    expect(listQuarantine(operator).map((row) => row.code)).toEqual(['OUT_OF_RANGE']);
    expect(purgeQuarantine(operator, {})).toBe(1);
    expect(buffer.quarantinedMessages).toBe(0);
  });

  it('should keep the quarantine across a restart of the ingestor', () => {
    buffer.remove(1, 4, [{ seq: 3, code: 'DEVICE_UNKNOWN', reason: 'DEVICE_UNKNOWN: x' }]);
    buffer.close();
    buffer = new DiskBuffer({ file, maxMessages: 1_000, maxBytes: 1e6 });
    expect([buffer.depthMessages, buffer.quarantinedMessages]).toEqual([0, 1]);
  });
});
