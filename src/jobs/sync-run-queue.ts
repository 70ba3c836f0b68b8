import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import { isWholeConnection, isWithin } from '../domain/object-path.js';
import { WardenError } from '../errors.js';
import type { CatalogStore, Repositories } from '../store/catalog-store.js';
import { refusedBy } from '../store/store-dialect.js';
import type { ConnectionRecord } from '../store/repositories/connection-repository.js';
import { SYNC_RUN_STATES } from '../domain/sync-run-states.js';
import type { SyncRunRecord, SyncTrigger } from '../store/repositories/sync-run-repository.js';

export interface SyncRequest {
  connection: ConnectionRecord;
  /** Path of the subtree, connection key first. */
  scope: string[];
  trigger: SyncTrigger;
  requestedBy: string | null;
  forceRecursive: boolean;
}

/**
 * Records sync requests as sync runs. A request joins a queued (not yet started) run that
 * already covers its subtree with at least its options; otherwise it queues a new run, which
 * the worker starts only once no overlapping run of the same connection is active.
 */
export class SyncRunQueue {
  private readonly listeners = new Set<(run: SyncRunRecord) => void>();

  constructor(
    private readonly store: CatalogStore,
    private readonly clock: Clock,
  ) {}

  /**
   * Queues (or joins) a run. `alongside` runs in the same transaction once the outcome is
   * known (the audit row of a manual request).
   */
  async request(
    request: SyncRequest,
    alongside?: (repos: Repositories, outcome: { run: SyncRunRecord; joined: boolean }) => Promise<void>,
  ): Promise<{ run: SyncRunRecord; joined: boolean }> {
    // Under the job lock: two processes asked for the same subtree at once queue one run.
    const outcome = await this.store.exclusive(async (repos) => {
      const result = await this.queueOrJoin(repos, request);
      await alongside?.(repos, result);
      return result;
    });
    if (!outcome.joined) for (const listener of this.listeners) listener(outcome.run);
    return outcome;
  }

  private async queueOrJoin(repos: Repositories, request: SyncRequest): Promise<{ run: SyncRunRecord; joined: boolean }> {
    const open = await repos.syncRuns.listOpen(request.connection.id);
    const covering = open.find(
      (run) =>
        run.state === SYNC_RUN_STATES.created &&
        isWithin(request.scope, run.scope) &&
        (run.forceRecursive || !request.forceRecursive),
    );
    if (covering) return { run: covering, joined: true };
    // The connection may have been deleted since the request read it: its row's key decides.
    const connectionGone = () => new WardenError('CONNECTION_NOT_FOUND', { connectionKey: request.connection.connectionKey });
    const run = await repos.syncRuns.insert(
      {
        id: randomUUID(),
        connectionId: request.connection.id,
        scope: request.scope,
        trigger: request.trigger,
        requestedBy: request.requestedBy,
        forceRecursive: request.forceRecursive,
        firstSync: request.connection.firstSyncCompletedAt === null,
      },
      this.clock.nowIso(),
    ).catch(refusedBy('foreignKey', connectionGone));
    return { run, joined: false };
  }

  /**
   * Queues the scheduled whole-connection sync of one due time, atomically (under the job lock):
   * not when a whole-connection run is still queued or running, and not when a scheduled run
   * was already queued since `dueSince` — however many processes' schedulers fire for it.
   * Returns the run, or null when none was queued.
   */
  async requestScheduled(connection: ConnectionRecord, dueSince: string): Promise<SyncRunRecord | null> {
    const run = await this.store.exclusive(async (repos) => {
      const open = await repos.syncRuns.listOpen(connection.id);
      if (open.some((r) => isWholeConnection(r.scope))) return null;
      if (await repos.syncRuns.hasTriggeredSince(connection.id, 'schedule', dueSince)) return null;
      const request = { connection, scope: [connection.connectionKey], trigger: 'schedule' as const, requestedBy: null, forceRecursive: false };
      return (await this.queueOrJoin(repos, request)).run;
    });
    if (run) for (const listener of this.listeners) listener(run);
    return run;
  }

  /** Called whenever a new run is queued, so a worker can start it at once (or it is dispatched to one). */
  onQueued(listener: (run: SyncRunRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
