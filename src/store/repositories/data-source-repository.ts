import { sql, type Kysely } from 'kysely';
import { containsPattern } from '../store-dialect.js';
import type { StoreSchema } from '../store-schema.js';

/** An enabled leaf with its generated name. */
export interface DataSourceRow {
  id: number;
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

/**
 * Data sources are computed, not stored: the leaves whose effective status is enabled. One
 * recursive query walks each hierarchy top-down carrying the inherited status and the name.
 */
export class DataSourceRepository {
  constructor(private readonly db: Kysely<StoreSchema>) {}

  async search(search: DataSourceSearch): Promise<{ count: number; hits: DataSourceRow[] }> {
    const filters = [sql`o.is_leaf = 1`, sql`t.active = 1`, sql`o.removed = 0`];
    if (search.searchText) filters.push(sql`lower(t.full_name) like lower(${containsPattern(search.searchText)}) escape '\\'`);
    const where = sql.join(filters, sql` and `);
    const tree = this.tree(search.connectionKey);
    const { rows: countRows } = await sql<{ count: number }>`${tree} select count(*) as count from tree t join objects o on o.id = t.id where ${where}`.execute(this.db);
    const { rows } = await sql<{ id: number; connection_id: number; id_path: string; full_name: string; kind: string; comment: string | null }>`
      ${tree}
      select o.id, o.connection_id, o.id_path, t.full_name, o.kind, o.comment
      from tree t join objects o on o.id = t.id
      where ${where}
      order by t.full_name, o.id
      limit ${search.size} offset ${search.offset}`.execute(this.db);
    return {
      count: Number(countRows[0]?.count ?? 0),
      hits: rows.map((r) => ({ id: Number(r.id), connectionId: Number(r.connection_id), idPath: r.id_path, name: r.full_name, kind: r.kind, comment: r.comment })),
    };
  }

  private tree(connectionKey: string | undefined) {
    const rootFilter =
      connectionKey === undefined ? sql`` : sql` and connection_id in (select id from connections where connection_key = ${connectionKey})`;
    return sql`
      with recursive tree(id, active, full_name) as (
        select id, coalesce(is_active, 0), name from objects where parent_id is null${rootFilter}
        union all
        select c.id, coalesce(c.is_active, t.active), t.full_name || '.' || c.name
        from objects c join tree t on c.parent_id = t.id
      )`;
  }
}

