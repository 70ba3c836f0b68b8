import type { Kysely, Selectable, Transaction } from 'kysely';
import { SYNC_RUN_STATES, type SyncRunState } from '../../domain/sync-run-states.js';
import type { StoreSchema, SyncRunsTable } from '../store-schema.js';


export const SYNC_TRIGGERS = ['registration', 'schedule', 'manual', 'detection'] as const;
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];

export interface SyncCounts {
  added: number;
  removed: number;
  restored: number;
  renamed: number;
  /** Same stable id under another parent: re-parented with its subtree. */
  moved: number;
  changed: number;
  unchanged: number;
  conflicts: number;
}

export const ZERO_COUNTS: SyncCounts = Object.freeze({ added: 0, removed: 0, restored: 0, renamed: 0, moved: 0, changed: 0, unchanged: 0, conflicts: 0 });

/** A subtree the sync could not read, or an object it could not store (uniqueness violation). */
export interface SyncRunError {
  objectPath: string[];
  code: string;
  message: string;
  /** `tags`: only the subtree's tags were not read; its objects were synced, its platform tags left as they were. */
  notRead?: 'tags';
}

export interface SyncProgress {
  containersListed: number;
  objectsSeen: number;
}

export interface SyncRunRecord {
  id: string;
  connectionId: number;
  scope: string[];
  trigger: SyncTrigger;
  requestedBy: string | null;
  state: SyncRunState;
  forceRecursive: boolean;
  firstSync: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  counts: SyncCounts;
  errors: SyncRunError[];
  progress: SyncProgress;
  failureMessage: string | null;
  leaseOwner: string | null;
  leaseExpiresAt: string | null;
}

export interface NewSyncRun {
  id: string;
  connectionId: number;
  scope: string[];
  trigger: SyncTrigger;
  requestedBy: string | null;
  forceRecursive: boolean;
  firstSync: boolean;
}

export interface SyncRunSearch {
  connectionKey?: string;
  state?: SyncRunState;
  offset: number;
  size: number;
}

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

const OPEN_STATES: SyncRunState[] = [SYNC_RUN_STATES.created, SYNC_RUN_STATES.active];

/** Sync runs are Warden's own records in the store, whatever dispatches them. */
export class SyncRunRepository {
  constructor(private readonly db: Db) {}

  with(trx: Transaction<StoreSchema>): SyncRunRepository {
    return new SyncRunRepository(trx);
  }

