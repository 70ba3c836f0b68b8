import type { Kysely } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

/**
 * What the legacy `/dataSource` routes edit beyond 011 (ARCHITECTURE.md "The legacy model"):
 * - `column_descriptions`: user-set dictionary descriptions (POST/PUT `/dictionary/{id}`), one per
 *   (object, column name), beside the platform's `columns.comment` that syncs rewrite: a sync
 *   never touches these rows, and the upgrade finds them per object and column to move them.
 *   Keyed by column name like tags, so they follow the object through renames and moves; the
 *   cascade removes them with the object.
 * - `data_source_access`: the minimum of the legacy access requests (`/dataSource/{id}/access`,
 *   `/subscription/deny`): one row per (data source, user or group) with state `pending`,
 *   `denied` or `owner`. Ownership itself is the object's `dataOwners` override; the row is the
 *   request's record and its id is the legacy subscription/request id.
 * - `legacy_handlers.override_host_json`: `PUT /dataSource/{id}/overrideHost`'s `{host, HTTPPath, manual}`.
 */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('column_descriptions')
    .addColumn('object_id', 'integer', (c) => c.notNull().references('objects.id').onDelete('cascade'))
    .addColumn('column_name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text')
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('column_descriptions_pk', ['object_id', 'column_name'])
    .execute();

  await db.schema
    .createTable('data_source_access')
    .addColumn('id', 'integer', (c) => dialect.identity(c))
    .addColumn('data_source_id', 'integer', (c) => c.notNull().references('data_sources.id').onDelete('cascade'))
    .addColumn('principal_type', 'text', (c) => c.notNull())
    .addColumn('principal_name', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('denial_reasoning', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('data_source_access_principal', ['data_source_id', 'principal_type', 'principal_name'])
    .execute();

  await db.schema.alterTable('legacy_handlers').addColumn('override_host_json', 'text').execute();
}
