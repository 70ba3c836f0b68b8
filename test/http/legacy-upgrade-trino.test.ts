import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { systemActor } from '../../src/services/actor.js';
import { addUserWithKey } from '../helpers/access-fixtures.js';
import { quoteIdent } from '../helpers/catalog-fixtures.js';
import { legacyTrinoSetup, type LegacySetup } from '../helpers/legacy-fixtures.js';
import { disableSource, integrationOf, registerTables, sourceState, tagSource, upgradeWhilePolling, type SourceState } from '../helpers/legacy-upgrade-fixtures.js';
import { adminQuery } from '../helpers/postgres-server.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { passwordDetails, trinoServer, trinoSkipReason } from '../helpers/trino-server.js';

/**
 * POST /integrations/{id}/upgrade for Trino (issue 11): the legacy setup through the legacy API
 * only (POST /trino/handler), on the real Trino's `pg` catalog (the PostgreSQL database
 * warden_trino, whose tables are created straight in PostgreSQL), a dry run, the upgrade while
 * every enabled data source is polled, before and after table by table, and the Trino
 * integration gone once the upgrade is complete.
 */
const CATALOG = 'pg';
const PG_DATABASE = 'warden_trino';

describeEachStore(
  'upgrade a Trino integration to a connection',
  (kind) => {
    let server: TestServer;
    const schemas: string[] = [];
    /** A schema name of this file and store kind (lower case: Trino's PostgreSQL catalog reports names so). */
    const schemaName = (label: string) => {
      const name = `warden_test_${process.pid}_upgrade_${kind}_${label}`;
      schemas.push(name);
      return name;
    };
    const pgSql = (sql: string) => adminQuery(PG_DATABASE, sql);

    beforeEach(async () => {
      server = await startTestServer({}, { store: kind });
      await addUserWithKey(server, 'alice');
    });
    afterEach(async () => {
      await server?.close();
    });
    afterAll(async () => {
      for (const schema of schemas) await pgSql(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
    });

    const register = (setup: LegacySetup, tables: Parameters<typeof registerTables>[2], body?: Record<string, unknown>) => registerTables(server, setup, tables, body);
    const disable = (id: number) => disableSource(server, id);
    const tag = (id: number, name: string) => tagSource(server, id, name);

    it('three schema projects (monitoring on, off, on with a disabled source), owners, tags, a duplicate — dry run, upgrade, before and after, the integration gone', { timeout: 240_000 }, async () => {
      const [mon, off, mixed, vtwo] = [schemaName('mon'), schemaName('off'), schemaName('mixed'), schemaName('vtwo')];
      const name = (schema: string, table: string) => `trino ${kind} ${schema.slice(schema.lastIndexOf('_') + 1)} ${table}`;
      const owner = { dataSource: { owner: { profiles: ['alice'] } } };
      // Only the pg catalog: the shared Trino's other catalogs belong to other tests (created and dropped as they run).
      const connection = { ...passwordDetails(), technology: undefined, catalogs: { include: [CATALOG] } };
      const setup = await legacyTrinoSetup(server, connection, { catalog: CATALOG, pgDatabase: PG_DATABASE }, {
        schemas: { [mon]: ['m1', 'm2'] },
        name,
        body: { ...owner, schemaEvolution: { disabled: false } },
      });
      const q = (schema: string, table: string) => `${quoteIdent(schema)}.${quoteIdent(table)}`;
      await pgSql(`CREATE SCHEMA ${quoteIdent(off)}; CREATE TABLE ${q(off, 'o1')} (id int); CREATE TABLE ${q(off, 'o2')} (id int); CREATE TABLE ${q(off, 'o3')} (id int)`);
      await pgSql(`CREATE SCHEMA ${quoteIdent(mixed)}; CREATE TABLE ${q(mixed, 'x1')} (id int); CREATE TABLE ${q(mixed, 'x2')} (id int); CREATE TABLE ${q(mixed, 'x3')} (id int); CREATE TABLE ${q(mon, 'm3')} (id int)`);
      // A mixed-case PostgreSQL table: Trino's pg catalog reports it lower-cased, and the legacy registration takes the platform's name.
      await pgSql(`CREATE TABLE ${q(mon, 'Camel')} (id int)`);
      const [camel] = await register(setup, [{ schema: mon, table: 'camel', name: name(mon, 'Camel') }], owner);
      const offSources = await register(setup, [{ schema: off, table: 'o1', name: name(off, 'o1') }, { schema: off, table: 'o2', name: name(off, 'o2') }], owner);
      const mixedSources = await register(setup, [{ schema: mixed, table: 'x1', name: name(mixed, 'x1') }, { schema: mixed, table: 'x2', name: name(mixed, 'x2') }], { schemaEvolution: { disabled: false } });
      // The duplicate: off.o1 once more, with another Trino user's credentials (another connection string).
      const crawler = trinoServer!.restricted.crawler;
      const [duplicate] = await register(setup, [{ schema: off, table: 'o1', name: name(off, 'o1 again'), extra: { username: crawler.username, password: crawler.password } }]);
      // A V2 declaration (POST /api/v2/data) with the same Trino connection and catalog: it belongs to the integration too.
      await pgSql(`CREATE SCHEMA ${quoteIdent(vtwo)}; CREATE TABLE ${q(vtwo, 'v1')} (id int)`);
      const v2Key = `trino v2 ${kind}`;
      const declared = await server.request('POST', '/api/v2/data', { connectionKey: v2Key, connection: { ...connection, handler: 'Trino', database: CATALOG }, owners: [{ type: 'user', name: 'alice' }], sources: [{ schema: vtwo, table: 'v1', naming: { datasource: name(vtwo, 'v1') } }] });
      expect(declared.status, JSON.stringify(declared.body)).toBe(200);
      const [v2Source] = await server.server.container.legacySources.sourcesOfV2Key(v2Key);
      const ids = {
        m1: setup.table(mon, 'm1').dataSourceId,
        m2: setup.table(mon, 'm2').dataSourceId,
        camel: camel!.dataSourceId,
        o1: offSources[0]!.dataSourceId,
        o2: offSources[1]!.dataSourceId,
        x1: mixedSources[0]!.dataSourceId,
        x2: mixedSources[1]!.dataSourceId,
        dup: duplicate!.dataSourceId,
        v1: v2Source!.dataSourceId,
      };
      await tag(ids.m1, 'Legacy.Kept');
      await tag(ids.x2, 'Legacy.Disabled');
      await tag(ids.v1, 'Legacy.V2');
      await disable(ids.x2);
      // Trino's connection fields have no database (the catalog is the table's first level, not where one signs in).
      const integrationId = await integrationOf(server, 'Trino', connection);
      const key = `Trino ${kind}`;
      const before = new Map<number, SourceState>();
      for (const id of Object.values(ids)) before.set(id, (await sourceState(server, id))!);
      expect(before.get(ids.x2)!.state).toBe('inactive');

      // The dry run: the plan, and nothing changed.
      const store = () => server.server.container.catalogStore;
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
      const planned = new Map((plan.body.dataSources as { dataSourceId: number }[]).map((p) => [p.dataSourceId, p]));
      expect(planned.get(ids.m1)).toMatchObject({ newName: `${key}.${CATALOG}.${mon}.m1`, upgraded: true, enabled: true, schemaMonitoring: true });
      expect(planned.get(ids.x2)).toMatchObject({ newName: `${key}.${CATALOG}.${mixed}.x2`, upgraded: true, enabled: false });
      expect(planned.get(ids.dup)).toMatchObject({ upgraded: false, notUpgraded: { reason: 'uniquenessViolation', dataSourceId: ids.dup, remotePath: [CATALOG, off, 'o1'] } });
      expect(planned.get(ids.v1)).toMatchObject({ newName: `${key}.${CATALOG}.${vtwo}.v1`, upgraded: true, enabled: true });
      expect(plan.body.notUpgraded).toHaveLength(1);
      const planSchemas = Object.fromEntries((plan.body.schemas as { path: string[] }[]).filter((s) => s.path[0] === CATALOG).map((s) => [s.path[1], s]));
      expect(planned.get(ids.camel)).toMatchObject({ newName: `${key}.${CATALOG}.${mon}.camel`, upgraded: true, enabled: true });
      expect(planSchemas[mon]).toMatchObject({ monitoring: 'on', visibleTables: 4, upgradedDataSources: 3, newObjectsEnabled: 1, newObjectsDisabled: 0 });
      expect(planSchemas[off]).toMatchObject({ monitoring: 'off', visibleTables: 3, upgradedDataSources: 2, newObjectsEnabled: 0, newObjectsDisabled: 1 });
      expect(planSchemas[mixed]).toMatchObject({ monitoring: 'on', visibleTables: 3, upgradedDataSources: 2, newObjectsEnabled: 1 });

      // The upgrade, every enabled data source polled throughout.
      const enabled = Object.values(ids).filter((id) => before.get(id)!.state === 'active');
      const { upgrade, polls } = await upgradeWhilePolling(server, integrationId, { connectionKey: key }, enabled);
      expect(upgrade.status, JSON.stringify(upgrade.body)).toBe(200);
      expect(polls).toBeGreaterThan(enabled.length);
      expect(upgrade.body).toMatchObject({ state: 'partiallyComplete', phase: 'done', connectionKey: key, total: 9, upgraded: 8 });
      expect(upgrade.body.notUpgraded).toEqual([
        { dataSourceId: ids.dup, name: name(off, 'o1 again'), remotePath: [CATALOG, off, 'o1'], reason: 'uniquenessViolation', suggestedAction: expect.stringContaining(`DELETE /dataSource/${ids.dup}`) },
      ]);
      // Partially complete: the integration stays, for the rerun.
      expect((await server.request('GET', `/integrations/${integrationId}`)).status).toBe(200);

      // Table by table: same ids, owners, tags and status; generated names in Trino's casing.
      const after = async (id: number) => (await sourceState(server, id))!;
      for (const [table, id] of Object.entries(ids).filter(([t]) => t !== 'dup')) {
        const schema = { m: mon, c: mon, o: off, x: mixed, v: vtwo }[table[0] as 'm' | 'c' | 'o' | 'x' | 'v'];
        const now = await after(id);
        expect(now.objectPath, table).toEqual([key, CATALOG, schema, table]);
        expect(now.state, table).toBe(before.get(id)!.state);
        expect(now.owners, table).toEqual(before.get(id)!.owners);
        expect(now.userTags, table).toEqual(before.get(id)!.userTags);
        if (now.state === 'active') expect(now.name, table).toBe(`${key}.${CATALOG}.${schema}.${table}`);
      }
      expect((await after(ids.m1)).owners).toEqual([{ type: 'user', name: 'alice' }]);
      expect((await after(ids.m1)).userTags).toEqual(['Legacy.Kept']);
      expect((await after(ids.x2)).userTags).toEqual(['Legacy.Disabled']);
      expect(await after(ids.v1)).toMatchObject({ state: 'active', owners: [{ type: 'user', name: 'alice' }], userTags: ['Legacy.V2'] });
      expect(await server.server.container.legacySources.sourcesOfV2Key(v2Key)).toEqual([]);
      expect(await after(ids.dup)).toEqual(before.get(ids.dup));
      // Tables that were not data sources: enabled under monitoring on, disabled under off; the connection itself disabled.
      const object = async (...path: string[]) => (await server.request('GET', `/data/object?objectPath=${encodeURIComponent(JSON.stringify([key, ...path]))}`)).body;
      expect((await object(CATALOG, mon, 'm3')).state).toBe('active');
      expect((await object(CATALOG, mixed, 'x3')).state).toBe('active');
      expect((await object(CATALOG, off, 'o3')).state).toBe('inactive');
      expect((await object()).state).toBe('inactive');
      // Old names find nothing; the legacy rows of the upgraded sources are gone.
      expect((await server.request('GET', `/dataSource?searchText=${encodeURIComponent(name(mon, 'm1'))}`)).body.count).toBe(0);
      expect(await store().legacyHandlers.findByDataSourceId(ids.m1)).toBeUndefined();
      expect(await store().legacyHandlers.findByDataSourceId(ids.dup)).toBeDefined();

      // The cause fixed (the duplicate removed), the upgrade runs again and completes: the Trino integration is gone.
      await server.server.container.legacySources.remove(ids.dup, systemActor('test'));
      const rerun = await server.request('POST', `/integrations/${integrationId}/upgrade`, { connectionKey: key });
      expect(rerun.body, JSON.stringify(rerun.body)).toMatchObject({ state: 'complete', notUpgraded: [], upgraded: 8 });
      expect((await server.request('GET', `/integrations/${integrationId}`)).status).toBe(404);
      expect((await server.request('GET', '/integrations')).body).not.toEqual(expect.arrayContaining([expect.objectContaining({ id: integrationId })]));
      expect((await server.request('GET', `/integrations/${integrationId}/upgrade`)).body).toMatchObject({ state: 'complete', connectionKey: key });
      expect(await store().connections.listHidden('Trino')).toEqual([]);
      expect((await after(ids.m1)).objectPath).toEqual([key, CATALOG, mon, 'm1']);
    });

    it('a data source registered with TLS but no certificate validation: the plan says refused, the upgrade is refused and changes nothing', { timeout: 120_000 }, async () => {
      const schema = schemaName('tls');
      const connection = { ...passwordDetails(), technology: undefined, catalogs: { include: [CATALOG] } };
      const setup = await legacyTrinoSetup(server, connection, { catalog: CATALOG, pgDatabase: PG_DATABASE }, { schemas: { [schema]: ['verified'] }, name: (_s, table) => `trino ${kind} tls ${table}` });
      await adminQuery(PG_DATABASE, `CREATE TABLE ${quoteIdent(schema)}."unverified" (id int)`);
      // Another user (another connection string): under the same one, the hidden connection would take the new TLS for both (ARCHITECTURE §4.9).
      const crawler = trinoServer!.restricted.crawler;
      const [unverified] = await register(setup, [{ schema, table: 'unverified', name: `trino ${kind} tls unverified`, extra: { ...crawler, tls: { mode: 'require' } } }]);
      const integrationId = await integrationOf(server, 'Trino', connection);
      const key = `Trino TLS ${kind}`;
      const plan = await server.request('POST', `/integrations/${integrationId}/upgrade`, { connectionKey: key, dryRun: true });
      expect(plan.status, JSON.stringify(plan.body)).toBe(200);
      expect(plan.body).toMatchObject({ refused: true });
      expect((plan.body.notUpgraded as { dataSourceId: number; reason: string }[]).map((n) => [n.dataSourceId, n.reason])).toEqual([[unverified!.dataSourceId, 'unsupportedOption']]);
      const before = [await sourceState(server, setup.table(schema, 'verified').dataSourceId), await sourceState(server, unverified!.dataSourceId)];
      const refused = await server.request('POST', `/integrations/${integrationId}/upgrade`, { connectionKey: key });
      expect(refused.body).toMatchObject({ statusCode: 400, code: 'UPGRADE_REFUSED', message: expect.stringContaining(`data source ${unverified!.dataSourceId}`) });
      expect(refused.body.message).toContain('verify-full');
      expect((await server.request('GET', `/data/object?objectPath=${encodeURIComponent(JSON.stringify([key]))}`)).status).toBe(404);
      expect([await sourceState(server, setup.table(schema, 'verified').dataSourceId), await sourceState(server, unverified!.dataSourceId)]).toEqual(before);
      expect((await server.request('GET', `/integrations/${integrationId}`)).status).toBe(200);
    });
  },
  { needs: ['PostgreSQL'], skipReason: trinoSkipReason },
);
