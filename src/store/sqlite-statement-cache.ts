import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * The database as Kysely's SQLite driver sees it, with prepared statements kept by SQL text.
 * The driver prepares every query anew, and preparing cost more than running for the API's
 * small reads. Least recently used statements go once `capacity` distinct texts are cached
 * (texts with long `in (…)` lists vary).
 */
export function withStatementCache(database: SQLite.Database, capacity = 500): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement) {
        // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
        statements.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (statements.size >= capacity) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
    close() {
      statements.clear();
      database.close();
    },
  };
}
