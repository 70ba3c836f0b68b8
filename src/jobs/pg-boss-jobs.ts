import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { SyncScheduler } from './scheduler.js';
import type { SyncDispatcher, SyncWorker } from './worker.js';

/** pg-boss queue names. */
export const PG_BOSS_QUEUES = Object.freeze({
  /** One job per queued sync run: `{ syncRunId }`. */
  syncRun: 'warden-sync-run',
  /** The daily schedule: one job per due time, whatever the number of processes: {@link ScheduleJob}. */
  schedule: 'warden-sync-schedule',
} as const);

/** A job of the schedule queue. The cron's jobs carry no due time: theirs is the clock's now. */
export interface ScheduleJob {
  /** ISO-8601: the due time this job queues the syncs of (a job sent for a set time). */
  dueAt?: string;
}

/** What a worker process does with the jobs: run dispatched syncs and keep the schedule. */
export interface PgBossWork {
  worker: SyncWorker;
  scheduler: SyncScheduler;
  /** Sync runs this process executes at once. */
  concurrency: number;
  /** Cron expression (UTC). */
  schedule: string;
}

/**
 * Jobs on PostgreSQL through pg-boss (in the store's database, schema `pgboss`). Sync runs stay
 * Warden's own records; pg-boss only carries "run this one" to some worker process, with
 * retries when a claim fails and expiry for a job whose process vanished. The schedule is a
 * pg-boss schedule: pg-boss sends one job per due time however many processes keep it.
 */
export class PgBossJobs implements SyncDispatcher {
  /** Ids of this process's sync-run workers, woken when this process dispatches. */
  private readonly localWorkers: string[] = [];
  private readonly boss: PgBoss;
  private started = false;

  /** `working`: this process runs jobs (worker role); an API-only process only sends them. */
  constructor(databaseUrl: string, logger: Logger, working: boolean) {
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      application_name: 'warden-jobs',
      max: 4,
      // Maintenance and the cron clock run on worker processes.
      supervise: working,
      schedule: working,
      cronMonitorIntervalSeconds: 5,
      cronWorkerIntervalSeconds: 2,
    });
    this.boss.on('error', (error) => logger.error({ err: error }, 'pg-boss error'));
  }

  /** Starts pg-boss; with `work`, this process also runs sync jobs and keeps the schedule. */
  async start(work: PgBossWork | null): Promise<void> {
    await this.boss.start();
    this.started = true;
    await this.boss.createQueue(PG_BOSS_QUEUES.syncRun);
    await this.boss.createQueue(PG_BOSS_QUEUES.schedule);
    if (!work) return;
    for (let i = 0; i < work.concurrency; i++) {
      const id = await this.boss.work<{ syncRunId: string }>(PG_BOSS_QUEUES.syncRun, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => {
        if (job) await work.worker.runDispatched(job.data.syncRunId);
      });
      this.localWorkers.push(id);
    }
    await this.boss.work<ScheduleJob>(PG_BOSS_QUEUES.schedule, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
      await work.scheduler.tick(job?.data.dueAt === undefined ? undefined : new Date(job.data.dueAt));
    });
    await this.boss.schedule(PG_BOSS_QUEUES.schedule, work.schedule, {}, { tz: 'UTC' });
  }

  async dispatch(syncRunIds: readonly string[]): Promise<void> {
    for (const syncRunId of syncRunIds) {
      // A run lasts as long as its platform takes; our own lease, not the job's expiry, detects a dead worker.
      await this.boss.send(PG_BOSS_QUEUES.syncRun, { syncRunId }, { retryLimit: 5, retryDelay: 2, retryBackoff: true, expireInSeconds: 23 * 3600 });
    }
    // A worker in this process fetches at once instead of at its next poll (up to 0.5 s later).
    for (const id of this.localWorkers) this.boss.notifyWorker(id);
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
