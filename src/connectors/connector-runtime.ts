/**
 * Technology-agnostic helpers every connector uses: timeouts on promises that may never
 * settle, abort-signal plumbing, and a bounded, pull-driven merge of per-container crawls.
 */

/**
 * Settles like `promise`, or rejects with `onTimeout()` after `ms` milliseconds, whichever is
 * first. The original promise keeps running (a driver call cannot be cancelled from here);
 * its late rejection is swallowed so it never surfaces as an unhandled rejection. The caller
 * tears the underlying resource down when it sees the timeout error.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** The error an aborted signal stands for (its `reason`, or a generic AbortError). */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}

/**
 * Calls `listener` once when `signal` aborts — at once if it already has — and returns a
 * function that removes the listener (call it when the guarded work is over, so long-lived
 * signals do not collect listeners).
 */
export function onAbort(signal: AbortSignal, listener: () => void): () => void {
  if (signal.aborted) {
    listener();
    return () => {};
  }
  signal.addEventListener('abort', listener, { once: true });
  return () => signal.removeEventListener('abort', listener);
}

/**
 * A signal that aborts when any of `signals` does (with that signal's reason). Call
 * `dispose()` when the work it guards is over, so the parents — often long-lived, like a
 * connector's own close signal — do not keep a listener per finished operation.
 */
export function linkSignals(signals: readonly AbortSignal[]): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const disposers = signals.map((parent) => onAbort(parent, () => controller.abort(abortReason(parent))));
  return {
    signal: controller.signal,
    dispose: () => {
      for (const dispose of disposers) dispose();
    },
  };
}

/**
 * Settles like `promise`, or rejects with the signal's reason as soon as it aborts. Like
 * {@link withTimeout}, the original promise is not cancelled and its late rejection is
 * swallowed; pair it with an {@link onAbort} that releases the resource.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const dispose = onAbort(signal, () => reject(abortReason(signal)));
    promise.then(
      (value) => {
        dispose();
        resolve(value);
      },
      (error: unknown) => {
        dispose();
        reject(error);
      },
    );
  });
}

/** One container's crawl: started with a signal that aborts when the merge is closed. */
export type MergeSource<T> = (signal: AbortSignal) => AsyncIterable<T>;

/** Options of {@link mergeBounded}. */
export interface MergeOptions {
  /** How many sources run at once (at least 1). */
  concurrency: number;
  /** Aborts every running source; the merged iteration then rejects with its reason. */
  signal: AbortSignal;
}

type Settled<T> =
  | { iterator: AsyncIterator<T>; result: IteratorResult<T> }
  | { iterator: AsyncIterator<T>; error: unknown };

/**
 * Merges many async sources into one async iterable, running at most `concurrency` of them at
 * once, and starting the next source when one finishes.
 *
 * Pull-driven: each running source is asked for its next item only once its previous item has
 * been handed to the consumer, so at most one item per running source is produced ahead of the
 * consumer (the prefetch). A consumer that stops pulling therefore stops the work; one that
 * ends the iteration (`break`, `return()`, or an error) aborts the running sources' signal and
 * waits until each has finished its cleanup (`finally` blocks), so resources are released when
 * `return()` resolves.
 *
 * An aborted `signal` ends the merged iteration with its reason, even when it aborted before
 * any source started. Items of one source keep their order; items of different sources interleave. A source that
 * throws ends the merged iteration with that error (sources that must not stop their siblings
 * catch their own errors and yield them as items).
 */
export async function* mergeBounded<T>(sources: Iterable<MergeSource<T>>, options: MergeOptions): AsyncGenerator<T> {
  const { signal } = options;
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const closing = new AbortController();
  const stopForwarding = onAbort(signal, () => closing.abort(abortReason(signal)));
  const pending = sources[Symbol.iterator]();
  const running = new Set<AsyncIterator<T>>();
  const settled: Settled<T>[] = [];
  let wake: (() => void) | undefined;

  const notify = (): void => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  const pull = (iterator: AsyncIterator<T>): void => {
    iterator.next().then(
      (result) => settled.push({ iterator, result }),
      (error: unknown) => settled.push({ iterator, error }),
    ).finally(notify);
  };
  const startMore = (): void => {
    while (running.size < concurrency && !closing.signal.aborted) {
      const next = pending.next();
      if (next.done === true) return;
      const iterator = next.value(closing.signal)[Symbol.asyncIterator]();
      running.add(iterator);
      pull(iterator);
    }
  };
  const stopWaking = onAbort(signal, notify);

  try {
    startMore();
    while (running.size > 0) {
      let item = settled.shift();
      while (item === undefined) {
        signal.throwIfAborted();
        await new Promise<void>((resolve) => (wake = resolve));
        item = settled.shift();
      }
      signal.throwIfAborted();
      if ('error' in item) {
        running.delete(item.iterator);
        throw item.error;
      }
      if (item.result.done === true) {
        running.delete(item.iterator);
        startMore();
        continue;
      }
      pull(item.iterator);
      yield item.result.value;
    }
    // An abort stops the sources that were not started yet: the merge is incomplete, never done.
    signal.throwIfAborted();
  } finally {
    stopWaking();
    stopForwarding();
    if (running.size > 0) {
      closing.abort(new DOMException('The crawl was closed', 'AbortError'));
      await Promise.allSettled([...running].map((iterator) => iterator.return?.()));
    }
  }
}
