import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { connectionInput, grantCrawlAccess, sqlIn } from '../helpers/catalog-fixtures.js';
import { adminQuery, PostgresTestContext, type TestDatabase, type TestRole } from '../helpers/postgres-server.js';
import { createStoreDatabase, STORE_KINDS, type StoreKind } from '../helpers/store-kinds.js';
import { eventually } from '../helpers/polling.js';
import { seededRandom } from '../helpers/seeded-random.js';
import { describeIfServer } from '../helpers/server-availability.js';
import { startWardenProcess, type WardenProcess } from '../helpers/warden-process.js';

const SCHEMAS = 30;
const TABLES_PER_SCHEMA = 10;
/** Kill points per store: the first few during first syncs of new connections, the rest during re-syncs of a changed source. */
const POINTS = 10;
const FIRST_SYNC_POINTS = 4;
const SEED = 20261201;

/** Reads the store a killed server left, from outside it: SQLite through the file, PostgreSQL as the superuser. */
interface StoreReader {
  rows<T extends object>(text: string, values?: unknown[]): Promise<T[]>;
  close(): void;
}

function sqliteReader(dataDir: string): StoreReader {
  let db: SQLite.Database | null = null;
  return {
    async rows<T extends object>(text: string, values: unknown[] = []) {
      db ??= new SQLite(join(dataDir, 'warden.db'), { readonly: true, fileMustExist: true });
      return db.prepare(text).all(...values) as T[];
    },
    close: () => db?.close(),
  };
}

function postgresReader(database: string): StoreReader {
  return {
    rows: <T extends object>(text: string, values: unknown[] = []) => adminQuery<T>(database, text.replace(/\?/g, (_, i: number, all: string) => `$${all.slice(0, i).split('?').length}`), values),
    close: () => {},
  };
}

/**
 * SIGKILL `warden serve` at seeded points during first syncs and re-syncs, on each store: after
 * every restart the server answers at once, the interrupted run is failed as abandoned with an
 * audit row, and the next sync leaves the catalog equal, row for row, to a clean sync's.
 */
