import { sql, type Kysely, type Transaction } from 'kysely';
import { chunkRows, containsPattern, type StoreDialect } from '../store-dialect.js';
import type { StoreSchema } from '../store-schema.js';
import { carriesEveryTag } from './tag-repository.js';

/** An enabled leaf with its data source id and generated name. */
export interface DataSourceRow {
  /** The data source's own id (not the object's). */
  id: number;
  objectId: number;
  connectionId: number;
  /** The leaf's id_path, from which its object path is built. */
  idPath: string;
  name: string;
  kind: string;
  comment: string | null;
}

export interface DataSourceSearch {
  searchText?: string;
  connectionKey?: string;
  /** Keep only data sources carrying every one of these tags, on themselves or on a column. */
  tags?: readonly string[];
  offset: number;
  size: number;
}

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

/**
 * Data source ids and the data source search; the only write is a data source's origin. A data source is an enabled, present
 * leaf (its status is computed, SPEC 1.3); its id is a row of its own, written with the leaf
 * when a sync creates it (`ObjectRepository.insertChildren`) and kept for the leaf's life, so it
 * survives disabling, renames and moves. Every leaf has one whatever its status: enabling a
 * database over a million tables stays a one-row write (BENCHMARKS.md), and reading a data
 * source never writes.
 */
export class DataSourceRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: StoreDialect,
  ) {}

  with(trx: Transaction<StoreSchema>): DataSourceRepository {
    return new DataSourceRepository(trx, this.dialect);
  }

  /** Data source ids by object id, for the objects that have one (every leaf). */
  async idsOf(objectIds: readonly number[]): Promise<Map<number, number>> {
    const ids = new Map<number, number>();
    for (const chunk of chunkRows(objectIds, 1, this.dialect)) {
      const rows = await this.db.selectFrom('data_sources').select(['id', 'object_id']).where('object_id', 'in', chunk).execute();
      for (const row of rows) ids.set(row.object_id, row.id);
    }
    return ids;
  }

  /** Marks data sources as registered through the legacy API (`legacy`) or as a connection's (`connection`, the upgrade). */
  async setOrigin(ids: readonly number[], origin: 'connection' | 'legacy'): Promise<void> {
    for (const chunk of chunkRows(ids, 1, this.dialect)) await this.db.updateTable('data_sources').set({ origin }).where('id', 'in', chunk).execute();
  }

  /**
   * Points data source `id` at another object, which gives up the fresh id its sync wrote for
   * it: the data source keeps its id (and what hangs on it, a legacy handler) across objects.
   */
  async repoint(id: number, toObjectId: number): Promise<void> {
    await this.db.deleteFrom('data_sources').where('object_id', '=', toObjectId).where('id', '!=', id).execute();
    await this.db.updateTable('data_sources').set({ object_id: toObjectId }).where('id', '=', id).execute();
  }

  /** Where data source `id` comes from (`connection` or `legacy`), if it exists. */
  async originOf(id: number): Promise<{ origin: string; objectId: number } | undefined> {
    const row = await this.db.selectFrom('data_sources').select(['origin', 'object_id']).where('id', '=', id).executeTakeFirst();
    return row && { origin: row.origin, objectId: row.object_id };
  }

  /** The object a data source id belongs to (enabled or not), if any. */
  async objectIdOf(id: number): Promise<number | undefined> {
    const row = await this.db.selectFrom('data_sources').select('object_id').where('id', '=', id).executeTakeFirst();
    return row?.object_id;
  }

  /**
   * Enabled leaves by generated name, each with its data source id. Status and names are
   * inherited along a recursive walk over the containers alone (a containers-only index);
   * leaves are read by parent under enabled containers, and under disabled ones only where they
   * override isActive to true (the overrides' partial index).
   */
  async search(search: DataSourceSearch): Promise<{ count: number; hits: DataSourceRow[] }> {
    const rootFilter =
      search.connectionKey === undefined ? sql`` : sql` and connection_id in (select id from connections where connection_key = ${search.connectionKey})`;
    const from = sql`
      with recursive tree(id, active, full_name) as (
        select id, coalesce(is_active, 0), name from objects where parent_id is null${rootFilter}
        union all
        select c.id, coalesce(c.is_active, t.active), t.full_name || '.' || c.name
        from objects c join tree t on c.parent_id = t.id
        where c.is_leaf = 0
      ),
      hits(object_id, connection_id, id_path, full_name, kind, comment) as (
        select o.id, o.connection_id, o.id_path, t.full_name || '.' || o.name, o.kind, o.comment
        from tree t join objects o on o.parent_id = t.id
        where t.active = 1 and o.is_leaf = 1 and o.removed = 0 and (o.is_active is null or o.is_active = 1)
        union all
        select o.id, o.connection_id, o.id_path, t.full_name || '.' || o.name, o.kind, o.comment
        from objects o join tree t on t.id = o.parent_id
        where o.is_active = 1 and t.active = 0 and o.is_leaf = 1 and o.removed = 0
      )
      select * from hits h
      where ${search.searchText ? sql`lower(h.full_name) like lower(${containsPattern(search.searchText)}) escape '\\'` : sql`1 = 1`}
      ${search.tags?.length ? sql`and ${carriesEveryTag('h.object_id', search.tags)}` : sql``}`;
    const { rows: countRows } = await sql<{ count: number }>`select count(*) as count from (${from}) matching`.execute(this.db);
    const { rows } = await sql<{ object_id: number; connection_id: number; id_path: string; full_name: string; kind: string; comment: string | null; id: number }>`
      select m.*, d.id from (${from}) m join data_sources d on d.object_id = m.object_id
      order by m.full_name, m.object_id
      limit ${search.size} offset ${search.offset}`.execute(this.db);
    return {
      count: Number(countRows[0]?.count ?? 0),
      hits: rows.map((r) => ({
        id: Number(r.id),
        objectId: Number(r.object_id),
        connectionId: Number(r.connection_id),
        idPath: r.id_path,
        name: r.full_name,
        kind: r.kind,
        comment: r.comment,
      })),
    };
  }
}
