import type { TestServer } from './test-server.js';

/**
 * A connection's catalog as the store holds it, cut into subtrees (one per object at
 * `subtreeDepth`: a schema on PostgreSQL, a database on MariaDB; objects above that depth are
 * a subtree each, holding only themselves). Each subtree is one canonical text of its objects
 * (path below the connection, kind, removed, comment, own settings) and their columns, without
 * ids, run ids or timestamps, so two connections to the same source compare equal.
 */
export type CatalogSnapshot = Map<string, string>;

/** The subtree key of a snapshot as an object path below the connection key. */
export function subtreePath(key: string): string[] {
  return JSON.parse(key) as string[];
}

export async function catalogSnapshot(server: TestServer, connectionKey: string, subtreeDepth: number): Promise<CatalogSnapshot> {
  const db = server.server.container.catalogStore.store.db;
  const objects = await db
    .selectFrom('objects')
    .innerJoin('connections', 'connections.id', 'objects.connection_id')
    .where('connections.connection_key', '=', connectionKey)
    .select(['objects.id', 'objects.parent_id', 'objects.depth', 'objects.name', 'objects.kind', 'objects.removed', 'objects.comment', 'objects.is_active', 'objects.activate_new_children'])
    .execute();
  const columns = await db
    .selectFrom('columns')
    .innerJoin('objects', 'objects.id', 'columns.object_id')
    .innerJoin('connections', 'connections.id', 'objects.connection_id')
    .where('connections.connection_key', '=', connectionKey)
    .select(['columns.object_id', 'columns.name', 'columns.ordinal', 'columns.type', 'columns.nullable', 'columns.default_value', 'columns.comment'])
    .orderBy('columns.ordinal')
    .execute();
  const byId = new Map(objects.map((object) => [object.id, object]));
  const pathOf = (id: number): string[] => {
    const object = byId.get(id)!;
    // The connection root (depth 0) is not part of the path below the key.
    return object.depth === 0 || object.parent_id === null ? [] : [...pathOf(object.parent_id), object.name];
  };
  const columnsOf = new Map<number, string[]>();
  for (const column of columns) {
    const line = `  ${column.ordinal} ${column.name}: ${column.type} nullable=${column.nullable} default=${column.default_value} comment=${column.comment}`;
    columnsOf.set(column.object_id, [...(columnsOf.get(column.object_id) ?? []), line]);
  }
  const lines = new Map<string, string[]>();
  for (const object of objects) {
    if (object.depth === 0) continue;
    const path = pathOf(object.id);
    const key = JSON.stringify(path.slice(0, subtreeDepth));
    const own = `${JSON.stringify(path)} ${object.kind} removed=${object.removed} comment=${object.comment} active=${object.is_active} newChildren=${object.activate_new_children}`;
    lines.set(key, [...(lines.get(key) ?? []), [own, ...(columnsOf.get(object.id) ?? [])].join('\n')]);
  }
  return new Map([...lines].map(([key, entries]) => [key, entries.sort().join('\n')]));
}
