import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

/**
 * Data sources get ids of their own: a row per enabled leaf, created the first time it is read
 * as a data source (see DataSourceRepository), kept while it is disabled, renamed or moved,
 * deleted with the object. Until now a data source's id was its object's id; every leaf
 * enabled at migration time keeps that id, so ids API users hold stay valid.
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

  // Effective status, as the search used to compute it: one walk, once.
  await sql`
    with recursive tree(id, active) as (
      select id, coalesce(is_active, 0) from objects where parent_id is null
      union all
      select c.id, coalesce(c.is_active, t.active) from objects c join tree t on c.parent_id = t.id
    )
    insert into data_sources (id, object_id, created_at)
    select o.id, o.id, ${new Date().toISOString()} from tree t join objects o on o.id = t.id
    where o.is_leaf = 1 and o.removed = 0 and t.active = 1`.execute(db);
  if (dialect.name === 'postgres') {
    // Explicit ids leave the identity's sequence behind; SQLite's AUTOINCREMENT follows max(id).
    await sql`select setval(pg_get_serial_sequence('data_sources', 'id'), coalesce((select max(id) from data_sources), 0) + 1, false)`.execute(db);
  }
}
