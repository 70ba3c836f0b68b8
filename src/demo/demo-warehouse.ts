import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { takePidFile } from '../pid-file.js';
import { DEMO_SEED_SQL, isDemoSeedMarker } from './demo-seed.js';

/** Options for {@link startDemoWarehouse}. */
export interface DemoWarehouseOptions {
  /**
   * TCP port on 127.0.0.1; `0` (the default) lets the OS pick a free one, which differs on every
   * start, so a stored connection to the demo warehouse must take the port from the result.
   */
  port?: number;
  /**
   * Warden's data directory. The warehouse persists under `<dataDir>/demo-warehouse/` and is
   * seeded only on its first start. Without it the warehouse lives in memory and is seeded on
   * every start.
   */
  dataDir?: string;
}

/** A running demo warehouse and what the `pg`-based PostgreSQL connector needs to reach it. */
export interface DemoWarehouse {
  host: string;
  /** The port actually listened on (resolved when the options asked for `0`). */
  port: number;
  database: string;
  /**
   * PGlite performs no authentication: the startup message's user and database are ignored and
   * every connection is the superuser `postgres` in the database `postgres`. These values match
   * what the session really is, so catalog queries and stored connection settings agree.
   */
  username: string;
  password: string;
  /** Closes client connections, the socket server and the database. Safe to call twice. */
  stop(): Promise<void>;
}

/** PGlite's one database and superuser; its options cannot rename them (`database` fails initdb). */
export const DEMO_DATABASE = 'postgres';
export const DEMO_USERNAME = 'postgres';
/** Never checked (PGlite asks for no password); any non-empty value works for clients that need one. */
export const DEMO_PASSWORD = 'postgres';
export const DEMO_HOST = '127.0.0.1';

/**
 * Concurrent client connections the socket server accepts. Its default is 1; the connector opens
 * up to ~8 and a developer may add psql. A connection beyond the limit is reset by the OS-level
 * listener (the client sees ECONNRESET, not SQLSTATE 53300).
 */
export const DEMO_MAX_CONNECTIONS = 16;

const DIRECTORY = 'demo-warehouse';
const LOCK_FILE = 'demo-warehouse.lock';

/**
 * Starts a real PostgreSQL (PGlite, in-process) with its wire-protocol socket server on
 * 127.0.0.1, seeded with the sample warehouse of `demo-seed.ts`.
 *
 * All socket connections share PGlite's single backend session: queries run one at a time,
 * `SET`, temporary tables and prepared statement names are visible across connections, and an
 * open transaction on one connection holds the others' queries until it ends.
 */
export async function startDemoWarehouse(options: DemoWarehouseOptions = {}): Promise<DemoWarehouse> {
  const directory = options.dataDir === undefined ? undefined : resolve(options.dataDir, DIRECTORY);
  const release = directory === undefined ? async () => {} : await lockDirectory(directory);
  let db: PGlite | undefined;
  try {
    db = directory === undefined ? await PGlite.create() : await PGlite.create(join(directory, 'pgdata'));
    await seedOnce(db);
    const server = new PGLiteSocketServer({
      db,
      host: DEMO_HOST,
      port: options.port ?? 0,
      maxConnections: DEMO_MAX_CONNECTIONS,
    });
    await server.start();
    return describe(db, server, release);
  } catch (error) {
    await db?.close();
    await release();
    throw error;
  }
}

async function seedOnce(db: PGlite): Promise<void> {
  const { rows } = await db.query<{ comment: string | null }>(
    `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = current_database()`,
  );
  if (isDemoSeedMarker(rows[0]?.comment)) return;
  await db.transaction(async (tx) => {
    await tx.exec(DEMO_SEED_SQL);
  });
}

function describe(db: PGlite, server: PGLiteSocketServer, release: () => Promise<void>): DemoWarehouse {
  let stopping: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    await server.stop();
    await db.close();
    await release();
  };
  return {
    host: DEMO_HOST,
    port: listeningPort(server),
    database: DEMO_DATABASE,
    username: DEMO_USERNAME,
    password: DEMO_PASSWORD,
    stop: () => (stopping ??= stop()),
  };
}

/** The server only exposes its address as `host:port`; the port is resolved once it listens. */
function listeningPort(server: PGLiteSocketServer): number {
  const conn = server.getServerConn();
  const port = Number(conn.slice(conn.lastIndexOf(':') + 1));
  if (!Number.isInteger(port) || port <= 0) throw new Error(`Unexpected demo warehouse address ${conn}`);
  return port;
}

/**
 * PGlite does not lock its data directory: two instances on one directory corrupt it silently.
 * A pid file refuses a second Warden on the same data directory; a lock left by a crashed process
 * (its pid no longer running) is taken over.
 */
async function lockDirectory(directory: string): Promise<() => Promise<void>> {
  await mkdir(directory, { recursive: true });
  const lock = takePidFile(join(directory, LOCK_FILE));
  if ('heldBy' in lock) {
    throw new Error(
      lock.heldBy === process.pid
        ? `The demo warehouse in ${directory} is already running in this process`
        : `The demo warehouse in ${directory} is in use by process ${lock.heldBy ?? 'unknown'}; stop it first`,
    );
  }
  return async () => lock.release();
}
