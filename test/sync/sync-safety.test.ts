import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachStore } from '../helpers/store-kinds.js';
import { registerTestConnection, sqlIn } from '../helpers/catalog-fixtures.js';
import {
  adminQuery,
  PostgresTestContext,
  quoteIdent,
  terminateSessions,
  withAdminClient,
  type TestDatabase,
} from '../helpers/postgres-server.js';
import { urlPath, useServerWithPostgres, type TestServer } from '../helpers/test-server.js';

/** A flaky network or a failing database must never delete a data source. */
describeEachStore('sync safety', (kind) => {
  const suite = useServerWithPostgres(() => new PostgresTestContext(), kind);
  const pg = suite.pg;
  let server: TestServer;
  beforeAll(() => {
    server = suite.server();
  });

  const startSync = async (...path: string[]) => {
    const started = await server.request('POST', `/data/crawl/${urlPath(...path)}`, {});
    expect(started.status).toBe(202);
    return started.body.syncRunId as string;
  };
  const dataSources = async (key: string) =>
    (await server.request('GET', `/dataSource?size=1000&connectionKey=${encodeURIComponent(key)}`)).body.hits.map((h: any) => h.name).sort();

  describe('a database whose crawl fails', () => {
    const key = 'Two Databases';
    let first: TestDatabase;
    let second: TestDatabase;

    beforeAll(async () => {
      const registered = await registerTestConnection(server, pg, {
        connectionKey: key,
        seed: 'many-schemas.sql',
        // The second database appears after the first sync: it must arrive enabled too.
        settings: { isActive: true, activateNewChildren: true },
      });
      first = registered.db;
      second = await pg.createDatabase({ seed: 'many-schemas.sql' });
      await adminQuery('postgres', `GRANT CONNECT ON DATABASE ${quoteIdent(second.name)} TO ${quoteIdent(registered.role.name)}`);
      await adminQuery(
        second.name,
        `DO $$ DECLARE s text; BEGIN FOR s IN SELECT nspname FROM pg_namespace WHERE nspname ~ '^s[0-9]$' LOOP
           EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${registered.role.name}', s);
           EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO ${registered.role.name}', s);
         END LOOP; END $$`,
      );
      const job = await server.waitForJob(await startSync(key));
      expect(job.state).toBe('completed');
    });

    it('reports the failing database as not crawled and removes nothing; the next clean sync completes', async () => {
      const before = await dataSources(key);
      expect(before.filter((name: string) => name.includes(second.name))).toHaveLength(120);
      // Every catalog query of a non-superuser in that database now fails with 42501.
      await adminQuery(second.name, 'REVOKE SELECT ON pg_catalog.pg_namespace FROM PUBLIC');
      try {
        const failed = await server.waitForJob(await startSync(key));
        expect(failed.state).toBe('completed');
        expect(failed.counts.removed).toBe(0);
        expect(failed.errors).toEqual([expect.objectContaining({ objectPath: [key, second.name], code: 'PERMISSION_DENIED' })]);
        expect(await dataSources(key)).toEqual(before);
      } finally {
        await adminQuery(second.name, 'GRANT SELECT ON pg_catalog.pg_namespace TO PUBLIC');
      }
      const clean = await server.waitForJob(await startSync(key));
      expect(clean).toMatchObject({ state: 'completed', errors: [] });
      expect(clean.counts).toMatchObject({ added: 0, removed: 0, changed: 0 });
      expect(await dataSources(key)).toEqual(before);
    });

    it('leaves the catalog as it was when the connection is cut in the middle of a crawl', async () => {
      const before = await dataSources(key);
      // Hold the columns query of the first database on a lock, cut the crawler's session while
      // it waits, then release: the crawl cannot finish reading that database's schemas.
      await withAdminClient(first.name, async (locker) => {
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE pg_catalog.pg_attrdef IN ACCESS EXCLUSIVE MODE');
        try {
          const runId = await startSync(key, first.name);
          await expect
            .poll(
              async () =>
                (
                  await adminQuery<{ n: number }>(
                    'postgres',
                    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'warden' AND datname = $1 AND wait_event_type = 'Lock'`,
                    [first.name],
                  )
                )[0]!.n,
              { timeout: 15_000, interval: 20 },
            )
            .toBeGreaterThan(0);
          expect(await terminateSessions('warden', first.name)).toBeGreaterThan(0);
          await locker.query('ROLLBACK');
          const cut = await server.waitForJob(runId);
          expect(cut.counts.removed).toBe(0);
          expect(cut.errors.length).toBeGreaterThan(0);
          for (const error of cut.errors) {
            expect(error.code).toBe('CONNECTION_LOST');
            expect(error.objectPath.slice(0, 2)).toEqual([key, first.name]);
          }
        } finally {
          await locker.query('ROLLBACK').catch(() => {});
        }
      });
      expect(await dataSources(key)).toEqual(before);
      const next = await server.waitForJob(await startSync(key, first.name));
      expect(next).toMatchObject({ state: 'completed', errors: [] });
      expect(next.counts).toMatchObject({ removed: 0, added: 0 });
    });

    it('marks tables removed only when the complete listing says so', async () => {
      await sqlIn(first, 'DROP TABLE s1.t01');
      const job = await server.waitForJob(await startSync(key, first.name, 's1'));
      expect(job.counts.removed).toBe(1);
      expect(await dataSources(key)).not.toContain(`${key}.${first.name}.s1.t01`);
    });
  });

  describe('one sync at a time per subtree', () => {
    const key = 'Serial';

    it('joins a queued sync that covers the request, and queues an overlapping one behind the running one', async () => {
      const { db } = await registerTestConnection(server, pg, { connectionKey: key, seed: 'many-schemas.sql', settings: { isActive: true } });
      await withAdminClient(db.name, async (locker) => {
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE pg_catalog.pg_attrdef IN ACCESS EXCLUSIVE MODE');
        const running = await startSync(key);
        await expect.poll(async () => (await server.request('GET', `/jobs/${running}`)).body.state, { timeout: 15_000, interval: 20 }).toBe('active');
        const queued = await startSync(key, db.name);
        const joined = await server.request('POST', `/data/crawl/${urlPath(key, db.name, 's1')}`, {});
        expect(joined.body).toMatchObject({ syncRunId: queued, joined: true });
        expect((await server.request('GET', `/jobs/${queued}`)).body.state).toBe('created');
        await locker.query('ROLLBACK');
        const [first, second] = [await server.waitForJob(running), await server.waitForJob(queued)];
        expect(first.state).toBe('completed');
        expect(second.state).toBe('completed');
        expect(Date.parse(second.startedAt)).toBeGreaterThanOrEqual(Date.parse(first.finishedAt));
      });
    });
  });
}, { needs: ['PostgreSQL'] });
