import { Cron } from 'croner';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { WardenError } from '../errors.js';
import type { CatalogStore } from '../store/catalog-store.js';
import type { SyncRunQueue } from './sync-run-queue.js';

/** What else runs at each due time: the legacy schema monitoring (its nightly detection). */
export interface NightlyDetection {
  detectAll(): Promise<unknown>;
}

/**
 * Queues a whole-connection sync of every connection on a cron schedule (UTC). A connection
 * whose previous scheduled or manual full sync is still queued or running gets no second one.
 * At the same due time the legacy schema projects get their detection (one schedule for both).
 */
export class SyncScheduler {
  private cron: Cron | null = null;

  constructor(
    private readonly store: CatalogStore,
    private readonly queue: SyncRunQueue,
    private readonly logger: Logger,
    private readonly clock: Clock,
    private readonly detection?: NightlyDetection,
  ) {}

  /** Throws VALIDATION_FAILED naming WARDEN_SYNC_SCHEDULE when the expression is not valid cron. */
  start(expression: string): void {
    try {
      this.cron = new Cron(expression, { timezone: 'UTC', protect: true }, async () => {
        await this.tick();
      });
    } catch (error) {
      throw new WardenError('VALIDATION_FAILED', { detail: `WARDEN_SYNC_SCHEDULE "${expression}" is not a valid cron expression: ${(error as Error).message}` });
    }
  }

  /** Throws VALIDATION_FAILED naming WARDEN_SYNC_SCHEDULE unless `expression` is valid cron (the pg-boss schedule takes the same). */
  static validate(expression: string): void {
    try {
      new Cron(expression, { timezone: 'UTC', paused: true }).stop();
    } catch (error) {
      throw new WardenError('VALIDATION_FAILED', { detail: `WARDEN_SYNC_SCHEDULE "${expression}" is not a valid cron expression: ${(error as Error).message}` });
    }
  }

  nextRun(): Date | null {
    return this.cron?.nextRun() ?? null;
  }

  /** Queues the scheduled syncs of the due time `now` (the clock's time by default); returns the keys of the connections that got one. */
  async tick(now = this.clock.now()): Promise<string[]> {
    // Cron fires at most once a minute: a scheduled run queued since the start of this minute
    // is this due time's, whichever process or retry queued it.
    const dueSince = new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
    const queued: string[] = [];
    for (const connection of await this.store.connections.list()) {
      try {
        if (await this.queue.requestScheduled(connection, dueSince)) queued.push(connection.connectionKey);
      } catch (error) {
        this.logger.error({ err: error, connectionKey: connection.connectionKey }, 'could not queue the scheduled sync');
      }
    }
    this.logger.info({ connections: queued.length }, 'scheduled object sync queued');
    // Hidden legacy connections are never synced whole: their schemas and tables are crawled by
    // the detection, which waits for its runs (a repeated tick repeats it: it is idempotent).
    try {
      await this.detection?.detectAll();
    } catch (error) {
      this.logger.error({ err: error }, 'the nightly schema detection failed');
    }
    return queued;
  }

  stop(): void {
    this.cron?.stop();
  }
}
