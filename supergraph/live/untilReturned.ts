/**
 * The async generator graphql-ws holds for a live subscription: it yields nothing (events are
 * written to the socket directly, see `LiveHub.subscribe`) and ends when graphql-ws returns it
 * (the client completed, or the socket closed), calling `onReturn` once.
 */
export function untilReturned<T>(onReturn: () => void): AsyncGenerator<T, undefined, unknown> {
  let done = false;
  let wake: ((result: IteratorResult<T, undefined>) => void) | undefined;
  const finish = async (): Promise<IteratorResult<T, undefined>> => {
    if (!done) {
      done = true;
      onReturn();
      wake?.({ value: undefined, done: true });
    }
    return { value: undefined, done: true };
  };
  const generator: AsyncGenerator<T, undefined, unknown> = {
    next: () => (done ? Promise.resolve({ value: undefined, done: true }) : new Promise((resolve) => (wake = resolve))),
    return: finish,
    throw: async (error) => {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]: () => generator,
    [Symbol.asyncDispose]: async () => {
      await finish();
    },
  };
  return generator;
}
