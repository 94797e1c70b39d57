import { createLogger } from '../../../lib/logger';
import { MAX_RESOLVE_ATTEMPTS, ResolutionGroup, type ExecuteQuery, type GroupMember } from '../resolutionGroup';

const log = createLogger('silent');
const internal = { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };

/** A group of one member over events `{ n }`, resolved by `answers` in turn; resolves with what the member got. */
async function framesOf(answers: Array<Awaited<ReturnType<ExecuteQuery>>>, events: number) {
  let calls = 0;
  const execute: ExecuteQuery = async () => answers[Math.min(calls++, answers.length - 1)]!;
  const group = new ResolutionGroup<{ n: number }>('query', {}, 'events', (event) => event, execute, log);
  const frames: unknown[] = [];
  const member: GroupMember = { responseKey: 'readingAdded', accessToken: 't', deliver: (json) => frames.push(JSON.parse(json)) };
  group.members.add(member);
  for (let n = 0; n < events; n++) group.add({ n }, member);
  const deadline = Date.now() + 5_000;
  while (frames.length < events && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  return { frames, calls: () => calls };
}

describe('ResolutionGroup', () => {
  it('tries a resolution that failed as a whole with an internal error again, so its events arrive instead of error frames', async () => {
    const { frames, calls } = await framesOf([internal, { data: { readingEvents: [{ value: 1 }, { value: 2 }] } }], 2);
    expect(frames).toEqual([{ data: { readingAdded: { value: 1 } } }, { data: { readingAdded: { value: 2 } } }]);
    expect(calls()).toBe(2);
  });

  it(`gives up after ${MAX_RESOLVE_ATTEMPTS} tries, and never tries a refusal again`, async () => {
    const failing = await framesOf([internal], 1);
    expect(failing.calls()).toBe(MAX_RESOLVE_ATTEMPTS);
    expect(failing.frames).toEqual([{ data: null, errors: internal.errors }]);
    const forbidden = { errors: [{ message: 'Not allowed', extensions: { code: 'FORBIDDEN' } }] };
    const refused = await framesOf([forbidden], 1);
    expect(refused.calls()).toBe(1);
    expect(refused.frames).toEqual([{ data: null, errors: forbidden.errors }]);
  });
});
