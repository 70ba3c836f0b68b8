import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Tag, TagSource } from '../../domain/tag.js';
import { preparedQuery } from '../prepared-query.js';
import { chunkRows, containsPattern, type StoreDialect } from '../store-dialect.js';
import type { StoreSchema, TagsTable } from '../store-schema.js';

/** A stored tag with where it sits: on an object (`column` null) or on one of a leaf's columns. */
export interface StoredTag extends Tag {
  id: number;
  objectId: number;
  /** The column's name; null for a tag on the object itself. */
  column: string | null;
}

/** A tag to write. */
export interface NewTag {
  objectId: number;
  column: string | null;
  name: string;
  value: string | null;
  source: TagSource;
  addedBy: string | null;
  addedAt: string;
}

/** A tag name in use, with how many present objects, columns and data sources carry it. */
export interface TagNameCount {
  name: string;
  objects: number;
  columns: number;
  dataSources: number;
}

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

/** Tag rows keep `''` for "on the object": a unique constraint treats nulls as distinct. */
const OBJECT_ITSELF = '';

/** Prefixes a column name while its tags pass to a new one: U+0001 is in no platform's names. */
const PARKED_COLUMN_MARK = '\u0001';

/** Every object read's tags: prepared once (prepared-query.ts), in listForObjects' order. */
const tagsOf = preparedQuery((db: Kysely<StoreSchema>, p: { objectId: number }) =>
  db.selectFrom('tags').selectAll().where('object_id', '=', p.objectId).orderBy('column_name').orderBy('source').orderBy('name'),
);

/**
 * Tags of every source. The rows go with their object (foreign key, cascade on both stores);
 * a column's tags are keyed by its name on the leaf, so a dropped column's tags stay until the
 * column comes back, like a removed object's. Reads take a list of objects so a page of results
 * is one query, never one per row.
 */
