import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Principal } from '../../domain/settings.js';
import type { DataSourceAccessTable, StoreSchema } from '../store-schema.js';

/** The states a legacy access record can be in (legacy-api.md §1.7, the part Warden keeps). */
export const ACCESS_STATES = ['pending', 'denied', 'owner'] as const;
export type AccessState = (typeof ACCESS_STATES)[number];

/** One user's or group's access record on one data source: a request, a denial or an ownership. */
export interface DataSourceAccessRecord {
  id: number;
  dataSourceId: number;
  principal: Principal;
  state: AccessState;
  denialReasoning: string | null;
  createdAt: string;
  updatedAt: string;
}

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

/** The `data_source_access` rows (migration 013). */
export class DataSourceAccessRepository {
  constructor(private readonly db: Db) {}

  with(trx: Transaction<StoreSchema>): DataSourceAccessRepository {
    return new DataSourceAccessRepository(trx);
  }

  async findById(id: number): Promise<DataSourceAccessRecord | undefined> {
    const row = await this.db.selectFrom('data_source_access').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async listByIds(ids: readonly number[]): Promise<DataSourceAccessRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('data_source_access').selectAll().where('id', 'in', [...ids]).orderBy('id').execute();
    return rows.map(toRecord);
  }

  async listFor(dataSourceId: number): Promise<DataSourceAccessRecord[]> {
    const rows = await this.db.selectFrom('data_source_access').selectAll().where('data_source_id', '=', dataSourceId).orderBy('id').execute();
    return rows.map(toRecord);
  }

  /** The pending requests of one user or group, on any data source. */
  async listPendingOf(principal: Principal): Promise<DataSourceAccessRecord[]> {
    const rows = await this.db
      .selectFrom('data_source_access')
      .selectAll()
      .where('principal_type', '=', principal.type)
      .where('principal_name', '=', principal.name)
      .where('state', '=', 'pending')
      .orderBy('id')
      .execute();
    return rows.map(toRecord);
  }

  /** The record of `principal` on the data source, created in `state` or moved to it. */
  async upsert(dataSourceId: number, principal: Principal, state: AccessState, denialReasoning: string | null, now: string): Promise<DataSourceAccessRecord> {
    const existing = await this.db
      .selectFrom('data_source_access')
      .selectAll()
      .where('data_source_id', '=', dataSourceId)
      .where('principal_type', '=', principal.type)
      .where('principal_name', '=', principal.name)
      .executeTakeFirst();
    if (existing) {
      await this.setState(existing.id, state, denialReasoning, now);
      return { ...toRecord(existing), state, denialReasoning, updatedAt: now };
    }
    const row = await this.db
      .insertInto('data_source_access')
      .values({ data_source_id: dataSourceId, principal_type: principal.type, principal_name: principal.name, state, denial_reasoning: denialReasoning, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRecord(row);
  }

  async setState(id: number, state: AccessState, denialReasoning: string | null, now: string): Promise<void> {
    await this.db.updateTable('data_source_access').set({ state, denial_reasoning: denialReasoning, updated_at: now }).where('id', '=', id).execute();
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('data_source_access').where('id', '=', id).execute();
  }
}

function toRecord(row: Selectable<DataSourceAccessTable>): DataSourceAccessRecord {
  return {
    id: row.id,
    dataSourceId: row.data_source_id,
    principal: { type: row.principal_type as Principal['type'], name: row.principal_name },
    state: row.state as AccessState,
    denialReasoning: row.denial_reasoning,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
