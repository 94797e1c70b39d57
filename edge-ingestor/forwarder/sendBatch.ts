import { RETRYABLE_BATCH_REFUSALS } from '../../lib/edge/ingestCodes';
import { INGEST_PATH, postSigned } from '../../lib/edge/signedBatch';
import type { IngestResult } from '../../lib/edge/batch';

/** What became of one POST of a batch. */
export type SendOutcome =
  | { kind: 'acknowledged'; result: IngestResult }
  /** The cloud will never take this batch (400/422): resending cannot help, its messages go to the quarantine. */
  | { kind: 'refused'; status: number; code: string | undefined }
  /** The batch is too large for the endpoint (413): send fewer messages at a time. */
  | { kind: 'too_large' }
  /** Worth retrying: no answer, 5xx, 429, or 401/403 (a key an operator may still fix). */
  | { kind: 'retry'; status: number | undefined; detail: string };

export interface SendBatchInput {
  ingestUrl: string;
  key: { keyId: string; secret: string };
  body: Buffer;
  timeoutMs: number;
  /** Abandons the request (the ingestor is stopping); the batch then stays in the buffer. */
  signal?: AbortSignal;
}

/** POSTs one signed batch (HMAC over key id, time, nonce, method, path and the raw body). */
export async function sendBatch({ ingestUrl, key, body, timeoutMs, signal }: SendBatchInput): Promise<SendOutcome> {
  const url = new URL(ingestUrl);
  let response: Response;
  try {
    response = await postSigned({
      url,
      route: INGEST_PATH,
      key,
      body,
      signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { kind: 'retry', status: undefined, detail: cause ?? (error as Error).message };
  }
  const text = await response.text().catch(() => '');
  const code = (() => {
    try {
      // The telemetry endpoint answers { error: { code, message } }.
      const answer = JSON.parse(text) as { code?: string; error?: { code?: string } };
      return answer.error?.code ?? answer.code;
    } catch {
      return undefined;
    }
  })();
  if (response.status === 200) {
    try {
      const result = JSON.parse(text) as IngestResult;
      if (typeof result.accepted === 'number')
        return {
          kind: 'acknowledged',
          result: { accepted: result.accepted, duplicates: result.duplicates ?? 0, rejected: Array.isArray(result.rejected) ? result.rejected : [] },
        };
    } catch {
      // Fall through: a 200 without an IngestResult is not an acknowledgement we can trust.
    }
    return { kind: 'retry', status: 200, detail: 'the answer was not an IngestResult' };
  }
  if (response.status === 413) return { kind: 'too_large' };
  // A signature problem is ours or the clock's to fix: keep the data and retry.
  const signatureProblem = code !== undefined && RETRYABLE_BATCH_REFUSALS.has(code);
  if ((response.status === 400 || response.status === 422) && !signatureProblem) return { kind: 'refused', status: response.status, code };
  return { kind: 'retry', status: response.status, detail: code ?? text.slice(0, 200) };
}
