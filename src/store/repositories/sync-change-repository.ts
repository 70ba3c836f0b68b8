import type { Kysely, Transaction } from 'kysely';
import { chunkRows, type StoreDialect } from '../store-dialect.js';
import type { StoreSchema } from '../store-schema.js';

/**
 * Object changes, then the platform tag changes of an object or column (`details`: `name`,
 * `value` or `from`/`to`, and `column` for a column's; a new value is one `tagChanged`), and
 * column renames recognised by the column's stable id (`details`: `from`, `to`).
 */
export const SYNC_CHANGE_KINDS = ['added', 'removed', 'restored', 'renamed', 'moved', 'changed', 'conflict', 'tagAdded', 'tagRemoved', 'tagChanged', 'columnRenamed'] as const;
export type SyncChangeKind = (typeof SYNC_CHANGE_KINDS)[number];

/** One per-object change a sync run made (or, for `conflict`, refused to make). */
export interface SyncChange {
  objectId: number | null;
  objectPath: string[];
  change: SyncChangeKind;
  details: Record<string, unknown> | null;
}

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

export class SyncChangeRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: StoreDialect,
  ) {}

  with(trx: Transaction<StoreSchema>): SyncChangeRepository {
    return new SyncChangeRepository(trx, this.dialect);
  }

  async insertMany(syncRunId: string, changes: readonly SyncChange[]): Promise<void> {
    const rows = changes.map((c) => ({
      sync_run_id: syncRunId,
      object_id: c.objectId,
      object_path_json: JSON.stringify(c.objectPath),
      change: c.change,
      details_json: c.details === null ? null : JSON.stringify(c.details),
    }));
    for (const chunk of chunkRows(rows, 5, this.dialect)) {
      await this.db.insertInto('sync_changes').values(chunk).execute();
    }
  }

  /**
   * Withdraws the `removed` change this run recorded for an object that turned out to have
   * moved (its old parent was listed first); returns how many rows went (0 or 1).
   */
  async deleteRemoval(syncRunId: string, objectId: number): Promise<number> {
    const result = await this.db.deleteFrom('sync_changes')
      .where('sync_run_id', '=', syncRunId)
      .where('object_id', '=', objectId)
      .where('change', '=', 'removed')
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async listByRun(syncRunId: string, page: { offset: number; size: number; change?: SyncChangeKind }): Promise<{ count: number; hits: SyncChange[] }> {
    let query = this.db.selectFrom('sync_changes').where('sync_run_id', '=', syncRunId);
    if (page.change) query = query.where('change', '=', page.change);
    const { count } = await query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    const rows = await query.selectAll().orderBy('id').offset(page.offset).limit(page.size).execute();
    return {
      count: Number(count),
      hits: rows.map((r) => ({
        objectId: r.object_id,
        objectPath: JSON.parse(r.object_path_json) as string[],
        change: r.change as SyncChangeKind,
        details: r.details_json === null ? null : (JSON.parse(r.details_json) as Record<string, unknown>),
      })),
    };
  }
}
