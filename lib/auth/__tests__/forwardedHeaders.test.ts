import { randomBytes } from 'node:crypto';
import { FORWARDED_SIGNATURE_HEADER, signForwarded, verifyForwarded } from '../forwardedHeaders';

describe('forwarded request facts', () => {
  const key = randomBytes(32);
  const facts = { requestId: 'req-0000-0001', clientAddress: '203.0.113.7' };
  const at = new Date('2026-11-30T12:00:00Z');

  it('are believed when the gateway signed them with the internal key', () => {
    expect(verifyForwarded(key, signForwarded(key, facts, at), at)).toEqual(facts);
  });

  it('are not believed when any of them was changed after signing', () => {
    const signed = signForwarded(key, facts, at);
    expect(verifyForwarded(key, { ...signed, 'x-farmiq-client-address': '198.51.100.1' }, at)).toBeUndefined();
    expect(verifyForwarded(key, { ...signed, 'x-request-id': 'req-0000-0002' }, at)).toBeUndefined();
  });

  it('are not believed unsigned, signed with another key, or signed more than 5 minutes away', () => {
    const { [FORWARDED_SIGNATURE_HEADER]: _signature, ...unsigned } = signForwarded(key, facts, at);
    expect(verifyForwarded(key, unsigned, at)).toBeUndefined();
    expect(verifyForwarded(key, signForwarded(randomBytes(32), facts, at), at)).toBeUndefined();
    expect(verifyForwarded(key, signForwarded(key, facts, at), new Date(at.getTime() + 301_000))).toBeUndefined();
    expect(verifyForwarded(key, signForwarded(key, facts, at), new Date(at.getTime() - 301_000))).toBeUndefined();
  });
});
