import type SQLite from 'better-sqlite3';

/**
 * Writes many rows of one table with the least work per row. Sync writes hundreds of thousands
 * of column rows; building them into query objects costs more than the database's own work.
 *
 * Only call inside a store transaction: the rows then commit (or roll back) with it.
 */
export interface BulkWriter {
  /**
   * Inserts `rows` (values in `columns` order); returns the new rows' ids when asked. Each row is
   * bound before the next is taken, so a generator may hand out one reused array.
   */
  insert(table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>, options?: { returnIds?: boolean }): number[];
}

/**
 * SQLite: one prepared statement per table and column list, run once per row on the raw
 * connection. Kysely runs on the same connection, so inside its transaction these rows join it.
 */
export function sqliteBulkWriter(database: SQLite.Database): BulkWriter {
  const statements = new Map<string, SQLite.Statement>();
  return {
    insert(table, columns, rows, options = {}) {
      const key = `${table}(${columns.join(',')})`;
      let statement = statements.get(key);
      if (!statement) {
        const names = columns.map((c) => `"${c}"`).join(', ');
        statement = database.prepare(`insert into "${table}" (${names}) values (${columns.map(() => '?').join(', ')})`);
        statements.set(key, statement);
      }
      const ids: number[] = [];
      for (const row of rows) {
        const result = statement.run(row);
        if (options.returnIds) ids.push(Number(result.lastInsertRowid));
      }
      return ids;
    },
  };
}