  async insert(run: NewSyncRun, now: string): Promise<SyncRunRecord> {
    const row = await this.db
      .insertInto('sync_runs')
      .values({
        id: run.id,
        connection_id: run.connectionId,
        scope_json: JSON.stringify(run.scope),
        trigger: run.trigger,
        requested_by: run.requestedBy,
        state: SYNC_RUN_STATES.created,
        force_recursive: run.forceRecursive ? 1 : 0,
        first_sync: run.firstSync ? 1 : 0,
        created_at: now,
        counts_json: JSON.stringify(ZERO_COUNTS),
        errors_json: '[]',
        progress_json: JSON.stringify({ containersListed: 0, objectsSeen: 0 }),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRecord(row);
  }

  async findById(id: string): Promise<SyncRunRecord | undefined> {
    const row = await this.db.selectFrom('sync_runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  /** Runs of a connection that are queued or running, oldest first. */
  async listOpen(connectionId?: number): Promise<SyncRunRecord[]> {
    let query = this.db.selectFrom('sync_runs').selectAll().where('state', 'in', OPEN_STATES);
    if (connectionId !== undefined) query = query.where('connection_id', '=', connectionId);
    const rows = await query.orderBy('created_at').orderBy('id').execute();
    return rows.map(toRecord);
  }

  /** Moves a queued run to active for `owner`; false when another worker took it first. */
  async claim(id: string, owner: string, leaseExpiresAt: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('sync_runs')
      .set({ state: SYNC_RUN_STATES.active, started_at: now, lease_owner: owner, lease_expires_at: leaseExpiresAt })
      .where('id', '=', id)
      .where('state', '=', SYNC_RUN_STATES.created)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Extends the lease of a run this owner still holds; false when it lost it (failed as abandoned). */
  async renewLease(id: string, owner: string, leaseExpiresAt: string): Promise<boolean> {
    const result = await this.db
      .updateTable('sync_runs')
      .set({ lease_expires_at: leaseExpiresAt })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .where('state', '=', SYNC_RUN_STATES.active)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Writes a running run's totals, fenced like every write of a run: false when `owner` lost the lease. */
  async recordProgress(id: string, owner: string, counts: SyncCounts, errors: SyncRunError[], progress: SyncProgress, leaseExpiresAt: string): Promise<boolean> {
    const result = await this.db
      .updateTable('sync_runs')
      .set({
        counts_json: JSON.stringify(counts),
        errors_json: JSON.stringify(errors),
        progress_json: JSON.stringify(progress),
        lease_expires_at: leaseExpiresAt,
      })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .where('state', '=', SYNC_RUN_STATES.active)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Records the end of a run `owner` still holds; false (nothing written) when it lost the lease. */
  async finish(
    id: string,
    owner: string,
    outcome: { state: SyncRunState; counts: SyncCounts; errors: SyncRunError[]; progress: SyncProgress; failureMessage: string | null },
    now: string,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('sync_runs')
      .set({
        state: outcome.state,
        counts_json: JSON.stringify(outcome.counts),
        errors_json: JSON.stringify(outcome.errors),
        progress_json: JSON.stringify(outcome.progress),
        failure_message: outcome.failureMessage,
        finished_at: now,
        lease_owner: null,
        lease_expires_at: null,
      })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .where('state', '=', SYNC_RUN_STATES.active)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Fails the active runs whose lease ran out before `expiredBefore`, or, with null, every
   * active run (the embedded store's previous process is gone). One statement, so a worker
   * renewing at the same moment either renews first or finds its run failed. Returns the runs
   * as they were.
   */
  async failAbandoned(expiredBefore: string | null, reason: string, now: string): Promise<SyncRunRecord[]> {
    let query = this.db
      .updateTable('sync_runs')
      .set({ state: SYNC_RUN_STATES.failed, failure_message: reason, finished_at: now, lease_owner: null, lease_expires_at: null })
      .where('state', '=', SYNC_RUN_STATES.active);
    if (expiredBefore !== null) query = query.where('lease_expires_at', '<', expiredBefore);
    const rows = await query.returningAll().execute();
    return rows.map((row) => ({ ...toRecord(row), state: SYNC_RUN_STATES.active }));
  }

  async search(search: SyncRunSearch): Promise<{ count: number; hits: SyncRunRecord[] }> {
    let query = this.db.selectFrom('sync_runs');
    if (search.connectionKey !== undefined) {
      const key = search.connectionKey;
      query = query.where('connection_id', 'in', (eb) => eb.selectFrom('connections').select('connections.id').where('connection_key', '=', key));
    }
    if (search.state !== undefined) query = query.where('state', '=', search.state);
    const { count } = await query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    const rows = await query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').offset(search.offset).limit(search.size).execute();
    return { count: Number(count), hits: rows.map(toRecord) };
  }

  /** Whether a run with this trigger was queued for the connection at or after `since`. */
  async hasTriggeredSince(connectionId: number, trigger: SyncTrigger, since: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('sync_runs')
      .select('id')
      .where('connection_id', '=', connectionId)
      .where('trigger', '=', trigger)
      .where('created_at', '>=', since)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async latestForConnection(connectionId: number): Promise<SyncRunRecord | undefined> {
    const row = await this.db
      .selectFrom('sync_runs')
      .selectAll()
      .where('connection_id', '=', connectionId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && toRecord(row);
  }
}

function toRecord(row: Selectable<SyncRunsTable>): SyncRunRecord {
  return {
    id: row.id,
    connectionId: row.connection_id,
    scope: JSON.parse(row.scope_json) as string[],
    trigger: row.trigger as SyncTrigger,
    requestedBy: row.requested_by,
    state: row.state as SyncRunState,
    forceRecursive: row.force_recursive === 1,
    firstSync: row.first_sync === 1,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    // Runs recorded before `moved` existed lack it.
    counts: { ...ZERO_COUNTS, ...(JSON.parse(row.counts_json) as Partial<SyncCounts>) },
    errors: JSON.parse(row.errors_json) as SyncRunError[],
    progress: JSON.parse(row.progress_json) as SyncProgress,
    failureMessage: row.failure_message,
    leaseOwner: row.lease_owner,
    leaseExpiresAt: row.lease_expires_at,
  };
}
