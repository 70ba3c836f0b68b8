import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

/** Connections, the object hierarchy with its overrides, column dictionaries, sync runs, API keys. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('connections')
    .addColumn('id', 'integer', (c) => dialect.identity(c))
    .addColumn('connection_key', 'text', (c) => c.notNull().unique())
    .addColumn('technology', 'text', (c) => c.notNull())
    .addColumn('details_json', 'text', (c) => c.notNull())
    .addColumn('secrets_ciphertext', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('first_sync_completed_at', 'text')
    .addColumn('health_json', 'text')
    .execute();

  await db.schema
    .createTable('objects')
    .addColumn('id', 'integer', (c) => dialect.identity(c))
    .addColumn('connection_id', 'integer', (c) => c.notNull().references('connections.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('objects.id').onDelete('cascade'))
    .addColumn('id_path', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('is_leaf', 'integer', (c) => c.notNull())
    .addColumn('stable_id', 'text')
    .addColumn('comment', 'text')
    .addColumn('is_active', 'integer')
    .addColumn('activate_new_children', 'integer')
    .addColumn('data_owners_json', 'text')
    .addColumn('removed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('removed_at', 'text')
    .addColumn('columns_fingerprint', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('last_sync_run_id', 'text')
    .addColumn('last_synced_at', 'text')
    .execute();
  // Names are compared byte-wise (case-sensitive) in both dialects: `Orders` and `orders` are two objects.
  await db.schema.createIndex('objects_parent_name').on('objects').columns(['parent_id', 'name']).unique().execute();
  await db.schema.createIndex('objects_connection_stable_id').on('objects').columns(['connection_id', 'stable_id']).execute();
  await createPathIndex(db, dialect, 'objects_id_path', sql``);
  // Partial indexes: "does any descendant override X" scans only the few overriding rows.
  await createPathIndex(db, dialect, 'objects_is_active_overrides', sql`where is_active is not null`);
  await createPathIndex(db, dialect, 'objects_anc_overrides', sql`where activate_new_children is not null`);
  await createPathIndex(db, dialect, 'objects_owner_overrides', sql`where data_owners_json is not null`);
  await db.schema.createIndex('objects_leaf_connection').on('objects').columns(['is_leaf', 'connection_id']).execute();

  await db.schema
    .createTable('columns')
    .addColumn('object_id', 'integer', (c) => c.notNull().references('objects.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('nullable', 'integer', (c) => c.notNull())
    .addColumn('default_value', 'text')
    .addColumn('comment', 'text')
    .addPrimaryKeyConstraint('columns_pk', ['object_id', 'name'])
    .execute();

  await db.schema
    .createTable('sync_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('connection_id', 'integer', (c) => c.notNull().references('connections.id').onDelete('cascade'))
    .addColumn('scope_json', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('force_recursive', 'integer', (c) => c.notNull())
    .addColumn('first_sync', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('counts_json', 'text', (c) => c.notNull())
    .addColumn('errors_json', 'text', (c) => c.notNull())
    .addColumn('progress_json', 'text', (c) => c.notNull())
    .addColumn('failure_message', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'text')
    .execute();
  await db.schema.createIndex('sync_runs_connection_state').on('sync_runs').columns(['connection_id', 'state']).execute();
  await db.schema.createIndex('sync_runs_state_created').on('sync_runs').columns(['state', 'created_at']).execute();

  await db.schema
    .createTable('sync_changes')
    .addColumn('id', 'integer', (c) => dialect.identity(c))
    .addColumn('sync_run_id', 'text', (c) => c.notNull().references('sync_runs.id').onDelete('cascade'))
    .addColumn('object_id', 'integer')
    .addColumn('object_path_json', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('details_json', 'text')
    .execute();
  await db.schema.createIndex('sync_changes_run').on('sync_changes').columns(['sync_run_id', 'id']).execute();
  await db.schema.createIndex('sync_changes_object').on('sync_changes').columns(['object_id']).execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('permissions_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
}

/** PostgreSQL compares text by locale unless told otherwise; prefix range scans need byte order. */
async function createPathIndex(db: Kysely<unknown>, dialect: StoreDialect, name: string, where: ReturnType<typeof sql>) {
  const column = dialect.name === 'postgres' ? sql`id_path collate "C"` : sql`id_path`;
  await sql`create index ${sql.id(name)} on objects (${column}) ${where}`.execute(db);
}
