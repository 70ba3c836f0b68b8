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
