import type { Kysely, Selectable, Transaction } from 'kysely';
import type { LegacyNameTemplate } from '../../domain/legacy-name-template.js';
import type { Principal } from '../../domain/settings.js';
import type { SchemaProjectsTable, StoreSchema } from '../store-schema.js';

/** A legacy `type: "Schema"` project: the registered tables of one remote schema of one hidden connection. */
export interface SchemaProjectRecord {
  id: number;
  /** Unique within the instance. */
  name: string;
  /** The hidden legacy connection. */
  connectionId: number;
  remoteDatabase: string;
  remoteSchema: string;
  /** Schema monitoring on (`schemaEvolution.disabled: false`). */
  monitoring: boolean;
  nameTemplate: LegacyNameTemplate;
  /** Who owns the data sources schema monitoring creates; null = nobody. */
  detectionOwner: Principal | null;
  createdAt: string;
  updatedAt: string;
}

export type NewSchemaProject = Omit<SchemaProjectRecord, 'id' | 'createdAt' | 'updatedAt'>;

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

/** The `schema_projects` rows (migration 011). */
export class SchemaProjectRepository {
  constructor(private readonly db: Db) {}

  with(trx: Transaction<StoreSchema>): SchemaProjectRepository {
    return new SchemaProjectRepository(trx);
  }

  /** Rejects with the store's unique violation when the name or the remote schema is taken (see `refusedBy`). */
  async insert(project: NewSchemaProject, now: string): Promise<SchemaProjectRecord> {
    const row = await this.db
      .insertInto('schema_projects')
      .values({
        name: project.name,
        connection_id: project.connectionId,
        remote_database: project.remoteDatabase,
        remote_schema: project.remoteSchema,
        monitoring: project.monitoring ? 1 : 0,
        name_template_json: JSON.stringify(project.nameTemplate),
        detection_owner_json: project.detectionOwner === null ? null : JSON.stringify(project.detectionOwner),
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRecord(row);
  }

  async findById(id: number): Promise<SchemaProjectRecord | undefined> {
    const row = await this.db.selectFrom('schema_projects').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async findByRemote(connectionId: number, remoteDatabase: string, remoteSchema: string): Promise<SchemaProjectRecord | undefined> {
    const row = await this.db
      .selectFrom('schema_projects')
      .selectAll()
      .where('connection_id', '=', connectionId)
      .where('remote_database', '=', remoteDatabase)
      .where('remote_schema', '=', remoteSchema)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  /** The names starting with `prefix` that projects hold (to find a free one). */
  async namesStartingWith(prefix: string): Promise<Set<string>> {
    const rows = await this.db.selectFrom('schema_projects').select('name').where('name', '>=', prefix).where('name', '<', `${prefix}\uffff`).execute();
    return new Set(rows.map((r) => r.name));
  }

  async list(): Promise<SchemaProjectRecord[]> {
    const rows = await this.db.selectFrom('schema_projects').selectAll().orderBy('id').execute();
    return rows.map(toRecord);
  }

  async listByConnection(connectionId: number): Promise<SchemaProjectRecord[]> {
    const rows = await this.db.selectFrom('schema_projects').selectAll().where('connection_id', '=', connectionId).orderBy('id').execute();
    return rows.map(toRecord);
  }

  /** False when the project is gone. */
  async update(id: number, changes: Partial<Pick<SchemaProjectRecord, 'monitoring' | 'nameTemplate' | 'detectionOwner'>>, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('schema_projects')
      .set({
        updated_at: now,
        ...(changes.monitoring !== undefined && { monitoring: changes.monitoring ? 1 : 0 }),
        ...(changes.nameTemplate !== undefined && { name_template_json: JSON.stringify(changes.nameTemplate) }),
        ...(changes.detectionOwner !== undefined && { detection_owner_json: changes.detectionOwner === null ? null : JSON.stringify(changes.detectionOwner) }),
      })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('schema_projects').where('id', '=', id).execute();
  }
}

function toRecord(row: Selectable<SchemaProjectsTable>): SchemaProjectRecord {
  return {
    id: row.id,
    name: row.name,
    connectionId: row.connection_id,
    remoteDatabase: row.remote_database,
    remoteSchema: row.remote_schema,
    monitoring: row.monitoring === 1,
    nameTemplate: JSON.parse(row.name_template_json) as LegacyNameTemplate,
    detectionOwner: row.detection_owner_json === null ? null : (JSON.parse(row.detection_owner_json) as Principal),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
