import type { Logger } from '../../lib/logger';
import { ingestorMetrics } from '../ingestorMetrics';
import type { DiskBuffer } from './DiskBuffer';

/** How often the ingestor looks for replays an operator asked for (a one-row index probe). */
const REPLAY_POLL_MS = 1_000;
/** How often quarantined messages past their retention are deleted. */
const EXPIRE_EVERY_MS = 60 * 60 * 1_000;

export interface QuarantineKeeperOptions {
  buffer: DiskBuffer;
  retentionDays: number;
  log: Logger;
  /** Replayed messages are back in the queue: the forwarder may send them. */
  onReadmitted(): void;
}

/**
 * The ingestor's side of the quarantine (edge-ingestor/buffer/quarantine.ts): moves the
 * messages an operator marked for replay back into the queue, and deletes what waited longer
 * than the retention limit. Runs once at start (replays asked for while the ingestor was down).
 */
export function startQuarantineKeeper(options: QuarantineKeeperOptions): { stop(): void } {
  const { buffer, log } = options;
  const retentionMs = options.retentionDays * 24 * 60 * 60 * 1_000;
  const readmit = () => {
    try {
      const readmitted = buffer.readmitReplays();
      if (readmitted === 0) return;
      ingestorMetrics.replayed.inc(readmitted);
      log.info({ messages: readmitted }, 'quarantined messages replayed by an operator: back in the queue to the cloud');
      options.onReadmitted();
    } catch (error) {
      log.error({ err: (error as Error).message }, 'could not move replayed messages out of the quarantine; trying again');
    }
  };
  const expire = () => {
    try {
      const expired = buffer.expireQuarantine(Date.now() - retentionMs);
      if (expired === 0) return;
      ingestorMetrics.expired.inc(expired);
      log.warn({ messages: expired, retentionDays: options.retentionDays }, 'quarantined messages past QUARANTINE_RETENTION_DAYS deleted without a replay');
    } catch (error) {
      log.error({ err: (error as Error).message }, 'could not delete expired quarantined messages');
    }
  };
  expire();
  readmit();
  const quarantined = buffer.quarantinedMessages;
  if (quarantined > 0) log.warn({ messages: quarantined }, 'the quarantine holds messages the cloud refused: farmiq ingestor quarantine list');
  const replayTimer = setInterval(readmit, REPLAY_POLL_MS);
  const expireTimer = setInterval(expire, EXPIRE_EVERY_MS);
  replayTimer.unref();
  expireTimer.unref();
  return {
    stop() {
      clearInterval(replayTimer);
      clearInterval(expireTimer);
    },
  };
}
