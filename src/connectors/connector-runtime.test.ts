import { describe, expect, it } from 'vitest';
import { abortable, linkSignals, mergeBounded, withTimeout, type MergeSource } from './connector-runtime.js';

const tick = (ms = 5): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A source that records how far it got and whether its cleanup ran. */
function trackedSource(name: string, items: number, log: string[], delayMs = 1): MergeSource<string> {
  return async function* source(signal) {
    log.push(`${name}:start`);
    try {
      for (let index = 0; index < items; index += 1) {
        await tick(delayMs);
        signal.throwIfAborted();
        log.push(`${name}:${index}`);
        yield `${name}:${index}`;
      }
    } finally {
      log.push(`${name}:closed`);
    }
  };
}

describe('withTimeout', () => {
  it('passes the value through when in time', async () => {
    await expect(withTimeout(Promise.resolve(1), 50, () => new Error('late'))).resolves.toBe(1);
  });

  it('rejects with the timeout error, and swallows the late rejection', async () => {
    const late = new Promise((_, reject) => setTimeout(() => reject(new Error('late failure')), 30));
    await expect(withTimeout(late, 5, () => new Error('timed out'))).rejects.toThrow('timed out');
    await tick(40);
  });
});

describe('abortable and linkSignals', () => {
  it('rejects with the reason when the signal aborts', async () => {
    const controller = new AbortController();
    const pending = abortable(new Promise(() => {}), controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
  });

  it('a linked signal follows any parent until disposed', () => {
    const first = new AbortController();
    const second = new AbortController();
    const linked = linkSignals([first.signal, second.signal]);
    second.abort(new Error('second'));
    expect(linked.signal.aborted).toBe(true);
    expect((linked.signal.reason as Error).message).toBe('second');

    const disposed = linkSignals([first.signal]);
    disposed.dispose();
    first.abort();
    expect(disposed.signal.aborted).toBe(false);
  });
});

describe('mergeBounded', () => {
  it('yields every item of every source, keeping each source in order', async () => {
    const log: string[] = [];
    const sources = ['a', 'b', 'c', 'd', 'e'].map((name) => trackedSource(name, 3, log));
    const items: string[] = [];
    for await (const item of mergeBounded(sources, { concurrency: 2, signal: new AbortController().signal })) items.push(item);
    expect(items).toHaveLength(15);
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      expect(items.filter((item) => item.startsWith(name))).toEqual([`${name}:0`, `${name}:1`, `${name}:2`]);
    }
  });

  it('runs at most `concurrency` sources at once', async () => {
    let running = 0;
    let maximum = 0;
    const source: MergeSource<number> = async function* () {
      running += 1;
      maximum = Math.max(maximum, running);
      try {
        await tick(5);
        yield 1;
        await tick(5);
        yield 2;
      } finally {
        running -= 1;
      }
    };
    const merged = mergeBounded(Array.from({ length: 8 }, () => source), { concurrency: 3, signal: new AbortController().signal });
    let count = 0;
    for await (const item of merged) count += item;
    expect(count).toBe(24);
    expect(maximum).toBe(3);
  });

  it('is pull-driven: a consumer that stops pulling stops the sources after one item each', async () => {
    const log: string[] = [];
    const sources = ['a', 'b', 'c'].map((name) => trackedSource(name, 100, log));
    const iterator = mergeBounded(sources, { concurrency: 2, signal: new AbortController().signal });
    await iterator.next();
    await tick(50);
    const produced = log.filter((entry) => /:\d+$/.test(entry));
    // One item consumed, plus at most one produced ahead per running source.
    expect(produced.length).toBeLessThanOrEqual(3);
    expect(log).not.toContain('c:start');
    await iterator.return(undefined);
  });

  it('return() closes the running sources before it resolves, and starts no more', async () => {
    const log: string[] = [];
    const sources = ['a', 'b', 'c'].map((name) => trackedSource(name, 100, log, 10));
    const iterator = mergeBounded(sources, { concurrency: 2, signal: new AbortController().signal });
    await iterator.next();
    await iterator.return(undefined);
    expect(log).toContain('a:closed');
    expect(log).toContain('b:closed');
    expect(log).not.toContain('c:start');
  });

  it('a source that throws ends the merge with its error and closes the others', async () => {
    const log: string[] = [];
    const failing: MergeSource<string> = async function* () {
      await tick(2);
      yield 'x';
      throw new Error('source failed');
    };
    const iterator = mergeBounded([failing, trackedSource('slow', 100, log, 20)], {
      concurrency: 2,
      signal: new AbortController().signal,
    });
    const items: string[] = [];
    await expect(
      (async () => {
        for await (const item of iterator) items.push(item);
      })(),
    ).rejects.toThrow('source failed');
    expect(items).toContain('x');
    expect(log).toContain('slow:closed');
  });

  it('an abort rejects the pending pull with the reason and closes the sources', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    const iterator = mergeBounded([trackedSource('a', 100, log, 30)], { concurrency: 1, signal: controller.signal });
    const pending = iterator.next();
    controller.abort(new Error('aborted by test'));
    await expect(pending).rejects.toThrow('aborted by test');
    await tick(40);
    expect(log).toContain('a:closed');
  });

  it('given an aborted signal, starts nothing and throws the reason instead of ending as if complete', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    controller.abort(new Error('stopped before the crawl'));
    const iterator = mergeBounded([trackedSource('a', 3, log), trackedSource('b', 3, log)], { concurrency: 2, signal: controller.signal });
    await expect(iterator.next()).rejects.toThrow('stopped before the crawl');
    expect(log).toEqual([]);
  });

  it('an abort while the last source ends still throws the reason', async () => {
    const controller = new AbortController();
    async function* last(): AsyncGenerator<string> {
      yield 'only';
      controller.abort(new Error('stopped at the end'));
    }
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const item of mergeBounded([() => last()], { concurrency: 1, signal: controller.signal })) seen.push(item);
      })(),
    ).rejects.toThrow('stopped at the end');
    expect(seen).toEqual(['only']);
  });
});
