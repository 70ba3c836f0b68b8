import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { pathsOverlap } from '../domain/object-path.js';
import type { CatalogStore } from '../store/catalog-store.js';
import { SYNC_RUN_STATES } from '../domain/sync-run-states.js';
import type { SyncRunRecord } from '../store/repositories/sync-run-repository.js';
import { leaseLost, type RunLease } from '../sync/run-lease.js';
import type { SyncEngine } from '../sync/sync-engine.js';
import { failAbandonedRuns } from '../sync/sync-run-finish.js';

/** Hands queued runs to whichever process will execute them (pg-boss in PostgreSQL mode). */
export interface SyncDispatcher {
  dispatch(syncRunIds: readonly string[]): Promise<void>;
}

export interface SyncWorkerOptions {
  store: CatalogStore;
  engine: SyncEngine;
  logger: Logger;
  clock: Clock;
  /** Runs executed at once (in-process mode; with a dispatcher, the dispatcher's workers decide). */
  concurrency: number;
  workerId: string;
  /** How long a run stays ours without a renewal; a dead worker's runs are failed after it. */
  leaseMs: number;
  /**
   * True when this process alone uses the store (the embedded store, whose data directory it
   * holds locked): every run still active when it starts was left by a process that is gone.
   * Otherwise (PostgreSQL) other processes may be running syncs: only runs whose lease ran
   * out are abandoned.
   */
  soleProcess: boolean;
  /**
   * Set in multi-process mode: queued runs are dispatched (to any process) instead of claimed by
   * this process's own loop, and runs arrive through {@link SyncWorker.runDispatched}.
   */
  dispatcher?: SyncDispatcher;
}

/**
 * Executes queued sync runs in this process. Claims are made in a store transaction holding
 * the job lock, and a run starts only when no overlapping run of its connection is active: one
 * sync at a time per subtree, enforced by the store's records rather than by memory, across
 * every process on the store.
 *
 * Claiming is driven by the event loop: a wake-up schedules one claim loop, which runs until
 * nothing is claimable and gives the loop a turn before it looks again, so however the store
 * resolves its promises (better-sqlite3 resolves them without I/O) the worker never spins.
 */
