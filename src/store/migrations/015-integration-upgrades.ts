import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

/**
 * The upgrade of an integration's legacy data sources to a connection (issue 11, ARCHITECTURE.md
 * "The legacy model"):
 * - `integration_upgrades`: one row per integration and connection key, rewritten by every run
 *   of its upgrade (state, counts, the data sources still not upgraded with their reasons).
 *   No foreign key to `integrations`: a Trino integration goes once its upgrade completes, its
 *   upgrade's record stays.
 * - `upgraded_legacy_sources`: what the legacy API knew about a data source that was upgraded
 *   (its handler id, old name, V2 connection key), so the blocked legacy routes still recognise
 *   those ids and keys and answer with what to use instead; it goes with its data source.
 */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('integration_upgrades')
    .addColumn('id', 'integer', (c) => dialect.identity(c))
    .addColumn('integration_id', 'integer', (c) => c.notNull())
    .addColumn('technology', 'text', (c) => c.notNull())
    .addColumn('connection_key', 'text', (c) => c.notNull())
    // running | complete | partiallyComplete | failed
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('sync_run_id', 'text')
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('upgraded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('not_upgraded_json', 'text', (c) => c.notNull())
    .addColumn('failure_message', 'text')
    .addColumn('started_by', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addUniqueConstraint('integration_upgrades_integration', ['integration_id'])
    .execute();

  await db.schema
    .createTable('upgraded_legacy_sources')
    .addColumn('data_source_id', 'integer', (c) => c.primaryKey().references('data_sources.id').onDelete('cascade'))
    .addColumn('handler_id', 'integer', (c) => c.notNull().unique())
    .addColumn('legacy_name', 'text', (c) => c.notNull())
    .addColumn('v2_connection_key', 'text')
    .addColumn('connection_key', 'text', (c) => c.notNull())
    .addColumn('upgrade_id', 'integer', (c) => c.notNull().references('integration_upgrades.id').onDelete('cascade'))
    .addColumn('upgraded_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create index upgraded_legacy_sources_v2_key on upgraded_legacy_sources (v2_connection_key) where v2_connection_key is not null`.execute(db);
}
