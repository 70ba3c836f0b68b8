import type { SyncCounts, SyncProgress, SyncRunRecord, SyncRunError } from '../store/repositories/sync-run-repository.js';

/** A sync run as the API shows it (a job of type `objectSync`). */
export interface SyncRunView {
  id: string;
  type: 'objectSync';
  state: string;
  connectionKey: string;
  objectPath: string[];
  trigger: string;
  requestedBy: string | null;
  forceRecursiveCrawl: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  counts: SyncCounts;
  progress: SyncProgress;
  /** Subtrees the sync could not read (left as they were) and objects it could not store. */
  errors: SyncRunError[];
  failureMessage: string | null;
}

export function toSyncRunView(run: SyncRunRecord): SyncRunView {
  return {
    id: run.id,
    type: 'objectSync',
    state: run.state,
    connectionKey: run.scope[0]!,
    objectPath: run.scope,
    trigger: run.trigger,
    requestedBy: run.requestedBy,
    forceRecursiveCrawl: run.forceRecursive,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    counts: run.counts,
    progress: run.progress,
    errors: run.errors,
    failureMessage: run.failureMessage,
  };
}
