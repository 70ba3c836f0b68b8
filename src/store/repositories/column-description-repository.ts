import type { Kysely, Transaction } from 'kysely';
import type { StoreSchema } from '../store-schema.js';

/** A user-set description of one dictionary column. */
export interface ColumnDescription {
  column: string;
  description: string;
  setBy: string | null;
  setAt: string;
}

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

/**
 * The user-set column descriptions of the legacy dictionary (migration 013), per object and
 * column name. Syncs never write here, so a platform comment read later does not overwrite them.
 */
export class ColumnDescriptionRepository {
  constructor(private readonly db: Db) {}

  with(trx: Transaction<StoreSchema>): ColumnDescriptionRepository {
    return new ColumnDescriptionRepository(trx);
  }

  async listFor(objectId: number): Promise<ColumnDescription[]> {
    const rows = await this.db.selectFrom('column_descriptions').selectAll().where('object_id', '=', objectId).orderBy('column_name').execute();
    return rows.map((r) => ({ column: r.column_name, description: r.description, setBy: r.set_by, setAt: r.set_at }));
  }

  /** Moves every description of object `from` onto object `to` (a data source re-pointed to another object: a move, the upgrade). */
  async move(from: number, to: number): Promise<void> {
    await this.db.updateTable('column_descriptions').set({ object_id: to }).where('object_id', '=', from).execute();
  }

  /** Replaces every description of the object with `descriptions` (none: all cleared). */
  async replace(objectId: number, descriptions: readonly { column: string; description: string }[], setBy: string, now: string): Promise<void> {
    await this.db.deleteFrom('column_descriptions').where('object_id', '=', objectId).execute();
    if (descriptions.length === 0) return;
    await this.db
      .insertInto('column_descriptions')
      .values(descriptions.map((d) => ({ object_id: objectId, column_name: d.column, description: d.description, set_by: setBy, set_at: now })))
      .execute();
  }
}
