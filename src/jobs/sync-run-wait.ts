import { setTimeout as delay } from 'node:timers/promises';
import { isFinalSyncRunState } from '../domain/sync-run-states.js';
import type { ConnectorTimeouts } from '../connectors/connector.js';
import type { CatalogStore } from '../store/catalog-store.js';
import type { SyncRunRecord } from '../store/repositories/sync-run-repository.js';

/** How often the store is asked at first, and at most (it backs off in between). */
const FIRST_LOOK_MS = 20;
const LONGEST_LOOK_MS = 250;

/**
 * Waits until the sync run `id` has ended, by reading it from the store: whichever process's
 * worker runs it (the embedded worker, or another node on a PostgreSQL store). Resolves the
 * ended run; null when `within` ms (real time, not the container's clock, which tests may hold
 * still) pass first or the run is gone.
 */
export async function waitForSyncRun(store: CatalogStore, id: string, within: number): Promise<SyncRunRecord | null> {
  const deadline = performance.now() + within;
  let pause = FIRST_LOOK_MS;
  for (;;) {
    const run = await store.syncRuns.findById(id);
    if (!run) return null;
    if (isFinalSyncRunState(run.state)) return run;
    if (performance.now() + pause > deadline) return null;
    await delay(pause);
    pause = Math.min(pause * 2, LONGEST_LOOK_MS);
  }
}

/**
 * How long a caller waits for a sync run scoped to one table or schema of a technology with
 * `timeouts`: a few connects and statements (registration and schema detection wait this long).
 */
export function scopedRunWaitMs(timeouts: ConnectorTimeouts): number {
  return timeouts.connectMs * 3 + timeouts.statementMs * 2;
}
