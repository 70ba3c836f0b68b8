import type { Kysely } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

/**
 * Tags on objects and on columns of leaves (SPEC 1.5, ARCHITECTURE §6.4). A column's tags are
 * keyed by its name on the leaf's object (`column_name`, `''` for the object itself), so they
 * ride along with the object through renames and moves, and stay while the object is removed.
 * Unlike `columns` (migration 004) the foreign key stays on both stores: tags are written a few
 * at a time, and the cascade is what removes them with their object or connection. The unique
 * constraint leads with object_id, so it is also the index the cascade and per-object reads use.
 */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('tags')
    .addColumn('id', 'integer', (c) => dialect.identity(c))
    .addColumn('object_id', 'integer', (c) => c.notNull().references('objects.id').onDelete('cascade'))
    .addColumn('column_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text')
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('tags_identity', ['object_id', 'column_name', 'source', 'name'])
    .execute();
  await db.schema.createIndex('tags_name').on('tags').columns(['name']).execute();
}
