import type { Kysely } from 'kysely';

/**
 * Failed authentications counted in the store, so that every Warden process on a PostgreSQL
 * store sees the same counts: one row per client address and presented key prefix, with the
 * failures of its current window.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('auth_failures')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('auth_failures_pk', ['address', 'key_prefix'])
    .execute();
  await db.schema.createIndex('auth_failures_window').on('auth_failures').columns(['window_started_at']).execute();
}
