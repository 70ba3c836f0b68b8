import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

/**
 * Data sources get ids of their own: a row per leaf, whatever its status, written with the leaf
 * when a sync creates it (ObjectRepository.insertChildren), kept while it is disabled, renamed
 * or moved, deleted with the object. Until now a data source's id was its object's id; every
 * leaf at migration time gets that id, so ids API users hold stay valid.
 *
 * Also an index over the containers only: the data source search walks the hierarchy's
 * containers to inherit status and build names, never through the leaves.
 */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('data_sources')
    .addColumn('id', 'integer', (c) => dialect.identity(c))
    .addColumn('object_id', 'integer', (c) => c.notNull().unique().references('objects.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await sql`create index objects_containers on objects (parent_id) where is_leaf = 0`.execute(db);
  await sql`insert into data_sources (id, object_id, created_at) select id, id, created_at from objects where is_leaf = 1`.execute(db);
  if (dialect.name === 'postgres') {
    // Explicit ids leave the identity's sequence behind; SQLite's AUTOINCREMENT follows max(id).
    await sql`select setval(pg_get_serial_sequence('data_sources', 'id'), coalesce((select max(id) from data_sources), 0) + 1, false)`.execute(db);
  }
}
