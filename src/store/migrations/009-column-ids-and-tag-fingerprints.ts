import type { Kysely } from 'kysely';

/**
 * Two things platform tags and column identity need (issue 10):
 * - `columns.stable_id`: the platform's id of a column (PostgreSQL `attnum`), so a rename is
 *   recognised and its tags follow it. Null for columns stored before: they match by name until
 *   their table's dictionary is written again.
 * - `objects.tags_fingerprint`: a digest of the platform tags the last crawl that read them
 *   reported for the object and its columns, so an unchanged table costs one comparison, tags
 *   included. Null until tags are read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('columns').addColumn('stable_id', 'text').execute();
  await db.schema.alterTable('objects').addColumn('tags_fingerprint', 'text').execute();
}
