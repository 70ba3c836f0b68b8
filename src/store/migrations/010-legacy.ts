import type { Kysely } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

/**
 * The integrations-era model, as rows beside the catalog rather than a second catalog
 * (ARCHITECTURE.md "The legacy model"):
 * - `integrations`: a technology's configuration, sealed like a connection's (the secrets at
 *   the descriptor's `secretFields`), with its legacy status and last validation results.
 * - `data_sources.origin`: `connection` for the rows syncs create, `legacy` for data sources
 *   registered one by one. The upgrade flips it and re-points `object_id`, so ids survive.
 * - `legacy_handlers`: the user-chosen name, connection details and remote table (database,
 *   schema, table) a legacy data source was registered with, one per data source (removed with it).
 */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('integrations')
    .addColumn('id', 'integer', (c) => dialect.identity(c))
    .addColumn('technology', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('details_json', 'text', (c) => c.notNull())
    .addColumn('secrets_ciphertext', 'text')
    .addColumn('validation_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();

  await db.schema.alterTable('data_sources').addColumn('origin', 'text', (c) => c.notNull().defaultTo('connection')).execute();

  await db.schema
    .createTable('legacy_handlers')
    .addColumn('id', 'integer', (c) => dialect.identity(c))
    .addColumn('data_source_id', 'integer', (c) => c.notNull().unique().references('data_sources.id').onDelete('cascade'))
    // The user-chosen name ("must be unique within the instance"); it gives way to the generated name on upgrade.
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('technology', 'text', (c) => c.notNull())
    .addColumn('details_json', 'text', (c) => c.notNull())
    .addColumn('secrets_ciphertext', 'text')
    .addColumn('remote_database', 'text')
    .addColumn('remote_schema', 'text')
    .addColumn('remote_table', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
