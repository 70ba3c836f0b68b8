import type { Logger } from 'pino';
import { nowIso } from '../clock.js';
import { pathsOverlap } from '../domain/object-path.js';
import type { CatalogStore } from '../store/catalog-store.js';
import { SYNC_RUN_STATES, type SyncRunRecord } from '../store/repositories/sync-run-repository.js';
import type { SyncEngine } from '../sync/sync-engine.js';

export interface SyncWorkerOptions {
  store: CatalogStore;
  engine: SyncEngine;
  logger: Logger;
  /** Runs executed at once. */
  concurrency: number;
  workerId: string;
  /** How long a run stays ours without a renewal; a dead worker's runs are failed after it. */
  leaseMs: number;
}

/**
 * Executes queued sync runs in this process. Claims are made in a store transaction, and a
 * run starts only when no overlapping run of its connection is active: one sync at a time
 * per subtree, enforced by the store's records rather than by memory.
 */
export class SyncWorker {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private pumping: Promise<void> | null = null;
  private pumpAgain = false;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: SyncWorkerOptions) {}

  /** Fails runs left active by a previous process, then starts whatever is queued. */
  async start(abandonedBefore: string): Promise<void> {
    const failed = await this.options.store.syncRuns.failAbandoned(abandonedBefore, 'Abandoned: the worker running it stopped before it finished');
    if (failed.length > 0) this.options.logger.warn({ syncRunIds: failed }, 'marked abandoned sync runs as failed');
    this.wake();
  }

  /** Looks for claimable runs now. */
  wake(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = this.pump().finally(() => {
      this.pumping = null;
      if (this.pumpAgain) {
        this.pumpAgain = false;
        this.wake();
      } else {
        this.notifyIfIdle();
      }
    });
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
    for (const { controller } of this.running.values()) controller.abort();
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
    await this.pumping;
  }

  private async pump(): Promise<void> {
    while (!this.stopped && this.running.size < this.options.concurrency) {
      const run = await this.claimNext();
      if (!run) return;
      this.execute(run);
    }
  }

  private async claimNext(): Promise<SyncRunRecord | undefined> {
    const { store, workerId } = this.options;
    // Under the job lock, so no other process claims an overlapping run between our look and our claim.
    return store.exclusive(async (repos) => {
      const open = await repos.syncRuns.listOpen();
      const ahead: SyncRunRecord[] = open.filter((r) => r.state === SYNC_RUN_STATES.active);
      for (const candidate of open) {
        if (candidate.state !== SYNC_RUN_STATES.created) continue;
        const blocked = ahead.some((r) => r.connectionId === candidate.connectionId && pathsOverlap(r.scope, candidate.scope));
        // Overlapping runs start in the order they were queued.
        ahead.push(candidate);
        if (blocked) continue;
        if (await repos.syncRuns.claim(candidate.id, workerId, this.leaseUntil(), nowIso())) {
          return { ...candidate, state: SYNC_RUN_STATES.active };
        }
      }
      return undefined;
    });
  }

  private execute(run: SyncRunRecord): void {
    const controller = new AbortController();
    const done = this.options.engine
      .run(run, controller.signal, () => this.leaseUntil())
      .catch((error: unknown) => this.options.logger.error({ err: error, syncRunId: run.id }, 'sync run crashed'))
      .finally(() => {
        this.running.delete(run.id);
        this.wake();
      });
    this.running.set(run.id, { controller, done });
  }

  private leaseUntil(): string {
    return new Date(Date.now() + this.options.leaseMs).toISOString();
  }

  private notifyIfIdle(): void {
    if (this.pumping || this.running.size > 0) return;
    void this.options.store.syncRuns.listOpen().then((open) => {
      if (this.pumping || this.running.size > 0) return;
      if (open.some((r) => r.state === SYNC_RUN_STATES.created) && !this.stopped) {
        this.wake();
        return;
      }
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    });
  }
}
