import type { Kysely } from 'kysely';

/**
 * Web UI sessions in the store, so that every Warden process on a PostgreSQL store accepts the
 * same sign-in: one row per session, found by the hash of its cookie's token, acting as the
 * API key it was signed in with (a revoked or deleted key ends its sessions).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('api_key_id', 'text', (c) => c.notNull().references('api_keys.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_expires_at').on('sessions').columns(['expires_at']).execute();
  await db.schema.createIndex('sessions_api_key_id').on('sessions').columns(['api_key_id']).execute();
}
