import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { openPostgresStore, openSqliteStore, type Store } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import type { StoreMigration } from '../../src/store/migrations/index.js';
import { postgresDialect, sqliteDialect } from '../../src/store/store-dialect.js';
import { createStoreDatabase, type StoreKind } from './store-kinds.js';

/** A store as an older Warden left it, for migration tests. */
export interface OlderStore {
  /** Raw access to the store as migrated by `migrations` only: write what the old version wrote. */
  db: Kysely<any>;
  /** The data directory (SQLite keeps the store there; key files live there on both). */
  dataDir: string;
  /** Closes `db` and opens the store as this version does (running the newer migrations). */
  open(): Promise<Store>;
  /** Drops the store's database or directory; call after closing what `open` returned. */
  cleanup(): Promise<void>;
}

/** A fresh store of `kind` brought up to `migrations` (the ones an older version knew). */
export async function openOlderStore(kind: StoreKind, migrations: Readonly<Record<string, StoreMigration>>): Promise<OlderStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'warden-migrate-'));
  const database = kind === 'postgres' ? await createStoreDatabase() : null;
  const db = database
    ? new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 1 }) }) })
    : new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(join(dataDir, 'warden.db')) }) });
  await migrateToLatest(db, database ? postgresDialect : sqliteDialect, migrations);
  return {
    db,
    dataDir,
    async open() {
      await db.destroy();
      return database ? openPostgresStore(database.url) : openSqliteStore(dataDir);
    },
    async cleanup() {
      await database?.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
