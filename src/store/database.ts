import { closeSync, mkdirSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { postgresBulkWriter, sqliteBulkWriter, type BulkWriter } from './bulk-writer.js';
import { migrateToLatest } from './migrate.js';
import { createStorePool } from './postgres-pool.js';
import { withStatementCache } from './sqlite-statement-cache.js';
import { PRIVATE_FILE_MODE, restrictToOwner } from './private-files.js';
import { postgresDialect, sqliteDialect, type StoreDialect } from './store-dialect.js';
import type { StoreSchema } from './store-schema.js';

/** The store every repository works on: a Kysely handle and the dialect helpers that go with it. */
export interface Store {
  readonly db: Kysely<StoreSchema>;
  /**
   * For reads outside transactions. SQLite: a second, query-only connection, so API reads go on
   * (WAL) while a sync holds the writing connection for a transaction. PostgreSQL: `db` (a pool).
   */
  readonly readDb: Kysely<StoreSchema>;
  readonly dialect: StoreDialect;
  /** Where the data lives, for messages (`sqlite:/path/warden.db`, `postgres://host:port/db`). */
  readonly location: string;
  /** Bulk inserts for the sync's big writes (inside a transaction only). */
  readonly bulk: BulkWriter;
  /** The PostgreSQL connection string (null for SQLite): pg-boss works on the same database. */
  readonly databaseUrl: string | null;
  /** Resolves when the store answers a trivial query (used by /health). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Where the store is: the PostgreSQL URL when set, else the embedded SQLite file in the data directory. */
export interface StoreLocation {
  dataDir: string;
  databaseUrl: string | null;
}

/** Opens (creating or migrating if needed) the store the configuration names. */
export function openStore(location: StoreLocation): Promise<Store> {
  return location.databaseUrl ? openPostgresStore(location.databaseUrl) : openSqliteStore(location.dataDir);
}

/** Opens (creating if needed) the embedded SQLite store in `dataDir` and migrates it. */
export async function openSqliteStore(dataDir: string): Promise<Store> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'warden.db');
  // SQLite creates the database with the umask's mode (0644: readable by every local user) and
  // its -wal and -shm files with the database's mode: created 0600 here, all three are.
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  restrictToOwner([file, `${file}-wal`, `${file}-shm`]);
  const sqlite = new SQLite(file);
  // WAL lets API reads go on while a sync writes; NORMAL sync is durable across process crashes.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<StoreSchema>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const store = await migrated(db, sqliteDialect, { location: `sqlite:${file}`, bulk: sqliteBulkWriter(sqlite), databaseUrl: null });
  const checkpointer = startCheckpointer(sqlite, file);
  // Opened after the migration, so it never sees a schema half-way; query_only refuses writes.
  const reader = new SQLite(file);
  reader.pragma('query_only = ON');
  reader.pragma('busy_timeout = 5000');
  const readDb = new Kysely<StoreSchema>({ dialect: new SqliteDialect({ database: withStatementCache(reader) }) });
  return {
    ...store,
    readDb,
    close: async () => {
      await readDb.destroy();
      // Before the writer: the last connection to close checkpoints the WAL and removes it.
      await checkpointer.stop();
      await store.close();
    },
  };
}

/** How often the checkpointer folds committed WAL pages into the database file. */
const CHECKPOINT_INTERVAL_MS = 1_000;

/** The checkpointer thread: its own connection; a passive checkpoint neither waits for nor blocks readers and writers. */
const CHECKPOINTER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.once('message', () => { clearInterval(timer); checkpoint(); db.close(); parentPort.close(); });
`;

/**
 * Moves WAL checkpoints off the event loop. SQLite checkpoints at the commit that outgrows the
 * WAL, on the committing connection: after a sync's 500,000-row listing, 40–70 ms of copying
 * that API requests waited behind. The writer stops checkpointing and a worker thread does it
 * on its own connection; should the thread fail, the writer checkpoints again as before.
 */
function startCheckpointer(writer: SQLite.Database, file: string): { stop(): Promise<void> } {
  writer.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(CHECKPOINTER_SOURCE, {
    eval: true,
    workerData: { file, module: createRequire(import.meta.url).resolve('better-sqlite3'), intervalMs: CHECKPOINT_INTERVAL_MS },
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.once('error', () => {
    if (writer.open) writer.pragma('wal_autocheckpoint = 1000');
  });
  worker.unref();
  return {
    async stop() {
      // Referenced again while it finishes: a process awaiting only an unreferenced worker exits
      // with the await unsettled (code 13, "unfinished top-level await") and skips the last checkpoint.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}

/**
 * Opens the PostgreSQL store at `url` and migrates it. Several processes may start at once:
 * the migrator holds PostgreSQL's advisory lock while it works, so the schema is migrated once.
 */
export async function openPostgresStore(url: string, options: { poolSize?: number } = {}): Promise<Store> {
  const pool = createStorePool(url, options.poolSize);
  const db = new Kysely<StoreSchema>({ dialect: new PostgresDialect({ pool }) });
  return migrated(db, postgresDialect, { location: redactedUrl(url), bulk: postgresBulkWriter(), databaseUrl: url });
}

/** Migrates a freshly opened store (closing it when that fails) and wraps it as a Store. */
async function migrated(
  db: Kysely<StoreSchema>,
  dialect: StoreDialect,
  fields: Pick<Store, 'location' | 'bulk' | 'databaseUrl'>,
): Promise<Store> {
  try {
    await migrateToLatest(db as Kysely<unknown>, dialect);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    db,
    readDb: db,
    dialect,
    ...fields,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}

/** The URL without its password, for messages and logs. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}
