import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveSettings, type SettingOverrides } from '../../src/domain/settings.js';
import { connectionInput, grantCrawlAccess, sqlIn } from '../helpers/catalog-fixtures.js';
import { adminQuery, PostgresTestContext, type TestDatabase, type TestRole } from '../helpers/postgres-server.js';
import { createStoreDatabase, STORE_KINDS, type StoreKind } from '../helpers/store-kinds.js';
import { eventually } from '../helpers/polling.js';
import { seededRandom } from '../helpers/seeded-random.js';
import { describeIfServer } from '../helpers/server-availability.js';
import { urlPath } from '../helpers/test-server.js';
import { runWardenCommand, startWardenProcess, type WardenProcess } from '../helpers/warden-process.js';

const SCHEMAS = 30;
const TABLES_PER_SCHEMA = 10;
/** Kill points per store: the first few during first syncs of new connections, the rest during re-syncs of a changed source. */
const POINTS = 10;
const LISTINGS_LEFT_AT_KILL = 14;
const FIRST_SYNC_POINTS = 4;
const SEED = 20261201;
/** Settings and tag changes killed per store, each over a subtree with fresh overrides and tags below it. */
const SETTINGS_POINTS = 4;
const OVERRIDES_PER_POINT = 12;
const SETTINGS_SCHEMAS = 10;
/** Credential edits and secret key rotations killed per store, over a few connections of a small source. */
const EDIT_POINTS = 2;
const ROTATION_POINTS = 2;
const SECRET_CONNECTIONS = 2;
const SECRET_SCHEMAS = 3;

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

  /** A source of `schemas` x TABLES_PER_SCHEMA tables, and a role that may crawl it; one per store run (the re-syncs change it). */
  async function createSource(schemas = SCHEMAS, roleOptions: { passwordAuth?: boolean } = {}): Promise<{ source: TestDatabase; role: TestRole }> {
    const source = await pg.createDatabase({ label: 'crash' });
    await adminQuery(
      source.name,
      `DO $$ BEGIN
         FOR s IN 1..${schemas} LOOP
           EXECUTE format('CREATE SCHEMA %I', 's' || s);
           FOR t IN 1..${TABLES_PER_SCHEMA} LOOP
             EXECUTE format('CREATE TABLE %I.%I (id bigint NOT NULL, name varchar(40), created_at timestamptz DEFAULT now())', 's' || s, 't' || lpad(t::text, 2, '0'));
           END LOOP;
         END LOOP;
       END $$`,
    );
    const role = await createCrawlRole(source, roleOptions);
    return { source, role };
  }

  async function createCrawlRole(source: TestDatabase, options: { passwordAuth?: boolean } = {}): Promise<TestRole> {
    const role = await pg.createRole({ connect: [source.name], ...options });
    await grantCrawlAccess(source.name, role);
    return role;
  }

  describe.concurrent('on each store', () => {
    for (const kind of STORE_KINDS) {
      // Eleven starts of `warden serve` through tsx: ~10 s each on a loaded 2-core machine (the
      // browser and fuzz suites run beside this one), so the budget is the starts', not the checks'.
      it(`[${kind}] recovers from ${POINTS} kills during syncs`, () => killAndRecover(kind), 480_000);
      it(`[${kind}] keeps ${SETTINGS_POINTS} settings and tag changes killed midway all-or-nothing`, () => killSettingsChanges(kind), 480_000);
      it(`[${kind}] keeps secrets usable across ${EDIT_POINTS} credential edits and ${ROTATION_POINTS} key rotations killed midway`, () => killSecretChanges(kind), 480_000);
    }
  });

  /**
   * A data directory and store of `kind` for restarts of `warden serve`. `keyFile`: the secret
   * key lives in the data directory (`secret.key`, which `warden secrets rotate` replaces), not
   * in WARDEN_SECRET_KEY.
   */
  async function crashStore(kind: StoreKind, options: { keyFile?: boolean } = {}) {
    const dataDir = mkdtempSync(join(tmpdir(), 'warden-crash-'));
    const database = kind === 'postgres' ? await createStoreDatabase() : null;
    const reader = database ? postgresReader(new URL(database.url).pathname.slice(1)) : sqliteReader(dataDir);
    const env: Record<string, string> = {
      WARDEN_ADMIN_API_KEY: `wdn_${randomBytes(24).toString('base64url')}`,
      ...(!options.keyFile && { WARDEN_SECRET_KEY: randomBytes(32).toString('base64') }),
      // On PostgreSQL a run is abandoned once its lease runs out (other processes may share the store).
      // Short, but not so short that a process starved by a loaded machine misses its renewals
      // (renewed every third of it) and loses a live run: 1 s did once at load average 18.
      WARDEN_SYNC_LEASE_MS: '2500',
      WARDEN_SYNC_CONCURRENCY: '1',
      ...(database && { WARDEN_DATABASE_URL: database.url }),
    };
    return {
      dataDir,
      reader,
      env,
      start: () => startWardenProcess(env, [], { dataDir }),
      async cleanup() {
        reader.close();
        await database?.cleanup();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }

  async function killAndRecover(kind: StoreKind): Promise<void> {
    const { source, role } = await createSource();
    const { dataDir, reader, env, start, cleanup } = await crashStore(kind);
    const random = seededRandom(SEED + (kind === 'postgres' ? 1 : 0));
    let server: WardenProcess = await start();
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
        // Killed once this many objects were written by the run: at least one listing in, and
        // LISTINGS_LEFT_AT_KILL before the end, so the kill lands before the run ends even when
        // a loaded machine delays the poll that sees the count (8 once did not, on PostgreSQL).
        const killable = listings - LISTINGS_LEFT_AT_KILL;
        const objects = firstSync ? 1 + Math.floor(random() * killable) * TABLES_PER_SCHEMA : Math.floor(random() * killable * TABLES_PER_SCHEMA) + 1;
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
      await cleanup();
    }
  }

  /**
   * SIGKILL while `PUT /data/settings` changes a subtree that has many overrides below it
   * (status with cascade, owners, the sync setting activateNewChildren), at a seeded moment
   * within the time a clean change takes. After the restart the whole catalog's overrides — so
   * every object's effective settings — are exactly those before the change or those after it,
   * the audit log has the change exactly when the catalog does, and no data source is lost or
   * renumbered; then a sync converges without touching them.
   */
  async function killSettingsChanges(kind: StoreKind): Promise<void> {
    const { source, role } = await createSource(SETTINGS_SCHEMAS);
    const { reader, start, cleanup } = await crashStore(kind);
    const random = seededRandom(SEED + 10 + (kind === 'postgres' ? 1 : 0));
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const key = 'Governed';
    const root = [key, source.name];
    const schemas = Array.from({ length: SETTINGS_SCHEMAS }, (_, i) => `s${i + 1}`);
    const tables = schemas.flatMap((schema) => Array.from({ length: TABLES_PER_SCHEMA }, (_, i) => [schema, `t${String(i + 1).padStart(2, '0')}`]));
    const owners = (n: number) => Array.from({ length: n }, () => ({ type: pick(['user', 'group'] as const), name: pick(['ann', 'bo', 'cy', 'data-team']) }));
    /** `n` user tags of distinct names. */
    const userTags = (n: number) => ['PII', 'PII.Email', 'Tier', 'Cost Centre.EU-1'].filter(() => random() < 0.5).concat('Reviewed').slice(0, n).map((name) => ({ name, value: pick(['gold', 'silver', 'a b']) }));
    let server: WardenProcess = await start();
    try {
      const registered = await server.request('POST', '/data/connection', { connectionKey: key, connection: connectionInput(source, role), settings: { isActive: false } });
      expect(registered.status, JSON.stringify(registered.body)).toBe(201);
      expect((await server.waitForJob(registered.body.syncRunId)).state).toBe('completed');
      const send = (change: Change) =>
        change.tags
          ? server.request('POST', `/data/tags/${urlPath(...change.path)}`, { tags: change.tags, ...(change.column !== '' && { column: change.column }) })
          : server.request('PUT', `/data/settings/${urlPath(...change.path)}`, { settings: change.settings, cascade: change.cascade });
      const governanceAudit = async () =>
        Number((await reader.rows<{ n: number }>(`select count(*) as n from audit_log where action in ('object.settings', 'object.tags')`))[0]!.n);

      /** Odd points change tags (a table's or one of its columns'), even ones settings. */
      const drawChange = (point: number): Change => {
        if (point % 2 === 1) return { path: [...root, ...pick(tables)], column: pick(['', 'id', 'name']), tags: userTags(1 + Math.floor(random() * 3)) };
        const r = random();
        if (r < 0.4) return { path: random() < 0.3 ? root : [...root, pick(schemas)], settings: { isActive: random() < 0.5 }, cascade: true };
        if (r < 0.7) return { path: [...root, pick(schemas)], settings: { dataOwners: owners(1 + Math.floor(random() * 3)) }, cascade: random() < 0.5 };
        return { path: root, settings: { activateNewChildren: random() < 0.5, isActive: random() < 0.5 }, cascade: true };
      };
      // A clean change first: how long one takes bounds the kill points.
      const timed = performance.now();
      expect((await send({ path: root, settings: { isActive: true }, cascade: true })).status).toBe(200);
      const changeMs = performance.now() - timed;

      const outcomes = { before: 0, after: 0 };
      for (let point = 0; point < SETTINGS_POINTS; point++) {
        // Many overrides and tags below what the change touches: tables and schemas overriding status and owners, tables tagged.
        for (let i = 0; i < OVERRIDES_PER_POINT; i++) {
          const table = [...root, ...pick(tables)];
          const target = random() < 0.8 ? table : [...root, pick(schemas)];
          const settings = random() < 0.6 ? { isActive: random() < 0.5 } : { dataOwners: owners(1), isActive: random() < 0.5 };
          expect((await send({ path: target, settings, cascade: false })).status).toBe(200);
          if (random() < 0.3) expect((await send({ path: table, column: '', tags: userTags(1) })).status).toBe(200);
        }
        const before = await governanceOf(reader, key, source.name);
        // A change that changes something, so that before and after tell apart.
        let change = drawChange(point);
        let expected = applyChange(before, change);
        while (same(expected, before)) expected = applyChange(before, (change = drawChange(point)));
        const dataSources = await dataSourceIdsOf(reader, key, source.name);
        const auditBefore = await governanceAudit();
        const what = `point ${point}: ${JSON.stringify(change)}`;

        const answered = send(change).catch(() => null);
        // The kill point: a seeded moment within the time a clean change takes, early ones likelier
        // (the store's commit comes early in the request; the answer's view is built after it).
        await new Promise((resolve) => setTimeout(resolve, random() ** 2 * changeMs));
        await server.kill();
        const answer = await answered;

        server = await start();
        const after = await governanceOf(reader, key, source.name);
        const outcome = same(after, before) ? 'before' : same(after, expected) ? 'after' : 'mixed';
        expect(outcome, `${what}: the overrides and tags are neither those before nor those after the change`).not.toBe('mixed');
        if (answer?.status === 200) expect(outcome, `${what}: answered 200, then lost`).toBe('after');
        outcomes[outcome as 'before' | 'after'] += 1;
        expect(effectiveOf(after.overrides), what).toEqual(effectiveOf((outcome === 'after' ? expected : before).overrides));
        expect(await governanceAudit(), `${what}: the audit log has the change exactly when the catalog does`).toBe(auditBefore + (outcome === 'after' ? 1 : 0));
        expect(await dataSourceIdsOf(reader, key, source.name), `${what}: data sources`).toEqual(dataSources);
      }
      // Both outcomes are legal; the log says where the kills fell.
      console.log(`[${kind}] settings and tag kills: ${outcomes.before} before the change committed, ${outcomes.after} after`);

      // The next sync converges: the source did not change, so neither do objects, overrides, user tags or data sources.
      const ofSource = async () => (await catalogOf(reader, key)).filter((o) => o.path.startsWith(`/${source.name}`));
      const catalog = await ofSource();
      const governance = await governanceOf(reader, key, source.name);
      const dataSources = await dataSourceIdsOf(reader, key, source.name);
      const crawled = await server.request('POST', `/data/crawl/${urlPath(key)}`, { forceRecursiveCrawl: true });
      expect(crawled.status).toBe(202);
      expect((await server.waitForJob(crawled.body.syncRunId)).state).toBe('completed');
      expect(await ofSource()).toEqual(catalog);
      expect(await governanceOf(reader, key, source.name)).toEqual(governance);
      expect(await dataSourceIdsOf(reader, key, source.name)).toEqual(dataSources);
    } finally {
      await server.stop();
      await cleanup();
    }
  }

  /**
   * SIGKILL during (1) `PUT /data/connection/{key}` switching a connection to another role's
   * username and password, at a seeded moment within the time a clean edit takes, and (2)
   * `warden secrets rotate` (key file mode), at a seeded moment after it wrote the next key.
   * Both roles must log in with their own password, so a username stored with the other's
   * password fails. After each kill (and, after an interrupted rotation, `warden secrets rotate`
   * run again, as the server's refusal to start says) every connection's secrets decrypt
   * with the key the server starts with: the connection test passes and a sync completes. No
   * password or key is in any output of any process, nor in any other file of the data directory.
   */
  async function killSecretChanges(kind: StoreKind): Promise<void> {
    const { source, role } = await createSource(SECRET_SCHEMAS, { passwordAuth: true });
    const roles = [role, await createCrawlRole(source, { passwordAuth: true })];
    const { dataDir, env, start, cleanup } = await crashStore(kind, { keyFile: true });
    const random = seededRandom(SEED + 20 + (kind === 'postgres' ? 1 : 0));
    const outputs: string[][] = [];
    const keys = Array.from({ length: SECRET_CONNECTIONS }, (_, i) => `Secret ${i}`);
    const keyTexts = new Set<string>();
    const started = async () => {
      const server = await start();
      outputs.push(server.output);
      keyTexts.add(readFileSync(join(dataDir, 'secret.key'), 'utf8'));
      return server;
    };
    /** Every connection's secrets open (its test logs in) and a sync completes: of one drawn connection, or of each with `all`. */
    const expectUsable = async (server: WardenProcess, what: string, all = false) => {
      for (const key of keys) {
        const tested = await server.request('POST', `/data/connection/${encodeURIComponent(key)}/test`);
        expect(tested.status, `${what}: ${key}: ${JSON.stringify(tested.body)}`).toBe(200);
      }
      for (const key of all ? keys : [pick(keys)]) {
        const crawled = await server.request('POST', `/data/crawl/${urlPath(key)}`, {});
        expect(crawled.status, `${what}: ${key}`).toBe(202);
        expect((await server.waitForJob(crawled.body.syncRunId)).state, `${what}: ${key}`).toBe('completed');
      }
    };
    let server = await started();
    try {
      for (const key of keys) {
        const registered = await server.request('POST', '/data/connection', { connectionKey: key, connection: connectionInput(source, role) });
        expect(registered.status, JSON.stringify(registered.body)).toBe(201);
        expect((await server.waitForJob(registered.body.syncRunId)).state).toBe('completed');
      }
      const edit = async (key: string) => {
        const current = (await server.request('GET', `/data/connection/${encodeURIComponent(key)}`)).body.connection.username;
        const next = roles.find((r) => r.name !== current)!;
        return server.request('PUT', `/data/connection/${encodeURIComponent(key)}`, { connection: { username: next.name, password: next.password } });
      };
      const timed = performance.now();
      expect((await edit(keys[0]!)).status).toBe(200);
      const editMs = performance.now() - timed;

      for (let point = 0; point < EDIT_POINTS; point++) {
        const answered = edit(pick(keys)).catch(() => null);
        await new Promise((resolve) => setTimeout(resolve, random() * editMs * 1.2));
        await server.kill();
        await answered;
        server = await started();
        await expectUsable(server, `edit point ${point}`);
      }

      const rotations = { none: 0, uncommitted: 0, committed: 0, done: 0 };
      for (let point = 0; point < ROTATION_POINTS; point++) {
        await server.stop();
        const keyBefore = readFileSync(join(dataDir, 'secret.key'), 'utf8');
        const rotate = runWardenCommand(env, ['secrets', 'rotate'], dataDir);
        outputs.push(rotate.output);
        const next = join(dataDir, 'secret.key.next');
        // The kill point: a seeded moment (up to 200 ms, early ones likelier) after the next key is on disk, just before the store transaction.
        await eventually(() => existsSync(next) || rotate.child.exitCode !== null || null, { interval: 1, timeout: 30_000, what: 'the rotation to write the next key' });
        await new Promise((resolve) => setTimeout(resolve, random() ** 2 * 200));
        await rotate.kill();
        if (existsSync(next)) keyTexts.add(readFileSync(next, 'utf8'));
        if (existsSync(next)) {
          // Interrupted (the server refuses to start then: test/cli/access-cli.test.ts): run again, as the refusal says.
          const again = runWardenCommand(env, ['secrets', 'rotate'], dataDir);
          outputs.push(again.output);
          expect(await again.exited, again.output.join('')).toBe(0);
          rotations[/interrupted rotation\s+finished/.test(again.output.join('')) ? 'committed' : 'uncommitted'] += 1;
        } else rotations[readFileSync(join(dataDir, 'secret.key'), 'utf8') === keyBefore ? 'none' : 'done'] += 1;
        server = await started();
        await expectUsable(server, `rotation point ${point}`);
      }
      // Where the kills fell: before the next key was used, in the transaction (rolled back), after its commit (finished by the next run), after the rename.
      console.log(`[${kind}] rotation kills: ${JSON.stringify(rotations)}`);
      await expectUsable(server, 'at the end', true);

      const secrets = new Map([...roles.map((r): [string, string] => [r.password, `the password of ${r.name}`]), ...[...keyTexts].filter((k) => k.trim() !== '').map((k): [string, string] => [k.trim(), 'a secret key'])]);
      const files = readdirSync(dataDir).filter((f) => !/^(warden\.db.*|secret\.key(\.next)?)$/.test(f));
      const written = new Map([...outputs.map((o, i): [string, string] => [`the output of process ${i}`, o.join('')]), ...files.map((f): [string, string] => [f, readFileSync(join(dataDir, f), 'utf8')])]);
      for (const [secret, what] of secrets) {
        for (const [where, text] of written) {
          const at = text.indexOf(secret);
          expect(at, `${what} in ${where}: …${text.slice(Math.max(0, at - 200), at)}[…]`).toBe(-1);
        }
      }
      expect([...written.values()].join('').length).toBeGreaterThan(0);
    } finally {
      await server.stop();
      await cleanup();
    }

    function pick<T>(items: readonly T[]): T {
      return items[Math.floor(random() * items.length)]!;
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
  const objects = await objectsWithPaths<Record<string, unknown> & { parent_id: number | null }>(
    reader,
    connectionKey,
    'o.kind, o.is_leaf, o.removed, o.stable_id, o.comment, o.columns_fingerprint',
  );
  const columns = await reader.rows<{ object_id: number; name: string; ordinal: number; type: string; nullable: number; default_value: string | null; comment: string | null }>(
    `select k.object_id, k.name, k.ordinal, k.type, k.nullable, k.default_value, k.comment
       from columns k join objects o on o.id = k.object_id join connections c on c.id = o.connection_id where c.connection_key = ?`,
    [connectionKey],
  );
  const columnsOf = new Map<number, unknown[]>();
  for (const column of [...columns].sort((a, b) => a.ordinal - b.ordinal)) {
    const list = columnsOf.get(Number(column.object_id)) ?? [];
    list.push([column.name, Number(column.ordinal), column.type, Number(column.nullable), column.default_value, column.comment]);
    columnsOf.set(Number(column.object_id), list);
  }
  return objects
    .filter((o) => o.parent_id !== null && Number(o.removed) === 0)
    .map((o) => ({ path: o.path, kind: o.kind, isLeaf: Number(o.is_leaf), stableId: o.stable_id, comment: o.comment, fingerprint: o.columns_fingerprint, columns: columnsOf.get(o.id) ?? [] }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

interface StoredOverrides {
  path: string;
  overrides: SettingOverrides;
}

/**
 * The rows of a connection's objects (`columns` of `objects o`) with their paths, the root's
 * being ''; with `within` (a database), the root and that database's subtree only: the test
 * server's other databases (other suites') come and go between syncs.
 */
async function objectsWithPaths<T extends object>(reader: StoreReader, connectionKey: string, columns: string, within?: string): Promise<(T & { id: number; path: string })[]> {
  const rows = await reader.rows<T & { id: number; parent_id: number | null; name: string }>(
    `select o.id, o.parent_id, o.name, ${columns} from objects o join connections c on c.id = o.connection_id where c.connection_key = ?`,
    [connectionKey],
  );
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  const pathOf = (id: number): string => {
    const row = byId.get(id)!;
    return row.parent_id === null ? '' : `${pathOf(Number(row.parent_id))}/${row.name}`;
  };
  const kept = (path: string) => within === undefined || path === '' || path === `/${within}` || path.startsWith(`/${within}/`);
  return rows.map((r) => ({ ...r, id: Number(r.id), path: pathOf(Number(r.id)) })).filter((r) => kept(r.path));
}

/** Every object's own overrides below a connection, by path, in path order (the root first). */
async function overridesOf(reader: StoreReader, connectionKey: string, within: string): Promise<StoredOverrides[]> {
  const rows = await objectsWithPaths<{ is_active: number | null; activate_new_children: number | null; data_owners_json: string | null }>(
    reader,
    connectionKey,
    'o.is_active, o.activate_new_children, o.data_owners_json',
    within,
  );
  const flag = (value: number | null) => (value === null ? null : Number(value) === 1);
  return rows
    .map((r) => ({
      path: r.path,
      overrides: { isActive: flag(r.is_active), activateNewChildren: flag(r.activate_new_children), dataOwners: r.data_owners_json === null ? null : JSON.parse(r.data_owners_json) },
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A governance change as the crash case sends it: settings (`PUT /data/settings`) or user tags (`POST /data/tags`, `column` '' for the object). */
type Change =
  | { path: string[]; settings: Partial<SettingOverrides>; cascade: boolean; tags?: undefined }
  | { path: string[]; column: string; tags: { name: string; value: string }[] };

interface StoredTag {
  path: string;
  column: string;
  name: string;
  value: string | null;
  source: string;
}

interface Governance {
  overrides: StoredOverrides[];
  tags: StoredTag[];
}

/** Overrides and tags below a connection (see {@link objectsWithPaths} for `within`), in a stable order. */
async function governanceOf(reader: StoreReader, connectionKey: string, within: string): Promise<Governance> {
  const paths = new Map((await objectsWithPaths(reader, connectionKey, '1 as one', within)).map((o) => [o.id, o.path]));
  const rows = await reader.rows<{ object_id: number; column_name: string; name: string; value: string | null; source: string }>(
    `select t.object_id, t.column_name, t.name, t.value, t.source from tags t join objects o on o.id = t.object_id join connections c on c.id = o.connection_id where c.connection_key = ?`,
    [connectionKey],
  );
  const tags = rows
    .filter((t) => paths.has(Number(t.object_id)))
    .map((t) => ({ path: paths.get(Number(t.object_id))!, column: t.column_name, name: t.name, value: t.value, source: t.source }))
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return { overrides: await overridesOf(reader, connectionKey, within), tags };
}

/** What `change` makes of `before`: the expected state after it committed. */
function applyChange(before: Governance, change: Change): Governance {
  const target = change.path.slice(1).map((name) => `/${name}`).join('');
  if (change.tags) {
    const tags = before.tags.map((t) => ({ ...t }));
    for (const tag of change.tags) {
      const found = tags.find((t) => t.path === target && t.column === change.column && t.source === 'user' && t.name === tag.name);
      if (found) found.value = tag.value;
      else tags.push({ path: target, column: change.column, name: tag.name, value: tag.value, source: 'user' });
    }
    return { overrides: before.overrides, tags: tags.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)) };
  }
  const { settings, cascade } = change;
  const cleared = Object.fromEntries(Object.keys(settings).map((k) => [k, null]));
  const overrides = before.overrides.map(({ path: at, overrides }) => {
    if (at === target) return { path: at, overrides: { ...overrides, ...settings } };
    if (cascade && at.startsWith(`${target}/`)) return { path: at, overrides: { ...overrides, ...cleared } };
    return { path: at, overrides };
  });
  return { overrides, tags: before.tags };
}

/** Every object's effective settings (its own and its ancestors' overrides resolved), by path. */
function effectiveOf(objects: StoredOverrides[]): Record<string, unknown> {
  const overrides = new Map(objects.map((o) => [o.path, o.overrides]));
  const chainOf = (path: string) => path.split('/').map((_, i, names) => overrides.get(names.slice(0, i + 1).join('/'))!);
  return Object.fromEntries(objects.map((o) => [o.path, resolveSettings(chainOf(o.path))]));
}

/** Data source ids below a connection, by object path. */
async function dataSourceIdsOf(reader: StoreReader, connectionKey: string, within: string): Promise<Record<string, number>> {
  const rows = await objectsWithPaths<{ data_source_id: number | null }>(reader, connectionKey, '(select d.id from data_sources d where d.object_id = o.id) as data_source_id', within);
  return Object.fromEntries(rows.filter((r) => r.data_source_id !== null).map((r) => [r.path, Number(r.data_source_id)]).sort());
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
