import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll } from 'vitest';
import { openPostgresStore, openSqliteStore, type Store } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import type { StoreMigration } from '../../src/store/migrations/index.js';
import { postgresDialect, sqliteDialect } from '../../src/store/store-dialect.js';
import { createStoreDatabase, type StoreKind } from './store-kinds.js';

/** A store as an older Warden left it, for testing what a migration does to existing rows. */
export interface OldStore {
  /** The data directory: the SQLite store's, and where a key file would live. */
  dataDir: string;
  /** The store at the old schema: write rows in its shape with plain SQL. */
  db: Kysely<any>;
  /** Closes `db` and opens the store with this version, which migrates it the rest of the way. */
  open(): Promise<Store>;
}

/**
 * Makes old stores for one suite (call at suite level): each migrated with `migrations` only.
 * Their databases and data directory are removed after the suite.
 */
export function useOldStores(): (kind: StoreKind, migrations: Readonly<Record<string, StoreMigration>>) => Promise<OldStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'warden-migrate-'));
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return async (kind, migrations) => {
    const database = kind === 'postgres' ? await createStoreDatabase() : null;
    if (database) cleanups.push(() => database.cleanup());
    const db = database
      ? new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 1 }) }) })
      : new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(join(dataDir, 'warden.db')) }) });
    await migrateToLatest(db, database ? postgresDialect : sqliteDialect, migrations);
    return {
      dataDir,
      db,
      async open() {
        await db.destroy();
        return database ? openPostgresStore(database.url) : openSqliteStore(dataDir);
      },
    };
  };
}