describeIfServer(['PostgreSQL'], 'crash recovery of warden serve', () => {
  const pg = new PostgresTestContext();
  afterAll(() => pg.cleanup());

  /** A source of SCHEMAS x TABLES_PER_SCHEMA tables, and a role that may crawl it; one per store run (the re-syncs change it). */
  async function createSource(): Promise<{ source: TestDatabase; role: TestRole }> {
    const source = await pg.createDatabase({ label: 'crash' });
    await adminQuery(
      source.name,
      `DO $$ BEGIN
         FOR s IN 1..${SCHEMAS} LOOP
           EXECUTE format('CREATE SCHEMA %I', 's' || s);
           FOR t IN 1..${TABLES_PER_SCHEMA} LOOP
             EXECUTE format('CREATE TABLE %I.%I (id bigint NOT NULL, name varchar(40), created_at timestamptz DEFAULT now())', 's' || s, 't' || lpad(t::text, 2, '0'));
           END LOOP;
         END LOOP;
       END $$`,
    );
    const role = await pg.createRole({ connect: [source.name] });
    await grantCrawlAccess(source.name, role);
    return { source, role };
  }

  describe.concurrent('on each store', () => {
    for (const kind of STORE_KINDS) it(`[${kind}] recovers from ${POINTS} kills`, () => killAndRecover(kind), 120_000);
  });

  async function killAndRecover(kind: StoreKind): Promise<void> {
    const { source, role } = await createSource();
    const dataDir = mkdtempSync(join(tmpdir(), 'warden-crash-'));
    const database = kind === 'postgres' ? await createStoreDatabase() : null;
    const reader = database ? postgresReader(new URL(database.url).pathname.slice(1)) : sqliteReader(dataDir);
    const adminKey = `wdn_${randomBytes(24).toString('base64url')}`;
    const env = {
      WARDEN_ADMIN_API_KEY: adminKey,
      WARDEN_SECRET_KEY: randomBytes(32).toString('base64'),
      // On PostgreSQL a run is abandoned once its lease runs out (other processes may share the store).
      WARDEN_SYNC_LEASE_MS: '1000',
      WARDEN_SYNC_CONCURRENCY: '1',
      ...(database && { WARDEN_DATABASE_URL: database.url }),
    };
    const random = seededRandom(SEED + (kind === 'postgres' ? 1 : 0));
    let server: WardenProcess = await startWardenProcess(env, [], { dataDir });
    try {
      const completed = async (syncRunId: string) => expect((await server.waitForJob(syncRunId)).state).toBe('completed');
      const register = async (connectionKey: string): Promise<string> => {
        const response = await server.request('POST', '/data/connection', { connectionKey, connection: connectionInput(source, role) });
        expect(response.status, JSON.stringify(response.body)).toBe(201);
        return response.body.syncRunId;
      };
      const crawl = async (connectionKey: string, forceRecursiveCrawl = false): Promise<string> => {
        const response = await server.request('POST', `/data/crawl/${encodeURIComponent(connectionKey)}`, { forceRecursiveCrawl });
        expect(response.status, JSON.stringify(response.body)).toBe(202);
        return response.body.syncRunId;
      };
      await completed(await register('Clean'));
      if (kind === 'sqlite') {
        // A second server on the data directory in use is refused before it listens, naming the first.
        await expect(startWardenProcess(env, [], { dataDir })).rejects.toThrow(new RegExp(`exited \\(1\\)[^]*in use by another Warden process \\(pid ${server.child.pid}`));
      }
      const listings = 2 + SCHEMAS;

      for (let point = 0; point < POINTS; point++) {
        const firstSync = point < FIRST_SYNC_POINTS;
        const victim = firstSync ? `First ${point}` : 'First 0';
        if (!firstSync) await changeSource(source, point);
        // Killed once this many objects were written by the run: at least one listing in, several before the end.
        const objects = firstSync ? 1 + Math.floor(random() * (listings - 8)) * TABLES_PER_SCHEMA : Math.floor(random() * (listings - 8) * TABLES_PER_SCHEMA) + 1;
        const runId = firstSync ? await register(victim) : await crawl(victim, true);
        await eventually(
          async () => {
            const [row] = await reader.rows<{ n: number }>('select count(*) as n from objects where last_sync_run_id = ?', [runId]);
            return Number(row!.n) >= objects || null;
          },
          { timeout: 20_000, interval: 2, what: `run ${runId} to write ${objects} objects` },
        );
        await server.kill();
        const interrupted = (await reader.rows<{ state: string }>('select state from sync_runs where id = ?', [runId]))[0]!;
        expect(interrupted.state, `point ${point}: the kill came after the run ended`).toBe('active');

        server = await startWardenProcess(env, [], { dataDir });
        const askedAt = Date.now();
        expect((await server.request('GET', '/health')).status).toBe(200);
        expect(Date.now() - askedAt, `point ${point}: /health within 2 s of the restart`).toBeLessThan(2_000);
        const failed = await server.waitForJob(runId, 10_000);
        expect(failed).toMatchObject({ state: 'failed', failureMessage: expect.stringMatching(/^Abandoned: /) });
        const audit = await server.request('GET', `/audit?action=sync.failed&size=1000`);
        expect(audit.body.hits.filter((e: any) => e.target === `syncRun:${runId}`)).toEqual([
          expect.objectContaining({ after: expect.objectContaining({ failureCode: 'SYNC_RUN_ABANDONED' }) }),
        ]);

        // Forced, both: a plain re-sync does not descend into disabled containers, where the changes are.
        await completed(await crawl(victim, true));
        if (!firstSync) await completed(await crawl('Clean', true));
        // The source database's subtree: the server's other databases (other suites') come and go between syncs.
        const ofSource = async (connectionKey: string) => (await catalogOf(reader, connectionKey)).filter((o) => o.path.startsWith(`/${source.name}`));
        const recovered = await ofSource(victim);
        expect(recovered.length).toBeGreaterThan(SCHEMAS * TABLES_PER_SCHEMA);
        expect(recovered, `point ${point}`).toEqual(await ofSource('Clean'));
      }
    } finally {
      await server.stop();
      reader.close();
      await database?.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  /** A table added, one dropped and a column retyped: work for the next re-sync. */
  async function changeSource(source: TestDatabase, point: number): Promise<void> {
    const schema = `s${(point % SCHEMAS) + 1}`;
    await sqlIn(source, `CREATE TABLE IF NOT EXISTS ${schema}.added_${point} (id int, note text)`);
    await sqlIn(source, `DROP TABLE IF EXISTS s${((point + 7) % SCHEMAS) + 1}.t0${(point % 9) + 1}`);
    await sqlIn(source, `ALTER TABLE IF EXISTS s${((point + 13) % SCHEMAS) + 1}.t10 ALTER COLUMN name TYPE varchar(${40 + point})`);
  }
});

/** Every live object below a connection, row by row, by path: kind, flags, ids, comment, fingerprint and its columns. */
async function catalogOf(reader: StoreReader, connectionKey: string): Promise<{ path: string }[]> {
  const objects = await reader.rows<Record<string, unknown> & { id: number; parent_id: number | null; name: string }>(
    `select o.id, o.parent_id, o.name, o.kind, o.is_leaf, o.removed, o.stable_id, o.comment, o.columns_fingerprint
       from objects o join connections c on c.id = o.connection_id where c.connection_key = ?`,
    [connectionKey],
  );
  const columns = await reader.rows<{ object_id: number; name: string; ordinal: number; type: string; nullable: number; default_value: string | null; comment: string | null }>(
    `select k.object_id, k.name, k.ordinal, k.type, k.nullable, k.default_value, k.comment
       from columns k join objects o on o.id = k.object_id join connections c on c.id = o.connection_id where c.connection_key = ?`,
    [connectionKey],
  );
  const byId = new Map(objects.map((o) => [Number(o.id), o]));
  const pathOf = (id: number): string => {
    const object = byId.get(id)!;
    return object.parent_id === null ? '' : `${pathOf(Number(object.parent_id))}/${object.name}`;
  };
  const columnsOf = new Map<number, unknown[]>();
  for (const column of [...columns].sort((a, b) => a.ordinal - b.ordinal)) {
    const list = columnsOf.get(Number(column.object_id)) ?? [];
    list.push([column.name, Number(column.ordinal), column.type, Number(column.nullable), column.default_value, column.comment]);
    columnsOf.set(Number(column.object_id), list);
  }
  return objects
    .filter((o) => o.parent_id !== null && Number(o.removed) === 0)
    .map((o) => ({ path: pathOf(Number(o.id)), kind: o.kind, isLeaf: Number(o.is_leaf), stableId: o.stable_id, comment: o.comment, fingerprint: o.columns_fingerprint, columns: columnsOf.get(Number(o.id)) ?? [] }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
