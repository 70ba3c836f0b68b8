import { randomBytes } from 'node:crypto';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionInput, grantCrawlAccess, sqlIn } from '../helpers/catalog-fixtures.js';
import { adminQuery, PostgresTestContext, withAdminClient, type TestDatabase, type TestRole } from '../helpers/postgres-server.js';
import { createStoreDatabase } from '../helpers/store-kinds.js';
import { startWardenProcess, type WardenProcess } from '../helpers/warden-process.js';
import { eventually } from '../helpers/polling.js';
import { describeIfServer } from '../helpers/server-availability.js';

/** Two real `warden serve` processes on one PostgreSQL store. */
describeIfServer(['PostgreSQL'], 'two server processes on one PostgreSQL store', () => {
  const pg = new PostgresTestContext();
  let store: Awaited<ReturnType<typeof createStoreDatabase>>;
  let source: TestDatabase;
  let role: TestRole;
  const started: WardenProcess[] = [];
  const env = (extra: Record<string, string> = {}) => ({
    WARDEN_DATABASE_URL: store.url,
    WARDEN_ADMIN_API_KEY: adminKey,
    WARDEN_SECRET_KEY: secretKey,
    WARDEN_SYNC_LEASE_MS: '3000',
    ...extra,
  });
  const adminKey = `wdn_${randomBytes(24).toString('base64url')}`;
  const secretKey = randomBytes(32).toString('base64');
  const start = async (extra: Record<string, string> = {}) => {
    const processes = await Promise.all([startWardenProcess(env(extra)), startWardenProcess(env(extra))]);
    started.push(...processes);
    return processes;
  };
  const storeRows = <T extends object>(text: string, values: unknown[] = []) => adminQuery<T>(new URL(store.url).pathname.slice(1), text, values);
  const register = async (server: WardenProcess, connectionKey: string) => {
    const response = await server.request('POST', '/data/connection', { connectionKey, connection: connectionInput(source, role), settings: { isActive: true } });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return server.waitForJob(response.body.syncRunId);
  };
  const runsOf = async (connectionKey: string) =>
    storeRows<{ id: string; trigger: string; state: string; failure_message: string | null }>(
      `select r.id, r.trigger, r.state, r.failure_message from sync_runs r join connections c on c.id = r.connection_id where c.connection_key = $1 order by r.created_at`,
      [connectionKey],
    );

  beforeAll(async () => {
    store = await createStoreDatabase();
    source = await pg.createDatabase({ seed: 'many-schemas.sql' });
    role = await pg.createRole({ connect: [source.name] });
    await grantCrawlAccess(source.name, role);
  });
  afterAll(async () => {
    await Promise.all(started.map((p) => p.stop()));
    await store?.cleanup();
    await pg.cleanup();
  });

  describe('serving together', () => {
    let a: WardenProcess;
    let b: WardenProcess;
    beforeAll(async () => {
      [a, b] = await start();
    });
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
    });

    it('both serve the API and see each other\'s writes at once', async () => {
      expect((await register(a, 'Shared')).state).toBe('completed');
      expect((await b.request('GET', '/data/connection/Shared')).status).toBe(200);
      const user = await b.request('POST', '/users', { name: 'ann', permissions: ['GOVERNANCE'] });
      expect(user.status, JSON.stringify(user.body)).toBe(201);
      expect((await a.request('GET', '/users/ann')).body).toMatchObject({ name: 'ann' });
      const table = `Shared/${source.name}/s1/t01`;
      expect((await a.request('PUT', `/data/settings/${table}`, { settings: { isActive: false } })).status).toBe(200);
      expect((await b.request('GET', `/data/object/${table}`)).body.state).toBe('inactive');
    });

    it('runs a crawl requested on each at the same moment once', async () => {
      const before = (await runsOf('Shared')).length;
      await withAdminClient(source.name, async (locker) => {
        // A forced sync held mid-crawl (column reads wait on this lock) keeps the next one queued,
        // so both requests below find it queued whichever process claims first: one queues, one joins.
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE pg_catalog.pg_attrdef IN ACCESS EXCLUSIVE MODE');
        let ahead = '';
        try {
          ahead = (await a.request('POST', '/data/crawl/Shared', { forceRecursiveCrawl: true })).body.syncRunId;
          await eventually(async () => (await runsOf('Shared')).find((r) => r.id === ahead && r.state === 'active'), { timeout: 20_000, interval: 50, what: 'the held sync to start' });
          const [fromA, fromB] = await Promise.all([a.request('POST', '/data/crawl/Shared', {}), b.request('POST', '/data/crawl/Shared', {})]);
          expect([fromA.status, fromB.status]).toEqual([202, 202]);
          expect(fromA.body.syncRunId).toBe(fromB.body.syncRunId);
          expect([fromA.body.joined, fromB.body.joined].sort()).toEqual([false, true]);
          await locker.query('COMMIT');
          expect((await a.waitForJob(ahead)).state).toBe('completed');
          expect((await a.waitForJob(fromA.body.syncRunId)).state).toBe('completed');
        } finally {
          await locker.query('ROLLBACK').catch(() => undefined);
        }
      });
      expect((await runsOf('Shared')).length).toBe(before + 2);
    });

    it('recovers from a worker killed with SIGKILL mid-sync: run failed by lease expiry, next sync complete, catalog as a clean sync\'s', async () => {
      await register(a, 'Killed');
      // Work for the next sync: a new schema, a dropped table, a retyped column.
      await sqlIn(source, 'CREATE SCHEMA s7; CREATE TABLE s7.fresh (id int); DROP TABLE s2.t05; ALTER TABLE s3.t01 ALTER COLUMN name TYPE text');
      await grantCrawlAccess(source.name, role);
      let runId = '';
      let victim: WardenProcess | undefined;
      await withAdminClient(source.name, async (locker) => {
        // Column reads wait on this lock: the sync stays in the middle of its crawl.
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE pg_catalog.pg_attrdef IN ACCESS EXCLUSIVE MODE');
        try {
          const crawl = await a.request('POST', '/data/crawl/Killed', { forceRecursiveCrawl: true });
          expect(crawl.status, JSON.stringify(crawl.body)).toBe(202);
          runId = crawl.body.syncRunId;
          const owner = await eventually(async () => (await storeRows<{ lease_owner: string | null }>('select lease_owner from sync_runs where id = $1', [runId]))[0]?.lease_owner, { timeout: 20_000, interval: 100 });
          victim = [a, b].find((p) => p.workerId === owner)!;
          expect(victim).toBeDefined();
          victim.child.kill('SIGKILL');
          await new Promise((resolve) => victim!.child.once('exit', resolve));
        } finally {
          await locker.query('ROLLBACK');
        }
      });
      const survivor = victim === a ? b : a;
      const failed = await survivor.waitForJob(runId, 20_000);
      expect(failed).toMatchObject({ state: 'failed' });
      expect(failed.failureMessage).toMatch(/Abandoned.*lease/);
      const next = await survivor.request('POST', '/data/crawl/Killed', {});
      expect((await survivor.waitForJob(next.body.syncRunId)).state).toBe('completed');

      expect((await register(survivor, 'Clean')).state).toBe('completed');
      const [killed, clean] = [await catalogRows('Killed'), await catalogRows('Clean')];
      expect(killed.length).toBeGreaterThan(120);
      expect(killed).toEqual(clean);
    });

    /** Every object below the connection, row by row: path, kind, flags, comment, fingerprint, dictionary. */
    async function catalogRows(connectionKey: string) {
      const rows = await storeRows<Record<string, unknown>>(
        `with recursive t(id, path) as (
           select o.id, '' from objects o join connections c on c.id = o.connection_id where c.connection_key = $1 and o.parent_id is null
           union all
           select o.id, t.path || '/' || o.name from objects o join t on o.parent_id = t.id)
         select t.path, o.kind, o.is_leaf, o.removed, o.stable_id, o.comment, o.columns_fingerprint,
           (select json_agg(json_build_array(c.name, c.ordinal, c.type, c.nullable, c.default_value, c.comment) order by c.ordinal)
              from columns c where c.object_id = o.id) as columns
         from t join objects o on o.id = t.id where t.path <> '' and o.removed = 0 order by t.path collate "C"`,
        [connectionKey],
      );
      return rows;
    }
  });

  describe('the schedule', () => {
    it('is kept once, and a due time fires once while both processes run', async () => {
      // A schedule that does not fire while the test runs; the test sends the due time itself.
      const [a] = await start({ WARDEN_SYNC_SCHEDULE: '0 0 1 1 *' });
      await register(a!, 'Scheduled');
      const schedules = await storeRows<{ name: string; cron: string }>('select name, cron from pgboss.schedule');
      expect(schedules).toEqual([{ name: 'warden-sync-schedule', cron: '0 0 1 1 *' }]);
      // The same due time twice (two processes' firings, or a retry): both jobs run, one sync per connection.
      const dueAt = new Date().toISOString();
      const boss = new PgBoss({ connectionString: store.url, supervise: false, schedule: false, max: 1 });
      await boss.start();
      let jobIds: string[];
      try {
        jobIds = (await Promise.all([boss.send('warden-sync-schedule', { dueAt }), boss.send('warden-sync-schedule', { dueAt })])) as string[];
      } finally {
        await boss.stop({ graceful: false, wait: true });
      }
      await eventually(
        async () => {
          const jobs = await storeRows<{ state: string }>('select state from pgboss.job where id = any($1::uuid[])', [jobIds]);
          return jobs.length === 2 && jobs.every((j) => j.state === 'completed') ? true : null;
        },
        { timeout: 20_000, interval: 100, what: 'both schedule jobs completed' },
      );
      const scheduled = (await runsOf('Scheduled')).filter((r) => r.trigger === 'schedule');
      expect(scheduled).toHaveLength(1);
      await a!.waitForJob(scheduled[0]!.id);
      const perConnection = await storeRows<{ n: number }>(`select count(*)::int as n from sync_runs where trigger = 'schedule' and created_at >= $1 group by connection_id`, [dueAt]);
      expect(perConnection.length).toBeGreaterThan(0);
      expect(perConnection.every((r) => r.n === 1)).toBe(true);
    });
  });
});
