import { sql, type Kysely, type Transaction } from 'kysely';
import { chunkRows, containsPattern, type StoreDialect } from '../store-dialect.js';
import type { StoreSchema } from '../store-schema.js';
import { carriesEveryTag } from './tag-repository.js';

/** A data source with its id and name: an enabled leaf, or a legacy data source in any state. */
export interface DataSourceRow {
  /** The data source's own id (not the object's). */
  id: number;
  objectId: number;
  connectionId: number;
  /** The leaf's id_path, from which its object path is built. */
  idPath: string;
  /** The generated name; a legacy data source's user-chosen name. */
  name: string;
  kind: string;
  comment: string | null;
  technology: string;
  /** False only for a legacy data source that is disabled or whose table is gone (listed, as the legacy API does, so it can be enabled again). */
  enabled: boolean;
  /** The table is gone from the platform. */
  removed: boolean;
  createdAt: string;
  /** What its handler says, for a legacy data source; null for a connection's. */
  legacy: LegacyRowFields | null;
}

/** The handler's fields a legacy search hit shows. */
export interface LegacyRowFields {
  handlerId: number;
  connectionString: string;
  remoteDatabase: string | null;
  remoteSchema: string | null;
  remoteTable: string;
  sqlSchemaName: string | null;
  sqlTableName: string | null;
  schemaProjectId: number | null;
}

/** The legacy health roll-up: `failed` when the table is gone from the platform (Warden runs no other checks). */
export type DataSourceStatus = 'passed' | 'failed';

export interface DataSourceSearch {
  /** Part of the name (a legacy data source's user-chosen one), any case. */
  searchText?: string;
  connectionKey?: string;
  /** Keep only data sources carrying every one of these tags, on themselves or on a column. */
  tags?: readonly string[];
  /** Legacy `blobHandlerType`: the technologies to keep. */
  technologies?: readonly string[];
  /** Legacy connection strings to keep (legacy data sources only). */
  connectionStrings?: readonly string[];
  /** The remote schema (legacy data sources only). */
  schema?: string;
  ids?: readonly number[];
  statuses?: readonly DataSourceStatus[];
  sortField?: 'name' | 'createdAt';
  sortOrder?: 'asc' | 'desc';
  offset: number;
  size: number;
}

/** Counts of the matching data sources by tag, technology and status (the legacy search's facets). */
export interface DataSourceFacets {
  tags: { name: string; count: number }[];
  blobHandlerTypes: { name: string; count: number }[];
  statuses: { name: DataSourceStatus; count: number }[];
}

