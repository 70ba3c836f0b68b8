import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { containsPattern } from '../store-dialect.js';
import type { LegacyHandlersTable, StoreSchema } from '../store-schema.js';

/** A legacy data source's handler: how it was registered (name, connection details, remote table). */
export interface LegacyHandlerRecord {
  id: number;
  dataSourceId: number;
  /** The user-chosen name, unique within the instance. */
  name: string;
  technology: string;
  /** The non-secret connection details; the secrets are the hidden connection's. */
  details: Record<string, unknown>;
  remoteDatabase: string | null;
  remoteSchema: string | null;
  remoteTable: string;
  schemaProjectId: number | null;
  sqlSchemaName: string | null;
  sqlTableName: string | null;
  v2ConnectionKey: string | null;
  /** PUT /dataSource/{id}/overrideHost's last value; null when never set. */
  overrideHost: LegacyHostOverride | null;
  createdAt: string;
  updatedAt: string;
}

/** The legacy `{host, HTTPPath, manual}` of one data source (legacy-api.md §1.9). */
export interface LegacyHostOverride {
  host: string;
  HTTPPath: string | null;
  /** Set by a person (true) or an automatic process. */
  manual: boolean;
}

export type NewLegacyHandler = Omit<LegacyHandlerRecord, 'id' | 'overrideHost' | 'createdAt' | 'updatedAt'>;

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

/** The `legacy_handlers` rows (migrations 010 and 011). */
export class LegacyHandlerRepository {
  constructor(private readonly db: Db) {}

  with(trx: Transaction<StoreSchema>): LegacyHandlerRepository {
    return new LegacyHandlerRepository(trx);
  }

  /** Rejects with the store's unique violation when the name is taken (see `refusedBy`). */
  async insert(handler: NewLegacyHandler, now: string): Promise<LegacyHandlerRecord> {
    const row = await this.db
      .insertInto('legacy_handlers')
      .values({
        data_source_id: handler.dataSourceId,
        name: handler.name,
        technology: handler.technology,
        details_json: JSON.stringify(handler.details),
        remote_database: handler.remoteDatabase,
        remote_schema: handler.remoteSchema,
        remote_table: handler.remoteTable,
        schema_project_id: handler.schemaProjectId,
        sql_schema_name: handler.sqlSchemaName,
        sql_table_name: handler.sqlTableName,
        v2_connection_key: handler.v2ConnectionKey,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRecord(row);
  }

  async findById(id: number): Promise<LegacyHandlerRecord | undefined> {
    const row = await this.db.selectFrom('legacy_handlers').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async findByDataSourceId(dataSourceId: number): Promise<LegacyHandlerRecord | undefined> {
    const row = await this.db.selectFrom('legacy_handlers').selectAll().where('data_source_id', '=', dataSourceId).executeTakeFirst();
    return row && toRecord(row);
  }

  /** The names among `names` that handlers hold already. */
  async takenNames(names: readonly string[]): Promise<string[]> {
    if (names.length === 0) return [];
    const rows = await this.db.selectFrom('legacy_handlers').select('name').where('name', 'in', [...names]).execute();
    return rows.map((r) => r.name);
  }

  async listBySchemaProject(schemaProjectId: number): Promise<LegacyHandlerRecord[]> {
    const rows = await this.db.selectFrom('legacy_handlers').selectAll().where('schema_project_id', '=', schemaProjectId).orderBy('id').execute();
    return rows.map(toRecord);
  }

  /** The handlers whose data source's table is an object of the (hidden) connection `connectionId`. */
  async listByConnection(connectionId: number): Promise<LegacyHandlerRecord[]> {
    const rows = await this.db
      .selectFrom('legacy_handlers as h')
      .innerJoin('data_sources as d', 'd.id', 'h.data_source_id')
      .innerJoin('objects as o', 'o.id', 'd.object_id')
      .selectAll('h')
      .where('o.connection_id', '=', connectionId)
      .orderBy('h.id')
      .execute();
    return rows.map(toRecord);
  }

  async listByV2ConnectionKey(connectionKey: string): Promise<LegacyHandlerRecord[]> {
    const rows = await this.db.selectFrom('legacy_handlers').selectAll().where('v2_connection_key', '=', connectionKey).orderBy('id').execute();
    return rows.map(toRecord);
  }

  /** Every handler declared through the V2 API (any key). */
  async listV2Declared(): Promise<LegacyHandlerRecord[]> {
    const rows = await this.db.selectFrom('legacy_handlers').selectAll().where('v2_connection_key', 'is not', null).orderBy('id').execute();
    return rows.map(toRecord);
  }

  /** Renames a handler (its data source's legacy name); rejects with the store's unique violation when the name is taken. False when it is gone. */
  async rename(id: number, name: string, now: string): Promise<boolean> {
    const result = await this.db.updateTable('legacy_handlers').set({ name, updated_at: now }).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** False when the handler is gone. */
  async setOverrideHost(id: number, override: LegacyHostOverride, now: string): Promise<boolean> {
    const result = await this.db.updateTable('legacy_handlers').set({ override_host_json: JSON.stringify(override), updated_at: now }).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The remote schemas of the legacy data sources whose name contains `searchText` (any case), each with how many it holds. */
  async schemaCounts(searchText: string | undefined, limit: number): Promise<{ name: string; count: number }[]> {
    let query = this.db
      .selectFrom('legacy_handlers')
      .select((eb) => ['remote_schema', eb.fn.countAll().as('count')])
      .where('remote_schema', 'is not', null)
      .groupBy('remote_schema')
      .orderBy('remote_schema')
      .limit(limit);
    if (searchText) query = query.where(sql<boolean>`lower(remote_schema) like lower(${containsPattern(searchText)}) escape '\\'`);
    const rows = await query.execute();
    return rows.map((r) => ({ name: r.remote_schema!, count: Number(r.count) }));
  }

  /** Replaces the non-secret details a handler was registered with (and, when it moved, its schema project). */
  async updateDetails(id: number, details: Record<string, unknown>, schemaProjectId: number | null, now: string): Promise<void> {
    await this.db
      .updateTable('legacy_handlers')
      .set({ details_json: JSON.stringify(details), schema_project_id: schemaProjectId, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('legacy_handlers').where('id', '=', id).execute();
  }
}

function toRecord(row: Selectable<LegacyHandlersTable>): LegacyHandlerRecord {
  return {
    id: row.id,
    dataSourceId: row.data_source_id,
    name: row.name,
    technology: row.technology,
    details: JSON.parse(row.details_json) as Record<string, unknown>,
    remoteDatabase: row.remote_database,
    remoteSchema: row.remote_schema,
    remoteTable: row.remote_table,
    schemaProjectId: row.schema_project_id,
    sqlSchemaName: row.sql_schema_name,
    sqlTableName: row.sql_table_name,
    v2ConnectionKey: row.v2_connection_key,
    overrideHost: row.override_host_json === null ? null : (JSON.parse(row.override_host_json) as LegacyHostOverride),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
