import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

/**
 * PostgreSQL only: the dictionary's foreign key to its object goes. PostgreSQL checks it with a
 * trigger per row, which made writing 500k column rows 4.4 s instead of 1.0 s. The rows are
 * written only by apply, for objects it holds in the same transaction, and deleted with their
 * objects by `ObjectRepository.deleteSubtree` (the one place objects are deleted), so nothing
 * relies on the check or the cascade. SQLite's check is an index probe and stays.
 */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  if (dialect.name !== 'postgres') return;
  await sql`alter table columns drop constraint if exists columns_object_id_fkey`.execute(db);
}
