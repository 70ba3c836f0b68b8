import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * `items.map(fn)` that gives the event loop a turn every `chunk` items, so that hashing a
 * 10,000-table listing does not hold API requests for its whole duration.
 */
export async function mapYielding<T, R>(items: readonly T[], fn: (item: T) => R, chunk = 500): Promise<R[]> {
  const result: R[] = [];
  for (let i = 0; i < items.length; i += 1) {
    if (i > 0 && i % chunk === 0) await nextTurn();
    result.push(fn(items[i]!));
  }
  return result;
}

/**
 * Calls `fn` on successive slices of `chunk` items, giving the event loop a turn between them:
 * for a step that takes a chunk (one promise per chunk, not per item). An asynchronous `fn`
 * (writes on the synchronous SQLite driver, whose promises resolve without a turn) is awaited
 * before the turn.
 */
export async function forEachChunkYielding<T>(items: readonly T[], fn: (slice: readonly T[]) => unknown, chunk: number): Promise<void> {
  for (let start = 0; start < items.length; start += chunk) {
    if (start > 0) await nextTurn();
    await fn(items.slice(start, start + chunk));
  }
}

/**
 * Runs a computation written as a generator to its end, giving the event loop a turn at each
 * of its pauses (its `yield`s): a pure step too long for one turn stays pure and testable.
 */
export async function runYielding<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await nextTurn();
  }
}