/** The most tag names a facet lists (the most used first). */
const TAG_FACET_LIMIT = 50;

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
   * Data sources by name, with the facets of all that match. Status and names are inherited
   * along a recursive walk over the containers alone (a containers-only index); leaves are read
   * by parent under enabled containers, and under disabled ones only where they override
   * isActive to true (the overrides' partial index). Legacy data sources that are not enabled
   * are found from their handlers (a small table), not by walking leaves.
   */
  async search(search: DataSourceSearch): Promise<{ count: number; hits: DataSourceRow[]; facets: DataSourceFacets }> {
    const matching = sql`${this.matching(search)} select * from matching`;
    const { rows: facetRows } = await sql<{ facet: string; name: string; count: number }>`
      ${this.matching(search)}
      select 'type' as facet, technology as name, count(*) as count from matching group by technology
      union all
      select 'status' as facet, status as name, count(*) as count from (select case when removed = 1 then 'failed' else 'passed' end as status from matching) s group by status
      union all
      select * from (
        select 'tag' as facet, t.name as name, count(distinct m.object_id) as count from matching m join tags t on t.object_id = m.object_id
        group by t.name order by count(distinct m.object_id) desc, t.name limit ${TAG_FACET_LIMIT}
      ) top_tags`.execute(this.db);
    const facet = (kind: string) =>
      facetRows
        .filter((r) => r.facet === kind)
        .map((r) => ({ name: r.name, count: Number(r.count) }))
        .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const statuses = facet('status') as DataSourceFacets['statuses'];
    const direction = search.sortOrder === 'desc' ? sql`desc` : sql`asc`;
    const order = search.sortField === 'createdAt' ? sql`m.ds_created_at ${direction}, m.ds_id ${direction}` : sql`m.name ${direction}, m.object_id ${direction}`;
    const { rows } = await sql<MatchingRow>`
      select * from (${matching}) m order by ${order}
      limit ${search.size} offset ${search.offset}`.execute(this.db);
    return {
      count: statuses.reduce((sum, s) => sum + s.count, 0),
      hits: rows.map(toRow),
      facets: { tags: facet('tag'), blobHandlerTypes: facet('type'), statuses },
    };
  }

  /** The `with` clause that ends in `matching`: every data source the search keeps, with its handler's fields. */
  private matching(search: DataSourceSearch) {
    const rootFilter =
      search.connectionKey === undefined ? sql`` : sql` and connection_id in (select id from connections where connection_key = ${search.connectionKey})`;
    const filters = [
      search.searchText ? sql`lower(coalesce(lh.name, h.full_name)) like lower(${containsPattern(search.searchText)}) escape '\\'` : null,
      search.tags?.length ? sql`${carriesEveryTag('h.object_id', search.tags)}` : null,
      search.technologies?.length ? sql`c.technology in (${sql.join(search.technologies.map((t) => sql`${t}`))})` : null,
      search.connectionStrings?.length ? sql`c.legacy_connection_string in (${sql.join(search.connectionStrings.map((t) => sql`${t}`))})` : null,
      search.schema !== undefined ? sql`lh.remote_schema = ${search.schema}` : null,
      search.ids?.length ? sql`d.id in (${sql.join(search.ids.map((id) => sql`${id}`))})` : null,
      search.statuses?.length ? sql`h.removed in (${sql.join(search.statuses.map((s) => sql`${s === 'failed' ? 1 : 0}`))})` : null,
    ].filter((f) => f !== null);
    return sql`
      with recursive tree(id, active, full_name) as (
        select id, coalesce(is_active, 0), name from objects where parent_id is null${rootFilter}
        union all
        select c.id, coalesce(c.is_active, t.active), t.full_name || '.' || c.name
        from objects c join tree t on c.parent_id = t.id
        where c.is_leaf = 0
      ),
      hits(object_id, connection_id, id_path, full_name, kind, comment, enabled, removed) as (
        select o.id, o.connection_id, o.id_path, t.full_name || '.' || o.name, o.kind, o.comment, 1, 0
        from tree t join objects o on o.parent_id = t.id
        where t.active = 1 and o.is_leaf = 1 and o.removed = 0 and (o.is_active is null or o.is_active = 1)
        union all
        select o.id, o.connection_id, o.id_path, t.full_name || '.' || o.name, o.kind, o.comment, 1, 0
        from objects o join tree t on t.id = o.parent_id
        where o.is_active = 1 and t.active = 0 and o.is_leaf = 1 and o.removed = 0
        union all
        select o.id, o.connection_id, o.id_path, t.full_name || '.' || o.name, o.kind, o.comment, 0, o.removed
        from legacy_handlers lh0 join data_sources d0 on d0.id = lh0.data_source_id join objects o on o.id = d0.object_id join tree t on t.id = o.parent_id
        where o.removed = 1 or coalesce(o.is_active, t.active) = 0
      ),
      matching as (
        select h.*, d.id as ds_id, d.created_at as ds_created_at, coalesce(lh.name, h.full_name) as name, c.technology, c.legacy_connection_string,
          lh.id as handler_id, lh.remote_database, lh.remote_schema, lh.remote_table, lh.sql_schema_name, lh.sql_table_name, lh.schema_project_id
        from hits h join data_sources d on d.object_id = h.object_id
        left join legacy_handlers lh on lh.data_source_id = d.id
        join connections c on c.id = h.connection_id
        ${filters.length ? sql`where ${sql.join(filters, sql` and `)}` : sql``}
      )`;
  }
}

interface MatchingRow {
  object_id: number;
  connection_id: number;
  id_path: string;
  name: string;
  kind: string;
  comment: string | null;
  enabled: number;
  removed: number;
  ds_id: number;
  ds_created_at: string;
  technology: string;
  legacy_connection_string: string | null;
  handler_id: number | null;
  remote_database: string | null;
  remote_schema: string | null;
  remote_table: string | null;
  sql_schema_name: string | null;
  sql_table_name: string | null;
  schema_project_id: number | null;
}

function toRow(r: MatchingRow): DataSourceRow {
  return {
    id: Number(r.ds_id),
    objectId: Number(r.object_id),
    connectionId: Number(r.connection_id),
    idPath: r.id_path,
    name: r.name,
    kind: r.kind,
    comment: r.comment,
    technology: r.technology,
    enabled: Number(r.enabled) === 1,
    removed: Number(r.removed) === 1,
    createdAt: r.ds_created_at,
    legacy:
      r.handler_id === null
        ? null
        : {
            handlerId: Number(r.handler_id),
            connectionString: r.legacy_connection_string ?? '',
            remoteDatabase: r.remote_database,
            remoteSchema: r.remote_schema,
            remoteTable: r.remote_table ?? '',
            sqlSchemaName: r.sql_schema_name,
            sqlTableName: r.sql_table_name,
            schemaProjectId: r.schema_project_id === null ? null : Number(r.schema_project_id),
          },
  };
}