export class SyncWorker {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private pumping: Promise<void> | null = null;
  private wakeRequested = false;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];
  private reaper: NodeJS.Timeout | null = null;

  constructor(private readonly options: SyncWorkerOptions) {}

  /** This worker's lease owner name in the store (`sync_runs.lease_owner`). */
  get id(): string {
    return this.options.workerId;
  }

  /**
   * Fails the runs a gone process left active (see {@link SyncWorkerOptions.soleProcess}), then
   * starts (or dispatches) whatever is queued, and keeps failing runs whose lease runs out.
   */
  async start(): Promise<void> {
    await this.failAbandoned(this.options.soleProcess ? null : this.options.clock.nowIso());
    const every = Math.max(500, Math.min(this.options.leaseMs / 2, 30_000));
    this.reaper = setInterval(() => {
      void this.reapExpired().catch((error: unknown) => this.options.logger.error({ err: error }, 'could not check for abandoned sync runs'));
    }, every);
    this.reaper.unref();
    await this.dispatchQueued();
    this.wake();
  }

  /** Fails the runs whose lease ran out by the clock's time (the reaper's timer calls it too). */
  async reapExpired(): Promise<void> {
    await this.failAbandoned(this.options.clock.nowIso());
  }

  /** Looks for claimable runs on the event loop's next turn (in-process mode). */
  wake(): void {
    if (this.stopped || this.options.dispatcher) return;
    this.wakeRequested = true;
    this.pumping ??= this.pump().finally(() => {
      this.pumping = null;
      // A wake-up that came after the loop's last look.
      if (this.wakeRequested && !this.stopped) this.wake();
      else this.notifyIfIdle();
    });
  }

  /**
   * Runs one dispatched run to its end, if it is still queued and nothing overlapping runs or
   * was queued before it; otherwise returns at once (whoever finishes the blocking run
   * dispatches it again).
   */
  async runDispatched(syncRunId: string): Promise<void> {
    if (this.stopped) throw new Error('the sync worker is stopping');
    const run = await this.claimNext(syncRunId);
    if (!run) return;
    this.execute(run);
    await this.running.get(run.id)?.done;
  }

  /** Resolves once nothing is running and nothing claimable is queued (tests, shutdown). */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.notifyIfIdle();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reaper) clearInterval(this.reaper);
    for (const { controller } of this.running.values()) controller.abort();
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
    await this.pumping;
  }

  /** Fails active runs whose lease ran out before `expiredBefore` (null: every active run). */
  private async failAbandoned(expiredBefore: string | null): Promise<void> {
    const cause = expiredBefore === null ? 'found when the next server started on the store' : 'its lease expired';
    const failed = await failAbandonedRuns(this.options.store, expiredBefore, cause, this.options.clock.nowIso());
    if (failed.length === 0) return;
    this.options.logger.warn({ syncRunIds: failed.map((r) => r.id) }, 'marked abandoned sync runs as failed');
    // Runs queued behind the abandoned ones may start now.
    await this.dispatchQueued();
    this.wake();
  }

  private async dispatchQueued(connectionId?: number): Promise<void> {
    const { dispatcher, store } = this.options;
    if (!dispatcher) return;
    const queued = (await store.syncRuns.listOpen(connectionId)).filter((r) => r.state === SYNC_RUN_STATES.created);
    if (queued.length > 0) await dispatcher.dispatch(queued.map((r) => r.id));
  }

  /** Claims until nothing is claimable (or the worker is full), a loop turn between looks. */
  private async pump(): Promise<void> {
    try {
      while (this.wakeRequested && !this.stopped) {
        await nextTurn();
        this.wakeRequested = false;
        while (!this.stopped && this.running.size < this.options.concurrency) {
          const run = await this.claimNext();
          if (!run) break;
          this.execute(run);
        }
      }
    } catch (error) {
      this.options.logger.error({ err: error }, 'could not claim a sync run');
    }
  }

  /** Claims the first claimable queued run (or only `onlyId`), under the job lock. */
  private async claimNext(onlyId?: string): Promise<SyncRunRecord | undefined> {
    const { store, workerId, clock } = this.options;
    // Under the job lock, so no other process claims an overlapping run between our look and our claim.
    return store.exclusive(async (repos) => {
      const open = await repos.syncRuns.listOpen();
      const ahead: SyncRunRecord[] = open.filter((r) => r.state === SYNC_RUN_STATES.active);
      for (const candidate of open) {
        if (candidate.state !== SYNC_RUN_STATES.created) continue;
        const blocked = ahead.some((r) => r.connectionId === candidate.connectionId && pathsOverlap(r.scope, candidate.scope));
        // Overlapping runs start in the order they were queued.
        ahead.push(candidate);
        if (blocked || (onlyId !== undefined && candidate.id !== onlyId)) continue;
        if (await repos.syncRuns.claim(candidate.id, workerId, this.leaseUntil(), clock.nowIso())) {
          return { ...candidate, state: SYNC_RUN_STATES.active };
        }
      }
      return undefined;
    });
  }

  private execute(run: SyncRunRecord): void {
    const controller = new AbortController();
    const { store, workerId, logger, leaseMs } = this.options;
    const lease: RunLease = { syncRunId: run.id, owner: workerId, until: () => this.leaseUntil() };
    // The lease is renewed on a timer too: one listing may take longer than the lease. A lost
    // lease (the run was failed as abandoned) stops the run.
    const heartbeat = setInterval(() => {
      store.syncRuns.renewLease(run.id, workerId, this.leaseUntil()).then(
        (held) => {
          if (!held) controller.abort(leaseLost(lease));
        },
        (error: unknown) => logger.warn({ err: error, syncRunId: run.id }, 'could not renew the lease'),
      );
    }, Math.max(250, leaseMs / 3));
    const done = this.options.engine
      .run(run, controller.signal, lease)
      .catch((error: unknown) => logger.error({ err: error, syncRunId: run.id }, 'sync run crashed'))
      .finally(() => clearInterval(heartbeat))
      .then(() => this.dispatchQueued(run.connectionId))
      .catch((error: unknown) => logger.error({ err: error, syncRunId: run.id }, 'could not dispatch the runs queued behind this one'))
      .finally(() => {
        this.running.delete(run.id);
        // With a dispatcher wake() does nothing: tell whoever waits for idleness here.
        if (this.options.dispatcher) this.notifyIfIdle();
        else this.wake();
      });
    this.running.set(run.id, { controller, done });
  }

  private leaseUntil(): string {
    return new Date(this.options.clock.now().getTime() + this.options.leaseMs).toISOString();
  }

  /** Idle: no claim loop scheduled and nothing running (what is still queued is blocked, or another process's). */
  private notifyIfIdle(): void {
    if (this.pumping || this.running.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
