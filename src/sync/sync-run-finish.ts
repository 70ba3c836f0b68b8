import { auditEntry, systemActor } from '../services/actor.js';
import type { CatalogStore } from '../store/catalog-store.js';
import type { SyncCounts, SyncProgress, SyncRunError, SyncRunRecord, SyncRunState } from '../store/repositories/sync-run-repository.js';

/** How a sync run ended. */
export interface SyncRunOutcome {
  state: SyncRunState;
  counts: SyncCounts;
  errors: SyncRunError[];
  progress: SyncProgress;
  failureMessage: string | null;
}

/** Records the end of a run and its audit row (`sync.completed`, `sync.failed`, `sync.cancelled`) in one transaction. */
export async function finishSyncRun(store: CatalogStore, run: SyncRunRecord, outcome: SyncRunOutcome, finishedAt: string): Promise<void> {
  await store.transaction(async (repos) => {
    await repos.syncRuns.finish(run.id, outcome, finishedAt);
    await repos.audit.insert({
      ...auditEntry(systemActor('sync'), `sync.${outcome.state}`, {
        objectPath: run.scope,
        target: `syncRun:${run.id}`,
        before: { state: run.state },
        after: {
          state: outcome.state,
          syncRunId: run.id,
          trigger: run.trigger,
          requestedBy: run.requestedBy,
          counts: outcome.counts,
          notCrawled: outcome.errors.length,
          failureMessage: outcome.failureMessage,
        },
      }),
      at: finishedAt,
    });
  });
}
