import { sql, type Kysely, type Transaction } from 'kysely';
import { chunkRows, containsPattern, type StoreDialect } from '../store-dialect.js';
import type { StoreSchema } from '../store-schema.js';
import type { ObjectRecord } from './object-repository.js';

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
  offset: number;
  size: number;
}

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

/**
 * Data source ids. A data source is an enabled, present leaf (its status is computed, SPEC
 * 1.3); its id is a row of its own, created the first time the leaf is enabled and kept for
 * good, so the id survives disabling, renames and moves. Invariant, kept by apply and by
 * settings changes through {@link DataSourceRepository.assignBelow}: every enabled present leaf
 * has a row.
 */
export class DataSourceRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: StoreDialect,
  ) {}

  with(trx: Transaction<StoreSchema>): DataSourceRepository {
    return new DataSourceRepository(trx, this.dialect);
  }

  /**
   * Gives every enabled present leaf at or below `root` a data source id unless it has one;
   * `rootIsActive` is the root's effective status. Walks the containers only, in one statement.
   */
  async assignBelow(root: ObjectRecord, rootIsActive: boolean, now: string): Promise<void> {
    if (root.isLeaf) {
      if (rootIsActive && !root.removed) await this.assign(sql`select cast(${root.id} as integer), ${now} where true`);
      return;
    }
    await this.assign(sql`
      ${containerTree(sql`select id, ${sql.lit(rootIsActive ? 1 : 0)}, cast('' as text) from objects where id = ${root.id}`)}
      select o.id, ${now} from tree t join objects o on o.parent_id = t.id
      where o.is_leaf = 1 and o.removed = 0 and coalesce(o.is_active, t.active) = 1`);
  }

  /** Data source ids by object id, for the objects that have one. */
  async idsOf(objectIds: readonly number[]): Promise<Map<number, number>> {
    const ids = new Map<number, number>();
    for (const chunk of chunkRows(objectIds, 1, this.dialect)) {
      const rows = await this.db.selectFrom('data_sources').select(['id', 'object_id']).where('object_id', 'in', chunk).execute();
      for (const row of rows) ids.set(row.object_id, row.id);
    }
    return ids;
  }

  /** The object a data source id belongs to (enabled or not), if any. */
  async objectIdOf(id: number): Promise<number | undefined> {
    const row = await this.db.selectFrom('data_sources').select('object_id').where('id', '=', id).executeTakeFirst();
    return row?.object_id;
  }

  /**
   * Enabled data sources by generated name. Driven by the data_sources rows (leaves never
   * enabled are not read); status and names come from a walk over the containers alone.
   */
  async search(search: DataSourceSearch): Promise<{ count: number; hits: DataSourceRow[] }> {
    const rootFilter =
      search.connectionKey === undefined ? sql`` : sql` and connection_id in (select id from connections where connection_key = ${search.connectionKey})`;
    const tree = containerTree(sql`select id, coalesce(is_active, 0), name from objects where parent_id is null${rootFilter}`);
    const filters = [sql`o.removed = 0`, sql`coalesce(o.is_active, t.active) = 1`];
    if (search.searchText) filters.push(sql`lower(t.full_name || '.' || o.name) like lower(${containsPattern(search.searchText)}) escape '\\'`);
    const from = sql`from data_sources d join objects o on o.id = d.object_id join tree t on t.id = o.parent_id where ${sql.join(filters, sql` and `)}`;
    const { rows: countRows } = await sql<{ count: number }>`${tree} select count(*) as count ${from}`.execute(this.db);
    const { rows } = await sql<{ id: number; object_id: number; connection_id: number; id_path: string; full_name: string; kind: string; comment: string | null }>`
      ${tree}
      select d.id, o.id as object_id, o.connection_id, o.id_path, t.full_name || '.' || o.name as full_name, o.kind, o.comment
      ${from}
      order by full_name, d.id
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

  /** Inserts `(object_id, created_at)` rows from `select`; objects that have an id keep it. */
  private async assign(select: ReturnType<typeof sql>): Promise<void> {
    // `on conflict` also settles two transactions assigning the same leaf at once (PostgreSQL store).
    await sql`insert into data_sources (object_id, created_at) ${select} on conflict (object_id) do nothing`.execute(this.db);
  }
}

/**
 * `tree(id, active, full_name)`: the containers from `roots` down, with their inherited status
 * and dotted names. The recursion follows the containers-only index, so it never reads a leaf.
 */
function containerTree(roots: ReturnType<typeof sql>) {
  return sql`
    with recursive tree(id, active, full_name) as (
      ${roots}
      union all
      select c.id, coalesce(c.is_active, t.active), t.full_name || '.' || c.name
      from objects c join tree t on c.parent_id = t.id
      where c.is_leaf = 0
    )`;
}
