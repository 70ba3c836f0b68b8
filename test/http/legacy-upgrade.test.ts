import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { systemActor } from '../../src/services/actor.js';
import { addUserWithKey } from '../helpers/access-fixtures.js';
import { grantCrawlAccess, quoteIdent, sqlIn } from '../helpers/catalog-fixtures.js';
import { legacyMariadbSetup, legacyPostgresSetup, type LegacySetup } from '../helpers/legacy-fixtures.js';
import { disableSource, integrationOf, registerTables, sourceState, tagSource, upgradeWhilePolling, type SourceState } from '../helpers/legacy-upgrade-fixtures.js';
import { account, MariadbTestContext, mariadbAdmin, mariadbServer, quoteName } from '../helpers/mariadb-server.js';
import { adminQuery, adminServer, PostgresTestContext } from '../helpers/postgres-server.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * POST /integrations/{id}/upgrade (issue 11): a legacy setup built through the legacy API on a
 * real source, a dry run, the upgrade while every enabled data source is polled, and the
 * data sources compared before and after, table by table.
 */
describeEachStore(
  'upgrade from integrations to a connection',
  (kind) => {
    const pg = new PostgresTestContext();
    const maria = new MariadbTestContext();
    let server: TestServer;
    const store = () => server.server.container.catalogStore;

    // A server per test: after an upgrade, the host's legacy registrations are blocked (it is the connection's).
    beforeEach(async () => {
      server = await startTestServer({}, { store: kind });
      await addUserWithKey(server, 'alice');
    });
    afterEach(async () => {
      await server?.close();
    });
    afterAll(async () => {
      await pg.cleanup();
      await maria.cleanup();
    }, 120_000);

    const register = (setup: LegacySetup, tables: Parameters<typeof registerTables>[2], body?: Record<string, unknown>) => registerTables(server, setup, tables, body);
    const disable = (id: number) => disableSource(server, id);
    const tag = (id: number, name: string) => tagSource(server, id, name);

    it('PostgreSQL: three schema projects (monitoring on, off, on with a disabled source), owners, tags, a duplicate — dry run, upgrade, before and after', { timeout: 180_000 }, async () => {
      const owner = { dataSource: { owner: { profiles: ['alice'] } } };
      const setup = await legacyPostgresSetup(server, pg, {
        schemas: { mon: ['m1', 'm2'] },
        name: (schema, table) => `pg ${kind} ${schema} ${table}`,
        body: { ...owner, schemaEvolution: { disabled: false } },
      });
      const { db, role } = setup;
      await sqlIn(db, 'CREATE SCHEMA off; CREATE TABLE off.o1 (id int); CREATE TABLE off.o2 (id int); CREATE TABLE off.o3 (id int)');
      await sqlIn(db, 'CREATE SCHEMA mixed; CREATE TABLE mixed.x1 (id int); CREATE TABLE mixed.x2 (id int); CREATE TABLE mixed.x3 (id int); CREATE TABLE mon.m3 (id int)');
      await grantCrawlAccess(db.name, role);
      const name = (schema: string, table: string) => `pg ${kind} ${schema} ${table}`;
      const off = await register(setup, [{ schema: 'off', table: 'o1', name: name('off', 'o1') }, { schema: 'off', table: 'o2', name: name('off', 'o2') }], owner);
      const mixed = await register(setup, [{ schema: 'mixed', table: 'x1', name: name('mixed', 'x1') }, { schema: 'mixed', table: 'x2', name: name('mixed', 'x2') }], { schemaEvolution: { disabled: false } });
      // The duplicate: off.o1 once more, registered with another user's credentials (another connection string).
      const other = await pg.createRole({ connect: [db.name] });
      await grantCrawlAccess(db.name, other);
      const [duplicate] = await register(setup, [{ schema: 'off', table: 'o1', name: name('off', 'o1 again'), extra: { username: other.name, password: other.password } }]);
      // A V2 declaration (POST /api/v2/data) of the same database and credentials: it belongs to the integration too.
      await sqlIn(db, 'CREATE SCHEMA vtwo; CREATE TABLE vtwo.v1 (id int)');
      await grantCrawlAccess(db.name, role);
      const v2Key = `v2 ${kind}`;
      const v2Connection = { handler: 'PostgreSQL', hostname: adminServer.host, port: adminServer.port, database: db.name, username: role.name, password: role.password, tls: { mode: 'disable' }, ssl: false };
      const declared = await server.request('POST', '/api/v2/data', { connectionKey: v2Key, connection: v2Connection, owners: [{ type: 'user', name: 'alice' }], sources: [{ schema: 'vtwo', table: 'v1', naming: { datasource: name('vtwo', 'v1') } }] });
      expect(declared.status, JSON.stringify(declared.body)).toBe(200);
      const [v2Source] = await server.server.container.legacySources.sourcesOfV2Key(v2Key);
      const ids = {
        m1: setup.table('mon', 'm1').dataSourceId,
        m2: setup.table('mon', 'm2').dataSourceId,
        o1: off[0]!.dataSourceId,
        o2: off[1]!.dataSourceId,
        x1: mixed[0]!.dataSourceId,
        x2: mixed[1]!.dataSourceId,
        dup: duplicate!.dataSourceId,
        v1: v2Source!.dataSourceId,
      };
      await tag(ids.m1, 'Legacy.Kept');
      await tag(ids.x2, 'Legacy.Disabled');
      await tag(ids.v1, 'Legacy.V2');
      await disable(ids.x2);
      const integrationId = await integrationOf(server, 'PostgreSQL', setup.metadata('mon', 'm1'));
      const key = `Upgraded ${kind}`;
      const before = new Map<number, SourceState>();
      for (const id of Object.values(ids)) before.set(id, (await sourceState(server, id))!);
      expect(before.get(ids.x2)!.state).toBe('inactive');

      // The dry run: the plan, and nothing changed.
      const counts = async () => ({
        connections: (await store().store.db.selectFrom('connections').select('id').execute()).length,
        objects: (await store().store.db.selectFrom('objects').select('id').execute()).length,
        handlers: (await store().store.db.selectFrom('legacy_handlers').select('id').execute()).length,
        upgrades: (await store().store.db.selectFrom('integration_upgrades').select('id').execute()).length,
      });
      const unchanged = await counts();
      const plan = await server.request('POST', `/integrations/${integrationId}/upgrade`, { connectionKey: key, dryRun: true });
      expect(plan.status, JSON.stringify(plan.body)).toBe(200);
      expect(await counts()).toEqual(unchanged);
      expect(plan.body).toMatchObject({ dryRun: true, connectionKey: key, refused: false });
      const planned = new Map((plan.body.dataSources as { dataSourceId: number; newName: string; upgraded: boolean }[]).map((p) => [p.dataSourceId, p]));
      expect(planned.get(ids.m1)).toMatchObject({ newName: `${key}.${db.name}.mon.m1`, upgraded: true, enabled: true, schemaMonitoring: true });
      expect(planned.get(ids.x2)).toMatchObject({ newName: `${key}.${db.name}.mixed.x2`, upgraded: true, enabled: false });
      expect(planned.get(ids.dup)).toMatchObject({ upgraded: false, notUpgraded: { reason: 'uniquenessViolation', dataSourceId: ids.dup, remotePath: [db.name, 'off', 'o1'] } });
      expect(planned.get(ids.v1)).toMatchObject({ newName: `${key}.${db.name}.vtwo.v1`, upgraded: true, enabled: true });
      expect(plan.body.notUpgraded).toHaveLength(1);
      const schemas = Object.fromEntries((plan.body.schemas as { path: string[] }[]).filter((s) => s.path[0] === db.name).map((s) => [s.path[1], s]));
      expect(schemas.mon).toMatchObject({ monitoring: 'on', visibleTables: 3, upgradedDataSources: 2, newObjectsEnabled: 1, newObjectsDisabled: 0 });
      expect(schemas.off).toMatchObject({ monitoring: 'off', visibleTables: 3, upgradedDataSources: 2, newObjectsEnabled: 0, newObjectsDisabled: 1 });
      expect(schemas.mixed).toMatchObject({ monitoring: 'on', visibleTables: 3, upgradedDataSources: 2, newObjectsEnabled: 1 });

      // The upgrade, every enabled data source polled throughout.
      const enabled = Object.values(ids).filter((id) => before.get(id)!.state === 'active');
      const { upgrade, polls } = await upgradeWhilePolling(server, integrationId, { connectionKey: key }, enabled);
      expect(upgrade.status, JSON.stringify(upgrade.body)).toBe(200);
      expect(polls).toBeGreaterThan(enabled.length);
      expect(upgrade.body).toMatchObject({ state: 'partiallyComplete', phase: 'done', connectionKey: key, total: 8, upgraded: 7 });
      expect(upgrade.body.notUpgraded).toEqual([
        { dataSourceId: ids.dup, name: name('off', 'o1 again'), remotePath: [db.name, 'off', 'o1'], reason: 'uniquenessViolation', suggestedAction: expect.stringContaining(`DELETE /dataSource/${ids.dup}`) },
      ]);
      expect((await server.request('GET', `/integrations/${integrationId}/upgrade`)).body).toMatchObject({ state: 'partiallyComplete', upgraded: 7 });

      // Table by table: same ids, owners, tags and status; generated names.
      const after = async (id: number) => (await sourceState(server, id))!;
      for (const [table, id] of Object.entries(ids).filter(([t]) => t !== 'dup')) {
        const [schema] = { m: ['mon'], o: ['off'], x: ['mixed'], v: ['vtwo'] }[table[0] as 'm' | 'o' | 'x' | 'v'];
        const now = await after(id);
        expect(now.objectPath, table).toEqual([key, db.name, schema, table]);
        expect(now.state, table).toBe(before.get(id)!.state);
        expect(now.owners, table).toEqual(before.get(id)!.owners);
        expect(now.userTags, table).toEqual(before.get(id)!.userTags);
        if (now.state === 'active') expect(now.name).toBe(`${key}.${db.name}.${schema}.${table}`);
      }
      expect((await after(ids.m1)).owners).toEqual([{ type: 'user', name: 'alice' }]);
      expect((await after(ids.m1)).userTags).toEqual(['Legacy.Kept']);
      expect(await after(ids.v1)).toMatchObject({ state: 'active', owners: [{ type: 'user', name: 'alice' }], userTags: ['Legacy.V2'] });
      expect(await server.server.container.legacySources.sourcesOfV2Key(v2Key)).toEqual([]);
      expect(await after(ids.dup)).toEqual(before.get(ids.dup));
      // Tables that were not data sources: enabled under monitoring on, disabled under off; the connection itself disabled.
      const object = async (...path: string[]) => (await server.request('GET', `/data/object?objectPath=${encodeURIComponent(JSON.stringify([key, ...path]))}`)).body;
      expect((await object(db.name, 'mon', 'm3')).state).toBe('active');
      expect((await object(db.name, 'mixed', 'x3')).state).toBe('active');
      expect((await object(db.name, 'off', 'o3')).state).toBe('inactive');
      expect((await object()).state).toBe('inactive');
      // Old names find nothing; the legacy rows of the upgraded sources are gone.
      expect((await server.request('GET', `/dataSource?searchText=${encodeURIComponent(name('mon', 'm1'))}`)).body.count).toBe(0);
      expect(await store().legacyHandlers.findByDataSourceId(ids.m1)).toBeUndefined();
      expect(await store().legacyHandlers.findByDataSourceId(ids.dup)).toBeDefined();
      expect(await store().schemaProjects.findById(setup.table('mon', 'm1').schemaEvolutionId)).toBeUndefined();
      expect(await store().connections.findHidden('PostgreSQL', setup.connectionString)).toBeUndefined();

      // Object sync from now on: a new table of a monitored schema arrives enabled, of an unmonitored one disabled.
      await sqlIn(db, 'CREATE TABLE mon.m4 (id int); CREATE TABLE off.o4 (id int)');
      const crawl = await server.request('POST', '/data/crawl', { objectPath: [key] });
      await server.waitForJob(crawl.body.syncRunId);
      expect((await object(db.name, 'mon', 'm4')).state).toBe('active');
      expect((await object(db.name, 'off', 'o4')).state).toBe('inactive');

      // The cause fixed (the duplicate removed), the upgrade runs again and completes; PostgreSQL integrations stay listed.
      await server.server.container.legacySources.remove(ids.dup, systemActor('test'));
      const rerun = await server.request('POST', `/integrations/${integrationId}/upgrade`, { connectionKey: key });
      expect(rerun.body).toMatchObject({ state: 'complete', notUpgraded: [], upgraded: 7 });
      expect((await server.request('GET', `/integrations/${integrationId}`)).status).toBe(200);
      expect(await store().connections.listHidden('PostgreSQL')).toEqual([]);
    });

    it('PostgreSQL: a table the new credentials cannot see leaves the upgrade partially complete until it is granted', { timeout: 120_000 }, async () => {
      const setup = await legacyPostgresSetup(server, pg, { schemas: { s: ['seen', 'hidden'] }, name: (schema, table) => `vis ${kind} ${schema} ${table}` });
      const narrow = await pg.createRole({ connect: [setup.db.name] });
      await adminQuery(setup.db.name, `GRANT USAGE ON SCHEMA s TO ${quoteIdent(narrow.name)}; GRANT SELECT ON s.seen TO ${quoteIdent(narrow.name)}`);
      const integrationId = await integrationOf(server, 'PostgreSQL', setup.metadata('s', 'seen'));
      const key = `Narrow ${kind}`;
      const credentials = { username: narrow.name, password: narrow.password };
      const first = await server.request('POST', `/integrations/${integrationId}/upgrade`, { connectionKey: key, credentials });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      const hidden = setup.table('s', 'hidden');
      expect(first.body).toMatchObject({ state: 'partiallyComplete', upgraded: 1, notUpgraded: [{ dataSourceId: hidden.dataSourceId, reason: 'notVisible', remotePath: [setup.db.name, 's', 'hidden'] }] });
      // Not upgraded: still the legacy data source, enabled.
      expect((await server.request('GET', `/dataSource/${hidden.dataSourceId}`)).body.state).toBe('active');
      expect((await server.request('POST', `/integrations/${integrationId}/upgrade`, { connectionKey: 'Another key' })).body).toMatchObject({ statusCode: 409, code: 'UPGRADE_KEY_MISMATCH' });

      await adminQuery(setup.db.name, `GRANT SELECT ON s.hidden TO ${quoteIdent(narrow.name)}`);
      const second = await server.request('POST', `/integrations/${integrationId}/upgrade`, { connectionKey: key });
      expect(second.body).toMatchObject({ state: 'complete', upgraded: 2, total: 2, notUpgraded: [] });
      expect((await sourceState(server, hidden.dataSourceId))!.objectPath).toEqual([key, setup.db.name, 's', 'hidden']);
    });

    it('MariaDB: three databases (monitoring on, off, on with a disabled source), owners, tags, a duplicate, a V2 declaration — dry run, upgrade, before and after', { timeout: 180_000 }, async () => {
      const owner = { dataSource: { owner: { profiles: ['alice'] } } };
      const name = (database: string, table: string) => `maria ${kind} ${database.slice(-6)} ${table}`;
      // MariaDB's schema is its database: three databases on the same server, seen by the same user.
      const setup = await legacyMariadbSetup(server, maria, { schemas: { any: ['t1', 't2'] }, name, body: { ...owner, schemaEvolution: { disabled: false } } });
      const [mon, off, mixed, vtwo] = [setup.database, await maria.createDatabase(), await maria.createDatabase(), await maria.createDatabase()];
      const create = async (database: string, tables: string[]) => {
        for (const table of tables) await mariadbAdmin(`CREATE TABLE ${quoteName(database)}.${quoteName(table)} (id int)`);
        await mariadbAdmin(`GRANT REFERENCES ON ${quoteName(database)}.* TO ${account(setup.user.name)}`);
      };
      await mariadbAdmin(`CREATE TABLE ${quoteName(mon)}.t3 (id int)`);
      await create(off, ['o1', 'o2', 'o3']);
      await create(mixed, ['x1', 'x2', 'x3']);
      await create(vtwo, ['v1']);
      const at = (database: string, table: string, extra: Record<string, unknown> = {}) => ({ schema: database, table, name: name(database, table), extra: { database, ...extra } });
      const offSources = await register(setup, [at(off, 'o1'), at(off, 'o2')], owner);
      const mixedSources = await register(setup, [at(mixed, 'x1'), at(mixed, 'x2')], { schemaEvolution: { disabled: false } });
      // The duplicate: off.o1 once more, with another user's credentials (another connection string).
      const other = await maria.createUser({ visible: [`${quoteName(off)}.*`] });
      const [duplicate] = await register(setup, [{ ...at(off, 'o1', { username: other.name, password: other.password }), name: name(off, 'o1 again') }]);
      // A V2 declaration (POST /api/v2/data) on the same server and credentials.
      const v2Key = `maria v2 ${kind}`;
      const v2Connection = { handler: 'MariaDB', hostname: mariadbServer.host, port: mariadbServer.port, database: vtwo, username: setup.user.name, password: setup.user.password, tls: { mode: 'disable' }, ssl: false };
      const declared = await server.request('POST', '/api/v2/data', { connectionKey: v2Key, connection: v2Connection, owners: [{ type: 'user', name: 'alice' }], sources: [{ schema: vtwo, table: 'v1', naming: { datasource: name(vtwo, 'v1') } }] });
      expect(declared.status, JSON.stringify(declared.body)).toBe(200);
      const [v2Source] = await server.server.container.legacySources.sourcesOfV2Key(v2Key);
      const ids = {
        t1: setup.table(mon, 't1').dataSourceId,
        t2: setup.table(mon, 't2').dataSourceId,
        o1: offSources[0]!.dataSourceId,
        o2: offSources[1]!.dataSourceId,
        x1: mixedSources[0]!.dataSourceId,
        x2: mixedSources[1]!.dataSourceId,
        v1: v2Source!.dataSourceId,
        dup: duplicate!.dataSourceId,
      };
      await tag(ids.t1, 'Legacy.Kept');
      await tag(ids.x2, 'Legacy.Disabled');
      await tag(ids.v1, 'Legacy.V2');
      await disable(ids.x2);
      const integrationId = await integrationOf(server, 'MariaDB', setup.metadata(mon, 't1'));
      const key = `Maria ${kind}`;
      const before = new Map<number, SourceState>();
      for (const id of Object.values(ids)) before.set(id, (await sourceState(server, id))!);

      const plan = await server.request('POST', `/integrations/${integrationId}/upgrade`, { connectionKey: key, dryRun: true });
      expect(plan.status, JSON.stringify(plan.body)).toBe(200);
      const planned = new Map((plan.body.dataSources as { dataSourceId: number }[]).map((p) => [p.dataSourceId, p]));
      expect(planned.get(ids.x2)).toMatchObject({ newName: `${key}.${mixed}.x2`, upgraded: true, enabled: false });
      expect(planned.get(ids.v1)).toMatchObject({ newName: `${key}.${vtwo}.v1`, upgraded: true, enabled: true });
      expect(planned.get(ids.dup)).toMatchObject({ upgraded: false, notUpgraded: { reason: 'uniquenessViolation', dataSourceId: ids.dup, remotePath: [off, 'o1'] } });
      const schemas = Object.fromEntries((plan.body.schemas as { path: string[] }[]).map((s) => [s.path[0], s]));
      expect(schemas[mon]).toMatchObject({ monitoring: 'on', visibleTables: 3, upgradedDataSources: 2, newObjectsEnabled: 1 });
      expect(schemas[off]).toMatchObject({ monitoring: 'off', visibleTables: 3, upgradedDataSources: 2, newObjectsDisabled: 1 });
      expect(schemas[mixed]).toMatchObject({ monitoring: 'on', visibleTables: 3, upgradedDataSources: 2, newObjectsEnabled: 1 });

      const enabled = Object.values(ids).filter((id) => before.get(id)!.state === 'active');
      const { upgrade } = await upgradeWhilePolling(server, integrationId, { connectionKey: key }, enabled);
      expect(upgrade.body, JSON.stringify(upgrade.body)).toMatchObject({ state: 'partiallyComplete', total: 8, upgraded: 7 });
      const databaseOf = { t: mon, o: off, x: mixed, v: vtwo };
      for (const [table, id] of Object.entries(ids).filter(([t]) => t !== 'dup')) {
        const database = databaseOf[table[0] as keyof typeof databaseOf];
        const now = (await sourceState(server, id))!;
        expect(now.objectPath, table).toEqual([key, database, table]);
        expect({ ...now, objectPath: undefined, name: undefined }, table).toEqual({ ...before.get(id)!, objectPath: undefined, name: undefined });
        if (now.state === 'active') expect(now.name, table).toBe(`${key}.${database}.${table}`);
      }
      expect((await sourceState(server, ids.v1))!.owners).toEqual([{ type: 'user', name: 'alice' }]);
      expect(await sourceState(server, ids.dup)).toEqual(before.get(ids.dup));
      const object = async (...path: string[]) => (await server.request('GET', `/data/object?objectPath=${encodeURIComponent(JSON.stringify([key, ...path]))}`)).body;
      expect((await object(mon, 't3')).state).toBe('active');
      expect((await object(mixed, 'x3')).state).toBe('active');
      expect((await object(off, 'o3')).state).toBe('inactive');

      await server.server.container.legacySources.remove(ids.dup, systemActor('test'));
      const rerun = await server.request('POST', `/integrations/${integrationId}/upgrade`, { connectionKey: key });
      expect(rerun.body, JSON.stringify(rerun.body)).toMatchObject({ state: 'complete', notUpgraded: [], upgraded: 7 });
    });
  },
  { needs: ['PostgreSQL', 'MariaDB'] },
);