export class TagRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: StoreDialect,
  ) {}

  with(trx: Transaction<StoreSchema>): TagRepository {
    return new TagRepository(trx, this.dialect);
  }

  /** Every tag of the object and of its columns, object tags first, then by column, source and name. */
  async listFor(objectId: number): Promise<StoredTag[]> {
    return (await tagsOf(this.db, { objectId })).map(toStoredTag);
  }

  /** Tags of many objects (and their columns) in one query per chunk; objects without tags are absent. */
  async listForObjects(objectIds: readonly number[], options: { objectOnly?: boolean } = {}): Promise<Map<number, StoredTag[]>> {
    const byObject = new Map<number, StoredTag[]>();
    for (const chunk of chunkRows([...new Set(objectIds)], 1, this.dialect)) {
      let query = this.db.selectFrom('tags').selectAll().where('object_id', 'in', chunk);
      if (options.objectOnly) query = query.where('column_name', '=', OBJECT_ITSELF);
      const rows = await query.orderBy('object_id').orderBy('column_name').orderBy('source').orderBy('name').execute();
      for (const row of rows) {
        const tag = toStoredTag(row);
        const list = byObject.get(tag.objectId);
        if (list) list.push(tag);
        else byObject.set(tag.objectId, [tag]);
      }
    }
    return byObject;
  }

  /**
   * Writes new tags. One already there (same place, source and name: a concurrent add won the
   * race) takes the given value and keeps who added it and when.
   */
  async insert(tags: readonly NewTag[]): Promise<void> {
    if (tags.length === 0) return;
    for (const chunk of chunkRows(tags, 7, this.dialect)) {
      await this.db
        .insertInto('tags')
        .values(
          chunk.map((t) => ({
            object_id: t.objectId,
            column_name: t.column ?? OBJECT_ITSELF,
            name: t.name,
            value: t.value,
            source: t.source,
            added_by: t.addedBy,
            added_at: t.addedAt,
          })),
        )
        .onConflict((oc) => oc.columns(['object_id', 'column_name', 'source', 'name']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
        .execute();
    }
  }

  /**
   * Moves the tags of renamed columns of one object (every source) to the new names. Tags left
   * at a new name by a column dropped earlier give way: the renamed column's tags are the ones
   * its name now has. Through parked names, so a swap of two names never meets the unique key.
   */
  async renameColumns(objectId: number, renames: readonly { from: string; to: string }[]): Promise<void> {
    if (renames.length === 0) return;
    const parked = (name: string) => `${PARKED_COLUMN_MARK}${name}`;
    for (const { from } of renames) {
      await this.db.updateTable('tags').set({ column_name: parked(from) }).where('object_id', '=', objectId).where('column_name', '=', from).execute();
    }
    for (const chunk of chunkRows(renames.map((r) => r.to), 1, this.dialect)) {
      await this.db.deleteFrom('tags').where('object_id', '=', objectId).where('column_name', 'in', chunk).execute();
    }
    for (const { from, to } of renames) {
      await this.db.updateTable('tags').set({ column_name: to }).where('object_id', '=', objectId).where('column_name', '=', parked(from)).execute();
    }
  }

  /**
   * Moves the user and system tags of one object (and its columns) onto another: a data source
   * that changes objects keeps what users and Warden put on it; platform tags are the new
   * object's own, from its crawl.
   */
  async moveNonPlatformTags(fromObjectId: number, toObjectId: number): Promise<void> {
    await this.db.updateTable('tags').set({ object_id: toObjectId }).where('object_id', '=', fromObjectId).where('source', '!=', 'platform').execute();
  }

  async updateValue(id: number, value: string | null): Promise<void> {
    await this.db.updateTable('tags').set({ value }).where('id', '=', id).execute();
  }

  async delete(ids: readonly number[]): Promise<void> {
    for (const chunk of chunkRows(ids, 1, this.dialect)) {
      await this.db.deleteFrom('tags').where('id', 'in', chunk).execute();
    }
  }

  /** How many tag rows sit on the given connection's objects (tests and safe-deletion checks). */
  async countForConnection(connectionId: number): Promise<number> {
    const { count } = await this.db
      .selectFrom('tags')
      .where('object_id', 'in', (eb) => eb.selectFrom('objects').select('id').where('connection_id', '=', connectionId))
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(count);
  }

  /**
   * Tag names in use (any source), optionally containing `searchText`, with counts of the
   * present objects that carry one on themselves, of the columns that carry one (columns the
   * dictionary holds today), and of data sources (leaves) tagged on themselves or a column.
   */
  async names(search: { searchText?: string; offset: number; size: number }): Promise<{ count: number; hits: TagNameCount[] }> {
    const { searchText } = search;
    const filter = searchText ? sql`and lower(t.name) like lower(${containsPattern(searchText)}) escape '\\'` : sql``;
    const counted = sql`
      select t.name,
        count(distinct case when t.column_name = '' then t.object_id end) as objects,
        count(distinct case when t.column_name <> '' and c.object_id is not null then t.object_id || '/' || t.column_name end) as columns,
        count(distinct case when o.is_leaf = 1 and (t.column_name = '' or c.object_id is not null) then t.object_id end) as data_sources
      from tags t
      join objects o on o.id = t.object_id and o.removed = 0
      left join columns c on c.object_id = t.object_id and c.name = t.column_name
      where (t.column_name = '' or c.object_id is not null) ${filter}
      group by t.name`;
    const { rows: countRows } = await sql<{ count: number }>`select count(*) as count from (${counted}) names`.execute(this.db);
    const { rows } = await sql<{ name: string; objects: number; columns: number; data_sources: number }>`
      ${counted} order by t.name limit ${search.size} offset ${search.offset}`.execute(this.db);
    return {
      count: Number(countRows[0]?.count ?? 0),
      hits: rows.map((r) => ({ name: r.name, objects: Number(r.objects), columns: Number(r.columns), dataSources: Number(r.data_sources) })),
    };
  }
}

/**
 * A condition on the object whose id is in `objectIdColumn`: it, or one of its columns, carries every
 * named tag (any source). Used by the data source and object searches' tag filters.
 */
export function carriesEveryTag(objectIdColumn: string, names: readonly string[]) {
  const ref = sql.ref(objectIdColumn);
  // A dropped column's tags wait for the column to come back; until then they match nothing (as in `names`).
  const each = names.map(
    (name) => sql`exists (select 1 from tags tf where tf.object_id = ${ref} and tf.name = ${name}
      and (tf.column_name = '' or exists (select 1 from columns cf where cf.object_id = tf.object_id and cf.name = tf.column_name)))`,
  );
  return sql<boolean>`(${sql.join(each, sql` and `)})`;
}

function toStoredTag(row: Selectable<TagsTable>): StoredTag {
  return {
    id: Number(row.id),
    objectId: Number(row.object_id),
    column: row.column_name === OBJECT_ITSELF ? null : row.column_name,
    name: row.name,
    value: row.value,
    source: row.source as TagSource,
    addedBy: row.added_by,
    addedAt: row.added_at,
  };
}
