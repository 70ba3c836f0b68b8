import { vi } from 'vitest';

/**
 * The one way tests wait for something: polls `probe` (with vitest's `vi.waitFor`) until it
 * returns a value other than undefined or null, and returns that value; fails after `timeout`
 * ms with `what` in the message. A probe that throws is retried like one that returns nothing.
 * For a value that must become something, `expect.poll(probe, { timeout }).toBe(…)` reads better;
 * both are vitest's own polling.
 */
export function eventually<T>(
  probe: () => T | null | undefined | Promise<T | null | undefined>,
  options: { timeout?: number; interval?: number; what?: string } = {},
): Promise<T> {
  const { timeout = 10_000, interval = 25, what = 'the condition' } = options;
  return vi.waitFor(
    async () => {
      const value = await probe();
      if (value === undefined || value === null) throw new Error(`${what} was not met within ${timeout} ms`);
      return value;
    },
    { timeout, interval },
  );
}
