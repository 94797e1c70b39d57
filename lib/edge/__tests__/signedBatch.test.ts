import { createHmac } from 'node:crypto';
import { INGEST_PATH, isFresh, signatureMatches, signatureParts, signBatch } from '../signedBatch';

const secret = Buffer.alloc(32, 9).toString('base64url');
const body = Buffer.from('{"batchId":"b1","messages":[]}');
const now = new Date('2026-11-25T08:00:00Z');

describe('signed batches', () => {
  const headers = signBatch({ keyId: 'egk_1', secret, method: 'POST', path: INGEST_PATH, body, now, nonce: 'nonce-0123456789abcdef' });

  it('sign v1, method, path, key id, timestamp, nonce and body with HMAC-SHA256 under the key', () => {
    // Worked independently of signBatch: the canonical string, hashed with node's HMAC.
    const canonical = `v1\nPOST\n${INGEST_PATH}\negk_1\n${now.getTime() / 1000}\nnonce-0123456789abcdef\n${body.toString()}`;
    const expected = createHmac('sha256', Buffer.alloc(32, 9)).update(canonical).digest('hex');
    expect(headers).toEqual({
      'x-farmiq-key-id': 'egk_1',
      'x-farmiq-timestamp': '1795593600',
      'x-farmiq-nonce': 'nonce-0123456789abcdef',
      'x-farmiq-signature': `v1=${expected}`,
    });
  });

  it('verify only with the same key, method, path and body', () => {
    const parts = signatureParts(headers);
    if (typeof parts === 'string') throw new Error(parts);
    expect(signatureMatches(parts, secret, 'POST', INGEST_PATH, body)).toBe(true);
    expect(signatureMatches(parts, Buffer.alloc(32, 8).toString('base64url'), 'POST', INGEST_PATH, body)).toBe(false);
    expect(signatureMatches(parts, secret, 'PUT', INGEST_PATH, body)).toBe(false);
    expect(signatureMatches(parts, secret, 'POST', '/other', body)).toBe(false);
    expect(signatureMatches(parts, secret, 'POST', INGEST_PATH, Buffer.from(`${body.toString()} `))).toBe(false);
    expect(signatureMatches({ ...parts, nonce: 'nonce-0123456789abcdeX' }, secret, 'POST', INGEST_PATH, body)).toBe(false);
  });

  it('name what is missing or malformed', () => {
    expect(signatureParts({})).toBe('SIGNATURE_MISSING');
    expect(signatureParts({ ...headers, 'x-farmiq-signature': 'sha256=abc' })).toBe('SIGNATURE_MALFORMED');
    expect(signatureParts({ ...headers, 'x-farmiq-timestamp': 'yesterday' })).toBe('SIGNATURE_MALFORMED');
  });

  it('are fresh for 300 seconds either way, and no longer', () => {
    const t = now.getTime() / 1000;
    expect([isFresh(t - 300, now), isFresh(t + 300, now), isFresh(t - 301, now), isFresh(t + 301, now)]).toEqual([true, true, false, false]);
  });
});
