/**
 * An async generator fed by pushes: what graphql-ws iterates for one subscription. It holds at
 * most `limit` undelivered items; past that a subscriber is too slow to keep up and the oldest
 * items are dropped (a live view wants the newest), counted in `dropped`.
 */
export interface PushQueue<T> extends AsyncGenerator<T, undefined, unknown> {
  push(item: T): void;
  readonly dropped: number;
  readonly done: boolean;
}

export function pushQueue<T>(limit: number, onReturn: () => void): PushQueue<T> {
  const items: T[] = [];
  let waiting: ((result: IteratorResult<T, undefined>) => void) | undefined;
  let done = false;
  let dropped = 0;
  const finish = async (): Promise<IteratorResult<T, undefined>> => {
    if (!done) {
      done = true;
      items.length = 0;
      onReturn();
      waiting?.({ value: undefined, done: true });
      waiting = undefined;
    }
    return { value: undefined, done: true };
  };
  const queue: PushQueue<T> = {
    push(item) {
      if (done) return;
      if (waiting) {
        const resolve = waiting;
        waiting = undefined;
        resolve({ value: item, done: false });
        return;
      }
      if (items.length >= limit) {
        items.shift();
        dropped += 1;
      }
      items.push(item);
    },
    get dropped() {
      return dropped;
    },
    get done() {
      return done;
    },
    next() {
      if (items.length > 0) return Promise.resolve({ value: items.shift()!, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    return: finish,
    throw: async (error) => {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return queue;
    },
    async [Symbol.asyncDispose]() {
      await finish();
    },
  };
  return queue;
}
