import { afterAll, beforeAll, expect, it } from 'vitest';
import { SettableClock } from '../../src/clock.js';
import type { LegacySourceInfo } from '../../src/services/legacy-source-service.js';
import { addUserWithKey, auditOf } from '../helpers/access-fixtures.js';
import { quoteIdent, sqlIn } from '../helpers/catalog-fixtures.js';
import { legacyMariadbSetup, legacyPostgresSetup, type LegacySetup } from '../helpers/legacy-fixtures.js';
import { account, MariadbTestContext, mariadbAdmin, mariadbServer, quoteName } from '../helpers/mariadb-server.js';
import { adminQuery, PostgresTestContext } from '../helpers/postgres-server.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** The remote side of one technology: DDL in the monitored schema and the unmonitored one, and cutting the user off. */
interface Remote {
  setup: LegacySetup;
  /** The monitored schema's name below the connection ([db, schema] or [db]). */
  monitored: string;
  sql(schema: 'monitored' | 'other', statement: (table: (name: string) => string) => string): Promise<void>;
  retype: (table: string) => string;
  lockOut(): Promise<void>;
  letIn(): Promise<void>;
}

/**
 * Schema monitoring (legacy-api.md §2.3, issue 11 item 3): new, dropped and changed tables
 * between detections, a failed crawl that disables and registers nothing, the nightly run by
 * the settable clock, who may run what. Both stores, real PostgreSQL and MariaDB sources, built
 * through the legacy API.
 */
