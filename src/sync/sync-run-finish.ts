import { WardenError, type ErrorCode } from '../errors.js';
import { auditEntry, systemActor } from '../services/actor.js';
import type { CatalogStore, Repositories } from '../store/catalog-store.js';
import type { ConnectionHealth } from '../store/repositories/connection-repository.js';
import { SYNC_RUN_STATES, type SyncRunState } from '../domain/sync-run-states.js';
import type { SyncCounts, SyncProgress, SyncRunError, SyncRunRecord } from '../store/repositories/sync-run-repository.js';

/** How a sync run ended. */
export interface SyncRunOutcome {
  state: SyncRunState;
  counts: SyncCounts;
  errors: SyncRunError[];
  progress: SyncProgress;
  failureMessage: string | null;
  /** The catalogue code of the failure, for the audit row (null when it was not a WardenError). */
  failureCode?: ErrorCode | null;
}

/** What the end of a run says about its connection. */
export interface ConnectionOutcome {
  connectionId: number;
  /** A whole-connection sync completed: the connection's first sync is done. */
  firstSyncCompleted: boolean;
  /** The connection's health as this run found it; null leaves it as it was. */
  health: ConnectionHealth | null;
}

/**
 * Records the end of a run `owner` still holds, its audit row (`sync.completed`, `sync.failed`,
 * `sync.cancelled`) and what it says about the connection, in one transaction. Returns false,
 * having written nothing, when the run is no longer the owner's (its lease was taken over).
 */
export async function finishSyncRun(
  store: CatalogStore,
  run: SyncRunRecord,
  owner: string,
  outcome: SyncRunOutcome,
  finishedAt: string,
  connection?: ConnectionOutcome,
): Promise<boolean> {
  return store.transaction(async (repos) => {
    if (!(await repos.syncRuns.finish(run.id, owner, outcome, finishedAt))) return false;
    await insertEndAudit(repos, run, outcome, finishedAt);
    if (connection?.firstSyncCompleted) await repos.connections.markFirstSyncCompleted(connection.connectionId, finishedAt);
    if (connection?.health) await repos.connections.setHealth(connection.connectionId, connection.health);
    return true;
  });
}

/**
 * Fails, with SYNC_RUN_ABANDONED and an audit row each, the active runs whose lease ran out
 * before `expiredBefore` — or, with null, every active run (the embedded store's previous
 * process is gone). `cause` says how the worker was found gone. Returns the runs failed.
 */
export async function failAbandonedRuns(store: CatalogStore, expiredBefore: string | null, cause: string, now: string): Promise<SyncRunRecord[]> {
  const reason = new WardenError('SYNC_RUN_ABANDONED', { cause }).message;
  return store.transaction(async (repos) => {
    const runs = await repos.syncRuns.failAbandoned(expiredBefore, reason, now);
    for (const run of runs) {
      const outcome = { state: SYNC_RUN_STATES.failed, counts: run.counts, errors: run.errors, progress: run.progress, failureMessage: reason, failureCode: 'SYNC_RUN_ABANDONED' as const };
      await insertEndAudit(repos, run, outcome, now);
    }
    return runs;
  });
}

async function insertEndAudit(repos: Repositories, run: SyncRunRecord, outcome: SyncRunOutcome, at: string): Promise<void> {
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
        failureCode: outcome.failureCode ?? null,
      },
    }),
    at,
  });
}
