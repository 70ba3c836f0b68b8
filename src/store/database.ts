import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { sqliteBulkWriter, type BulkWriter } from './bulk-writer.js';
import { migrateToLatest } from './migrate.js';
import { withStatementCache } from './sqlite-statement-cache.js';
import { sqliteDialect, type StoreDialect } from './store-dialect.js';
import type { StoreSchema } from './store-schema.js';

/** The store every repository works on: a Kysely handle and the dialect helpers that go with it. */
export interface Store {
  readonly db: Kysely<StoreSchema>;
  readonly dialect: StoreDialect;
  /** Where the data lives, for messages (`sqlite:/path/warden.db`). */
  readonly location: string;
  /** Bulk inserts for the sync's big writes (inside a transaction only). */
  readonly bulk: BulkWriter;
  /** Resolves when the store answers a trivial query (used by /health). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Opens (creating if needed) the embedded SQLite store in `dataDir` and migrates it. */
export async function openSqliteStore(dataDir: string): Promise<Store> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'warden.db');
  const sqlite = new SQLite(file);
  // WAL lets API reads go on while a sync writes; NORMAL sync is durable across process crashes.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<StoreSchema>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  await migrateToLatest(db as Kysely<unknown>, sqliteDialect);
  return {
    db,
    dialect: sqliteDialect,
    location: `sqlite:${file}`,
    bulk: sqliteBulkWriter(sqlite),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}