describeEachStore(
  'schema monitoring',
  (kind) => {
    const pg = new PostgresTestContext();
    const maria = new MariadbTestContext();
    const clock = new SettableClock('2031-03-04T01:00:03Z');
    let server: TestServer;
    const store = () => server.server.container.catalogStore;
    const detect = (body: Record<string, unknown> = {}, apiKey?: string) => server.request('PUT', '/dataSource/detectRemoteChanges', body, apiKey === undefined ? {} : { apiKey });

    beforeAll(async () => {
      server = await startTestServer({}, { store: kind, clock });
    });
    afterAll(async () => {
      await server?.close();
      await pg.cleanup();
      await maria.cleanup();
    });

    /** The legacy data sources of the setup's hidden connections (those of its registered tables), by remote table name. */
    async function sources(setup: LegacySetup): Promise<Map<string, LegacySourceInfo>> {
      const { legacySources } = server.server.container;
      const connections = new Set<number>();
      for (const table of setup.tables) connections.add((await legacySources.describe(table.dataSourceId))!.connection.id);
      const all = (await Promise.all([...connections].map((id) => legacySources.sourcesOfConnection(id)))).flat();
      return new Map(all.map((s) => [s.remotePath.at(-1)!, s]));
    }
    const tagsOf = async (source: LegacySourceInfo) => (await store().tags.listFor(source.object.id)).map((t) => [t.column, t.name, t.source]);

    async function postgresRemote(): Promise<Remote> {
      const setup = await legacyPostgresSetup(server, pg, {
        schemas: { sales: ['orders', 'customers'], hr: [] },
        body: { schemaEvolution: { disabled: false, config: { nameTemplate: { nameFormat: 'pg <schema> <tablename>' } } } },
      });
      // hr is not monitored: its staff is registered with monitoring off, its payroll not at all.
      await sqlIn(setup.db, 'CREATE TABLE hr.staff (id int, name text)');
      await sqlIn(setup.db, 'CREATE TABLE hr.payroll (id int, name text)');
      const staff = await server.request('POST', '/pg/handler', { handler: { metadata: setup.metadata('hr', 'staff', { dataSourceName: `${setup.database} hr staff` }) }, schemaEvolution: { disabled: true } });
      expect(staff.status, JSON.stringify(staff.body)).toBe(200);
      await sqlIn(setup.db, 'CREATE SCHEMA brand_new');
      await sqlIn(setup.db, 'CREATE TABLE brand_new.never (id int)');
      return {
        setup,
        monitored: 'sales',
        sql: (schema, statement) => sqlIn(setup.db, statement((name) => `${schema === 'monitored' ? 'sales' : 'hr'}.${quoteIdent(name)}`)).then(() => undefined),
        retype: (table) => `ALTER TABLE ${table} ALTER COLUMN name TYPE varchar(20)`,
        lockOut: () => adminQuery('postgres', `ALTER ROLE ${quoteIdent(setup.role.name)} NOLOGIN`).then(() => undefined),
        letIn: () => adminQuery('postgres', `ALTER ROLE ${quoteIdent(setup.role.name)} LOGIN`).then(() => undefined),
      };
    }

    async function mariadbRemote(): Promise<Remote> {
      // MariaDB has no schemas: the database is the schema project's schema; a second database holds the unmonitored one.
      const setup = await legacyMariadbSetup(server, maria, {
        schemas: { any: ['orders', 'customers'] },
        body: { schemaEvolution: { disabled: false, config: { nameTemplate: { nameFormat: 'maria <schema> <tablename>' } } } },
      });
      const other = await maria.createDatabase();
      await mariadbAdmin(`CREATE TABLE ${quoteName(other)}.staff (id int, name text)`);
      await mariadbAdmin(`CREATE TABLE ${quoteName(other)}.payroll (id int, name text)`);
      await mariadbAdmin(`GRANT SELECT ON ${quoteName(other)}.* TO ${account(setup.user.name)}`);
      const staff = await server.request('POST', '/mariadb/handler', {
        handler: { metadata: { ...setup.metadata(other, 'staff'), database: other, dataSourceName: `${other} staff` } },
        schemaEvolution: { disabled: true },
      });
      expect(staff.status, JSON.stringify(staff.body)).toBe(200);
      setup.tables.push({ schema: other, table: 'staff', id: staff.body.id, dataSourceId: staff.body.dataSourceId, name: staff.body.name, schemaEvolutionId: staff.body.schemaEvolutionId });
      return {
        setup,
        monitored: setup.database,
        sql: (schema, statement) => mariadbAdmin(statement((name) => `${quoteName(schema === 'monitored' ? setup.database : other)}.${quoteName(name)}`)).then(() => undefined),
        retype: (table) => `ALTER TABLE ${table} MODIFY COLUMN name varchar(20)`,
        lockOut: () => mariadbAdmin(`ALTER USER ${account(setup.user.name)} ACCOUNT LOCK`).then(() => undefined),
        letIn: () => mariadbAdmin(`ALTER USER ${account(setup.user.name)} ACCOUNT UNLOCK`).then(() => undefined),
      };
    }

    it.each([
      ['PostgreSQL', postgresRemote],
      ['MariaDB', mariadbRemote],
    ] as const)('%s: new, dropped and changed tables between two detections; a failed crawl disables and registers nothing', async (_technology, remoteOf) => {
      const remote = await remoteOf();
      const { setup } = remote;
      const project = (await store().schemaProjects.findById(setup.table(remote.monitored, 'orders').schemaEvolutionId))!;
      expect(project.monitoring).toBe(true);

      // A first detection: nothing changed remotely, so nothing changes here.
      const first = await detect();
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(first.body.schemaDetection).toMatchObject({ warning: null });
      expect(first.body.columnDetection).toMatchObject({ warning: null });
      expect(first.body.schemaDetection.jobs.length).toBeGreaterThan(0);
      for (const id of [...first.body.schemaDetection.jobs, ...first.body.columnDetection.jobs]) {
        expect((await server.request('GET', `/jobs/${id}`)).body).toMatchObject({ state: 'completed', trigger: 'detection' });
      }
      expect([...(await sources(setup)).keys()].sort()).toEqual(['customers', 'orders', 'staff']);

      // Between two detections: a new table, a dropped one, an added column, a retyped one.
      await remote.sql('monitored', (t) => `CREATE TABLE ${t('returns')} (id int)`);
      await remote.sql('monitored', (t) => `DROP TABLE ${t('customers')}`);
      await remote.sql('monitored', (t) => `ALTER TABLE ${t('orders')} ADD COLUMN total int`);
      await remote.sql('other', (t) => remote.retype(t('staff')));
      await remote.sql('other', (t) => `CREATE TABLE ${t('unmonitored_new')} (id int)`);
      const second = await detect();
      expect(second.status, JSON.stringify(second.body)).toBe(200);
      expect(second.body).toMatchObject({ schemaDetection: { warning: null }, columnDetection: { warning: null } });
      const after = await sources(setup);
      // The new table of the monitored schema: a data source by the project's template, owned by the detection owner, tagged New.
      expect([...after.keys()].sort()).toEqual(['customers', 'orders', 'returns', 'staff']);
      const returns = after.get('returns')!;
      expect(returns).toMatchObject({ enabled: true, handler: { name: setup.prefix === 'pg' ? 'pg sales returns' : `maria ${setup.database} returns` }, schemaProject: { id: project.id } });
      expect(await tagsOf(returns)).toContainEqual([null, 'New', 'system']);
      const shown = await server.request('GET', `/dataSource/${returns.dataSourceId}`);
      expect(shown.body.settings.dataOwners).toMatchObject({ value: [{ type: 'user', name: 'admin' }] });
      // The dropped table's data source: disabled, not deleted.
      const customers = after.get('customers')!;
      expect(customers).toMatchObject({ enabled: false, dataSourceId: setup.table(remote.monitored, 'customers').dataSourceId });
      expect(customers.object.overrides.isActive).toBe(false);
      // Column changes: the dictionary follows and the changed columns get New.
      const orders = after.get('orders')!;
      expect((await store().columns.listFor(orders.object.id)).map((c) => c.name)).toEqual(['id', 'name', 'total']);
      expect(await tagsOf(orders)).toContainEqual(['total', 'New', 'system']);
      expect(await tagsOf(after.get('staff')!)).toContainEqual(['name', 'New', 'system']);
      // Known schemas only, and new tables only where monitoring is on.
      expect(after.has('unmonitored_new')).toBe(false);
      expect(after.has('payroll')).toBe(false);
      expect(after.has('never')).toBe(false);
      const audit = await auditOf(server, '&action=legacy.disabled');
      expect(audit.hits.find((h) => h.target === `dataSource:${customers.dataSourceId}`)).toMatchObject({ actor: 'system:schema-monitor' });

      // A failed crawl (the user may not sign in): a dropped table and a new one, and nothing follows.
      await remote.sql('monitored', (t) => `DROP TABLE ${t('orders')}`);
      await remote.sql('monitored', (t) => `CREATE TABLE ${t('late')} (id int)`);
      await remote.lockOut();
      try {
        const failed = await detect();
        expect(failed.status, JSON.stringify(failed.body)).toBe(200);
        expect(failed.body.schemaDetection.warning).toContain('nothing was disabled or registered');
        expect(failed.body.columnDetection.warning).toContain('nothing was disabled or registered');
        const still = await sources(setup);
        expect(still.get('orders')).toMatchObject({ enabled: true });
        expect(still.has('late')).toBe(false);
      } finally {
        await remote.letIn();
      }
      const recovered = await detect();
      expect(recovered.body).toMatchObject({ schemaDetection: { warning: null }, columnDetection: { warning: null } });
      const last = await sources(setup);
      expect(last.get('orders')).toMatchObject({ enabled: false });
      expect(last.get('late')).toMatchObject({ enabled: true });
    });

    it('MariaDB: a connection cut while the schema is listed (the test proxy) disables and registers nothing', async () => {
      const setup = await legacyMariadbSetup(server, maria, { schemas: { any: ['direct'] } });
      const proxy = await TcpProxy.start({ host: mariadbServer.host, port: mariadbServer.port });
      try {
        // Columns unlike fresh's: MariaDB has no stable ids, and a dropped table and a new one with the same columns are a rename to the engine.
        for (const table of ['kept', 'gone']) await mariadbAdmin(`CREATE TABLE ${quoteName(setup.database)}.${table} (id int, note text)`);
        const viaProxy = (table: string) => ({ metadata: setup.metadata(setup.database, table, { hostname: '127.0.0.1', port: proxy.port, dataSourceName: `${setup.database} proxied ${table}` }) });
        const registered = await server.request('POST', '/mariadb/handler', { handler: [viaProxy('kept'), viaProxy('gone')], schemaEvolution: { disabled: false } });
        expect(registered.status, JSON.stringify(registered.body)).toBe(200);
        const [kept, gone] = registered.body as { dataSourceId: number; schemaEvolutionId: number }[];
        await mariadbAdmin(`DROP TABLE ${quoteName(setup.database)}.gone`);
        await mariadbAdmin(`CREATE TABLE ${quoteName(setup.database)}.fresh (id int)`);
        const state = async () => {
          const all = await server.server.container.legacySources.sourcesOfConnection((await server.server.container.legacySources.describe(kept!.dataSourceId))!.connection.id);
          return Object.fromEntries(all.map((source) => [source.remotePath.at(-1), source.enabled]));
        };

        const cut = proxy.cutWhenClientSends('information_schema.COLUMNS');
        const cutRun = await detect({ schemaEvolutionId: kept!.schemaEvolutionId });
        await cut;
        expect(cutRun.status, JSON.stringify(cutRun.body)).toBe(200);
        expect(cutRun.body.schemaDetection.warning).toContain('nothing was disabled or registered');
        expect(await state()).toEqual({ kept: true, gone: true });

        const whole = await detect({ schemaEvolutionId: gone!.schemaEvolutionId });
        expect(whole.body.schemaDetection).toMatchObject({ warning: null });
        // The fixture's own table is in this schema too; registered on its own hidden connection, it is no data source of this one yet.
        expect(await state()).toEqual({ kept: true, gone: false, fresh: true, direct: true });
      } finally {
        await proxy.close();
      }
    });

    it('runs nightly with the sync schedule (the settable clock, no waiting), as Warden itself', async () => {
      const setup = await legacyPostgresSetup(server, pg, { schemas: { nightly: ['first'] }, body: { schemaEvolution: { disabled: false } } });
      await sqlIn(setup.db, `CREATE TABLE nightly.second (id int)`);
      clock.advance(86_400_000);
      await server.server.container.scheduler.tick();
      const second = (await sources(setup)).get('second');
      expect(second).toMatchObject({ enabled: true, handler: { name: 'nightly_second' } });
      const runs = await store().syncRuns.search({ offset: 0, size: 1000 });
      expect(runs.hits.filter((r) => r.trigger === 'detection' && r.requestedBy === 'system:schedule' && r.createdAt === clock.nowIso()).length).toBeGreaterThan(0);
    });

    it('lets owners detect their own data sources only, and answers bad selections with 4xx that change nothing', async () => {
      const watcherKey = await addUserWithKey(server, 'watcher');
      const setup = await legacyPostgresSetup(server, pg, { schemas: { watched: ['mine', 'theirs'] }, body: { schemaEvolution: { disabled: false } } });
      await sqlIn(setup.db, 'CREATE TABLE watched.own (id int)');
      const registered = await server.request('POST', '/pg/handler', {
        dataSource: { owner: { profiles: ['watcher'] } },
        handler: { metadata: setup.metadata('watched', 'own', { dataSourceName: `${setup.database} own` }) },
      });
      expect(registered.status, JSON.stringify(registered.body)).toBe(200);
      const runsBefore = (await store().syncRuns.search({ offset: 0, size: 1 })).count;

      expect((await detect({}, watcherKey)).body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
      expect((await detect({ dataSourceIds: [setup.table('watched', 'mine').dataSourceId] }, watcherKey)).body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
      expect((await detect({ schemaEvolutionId: 999_999 })).body).toMatchObject({ statusCode: 404, code: 'SCHEMA_PROJECT_NOT_FOUND' });
      expect((await detect({ dataSourceIds: [999_999] })).body).toMatchObject({ statusCode: 404, code: 'DATA_SOURCE_NOT_FOUND' });
      expect((await detect({ port: 'x' })).status).toBe(400);
      expect((await detect({ unknown: 1 })).status).toBe(400);
      expect((await store().syncRuns.search({ offset: 0, size: 1 })).count).toBe(runsBefore);

      // By schema project, as its owner: column detection of the owner's own table only; no new-table detection.
      const own = await detect({ schemaEvolutionId: registered.body.schemaEvolutionId }, watcherKey);
      expect(own.status, JSON.stringify(own.body)).toBe(200);
      expect(own.body.schemaDetection.jobs).toEqual([]);
      expect(own.body.schemaDetection.warning).toContain('needs APPLICATION_ADMIN or GOVERNANCE');
      expect(own.body.columnDetection.jobs).toHaveLength(1);
      expect(own.body.columnDetection.warning).toContain('2 selected data source(s) you do not own');
      const job = await server.request('GET', `/jobs/${own.body.columnDetection.jobs[0]}`, undefined, { apiKey: watcherKey });
      expect(job.body).toMatchObject({ state: 'completed', trigger: 'detection' });

      // By host and table, as the administrator: that table's column detection.
      const byTable = await detect({ hostname: setup.metadata('watched', 'mine').hostname, database: setup.database, table: 'mine' });
      expect(byTable.body.schemaDetection.jobs).toEqual([]);
      expect(byTable.body.columnDetection.jobs).toHaveLength(1);
    });
  },
  { needs: ['PostgreSQL', 'MariaDB'] },
);
