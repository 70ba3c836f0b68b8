import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUserWithKey, auditOf } from '../helpers/access-fixtures.js';
import { registerTestConnection, sqlIn } from '../helpers/catalog-fixtures.js';
import { legacyMariadbSetup, legacyPostgresSetup } from '../helpers/legacy-fixtures.js';
import { MariadbTestContext } from '../helpers/mariadb-server.js';
import { PostgresTestContext } from '../helpers/postgres-server.js';
import { hashStore } from '../helpers/store-hash.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { startTestServer, syncThroughApi, urlPath, type TestServer } from '../helpers/test-server.js';

/** The legacy /dataSource family (legacy-api.md §1) over data sources registered through POST /{prefix}/handler, both stores, real sources. */
describeEachStore(
  'legacy data source routes',
  (kind) => {
    const pg = new PostgresTestContext();
    const maria = new MariadbTestContext();
    let server: TestServer;
    const db = () => server.server.container.catalogStore.store.db;
    const get = async (id: number) => (await server.request('GET', `/dataSource/${id}`)).body;

    beforeAll(async () => {
      server = await startTestServer({}, { store: kind });
    });
    afterAll(async () => {
      await server?.close();
      await pg.cleanup();
      await maria.cleanup();
    });

    it('searches legacy data sources by their own names with facets and the legacy filters, and shows the legacy fields', async () => {
      const setup = await legacyPostgresSetup(server, pg, { schemas: { sales: ['orders', 'customers'], hr: ['staff'] }, name: (s, t) => `Findme ${kind} ${s} ${t}` });
      const orders = setup.table('sales', 'orders');
      const found = await server.request('GET', `/dataSource?searchText=${encodeURIComponent(`findme ${kind} sales`)}`);
      expect(found.status).toBe(200);
      expect(found.body.count).toBe(2);
      expect(found.body.hits.map((h: { name: string }) => h.name)).toEqual([`Findme ${kind} sales customers`, `Findme ${kind} sales orders`]);
      expect(found.body.hits[1]).toMatchObject({
        id: orders.dataSourceId,
        origin: 'legacy',
        blobHandlerType: 'PostgreSQL',
        connectionString: setup.connectionString,
        remoteDatabase: setup.database,
        remoteSchema: 'sales',
        remoteTable: 'orders',
        sqlSchemaName: 'sales',
        sqlTableName: 'orders',
        schemaEvolutionId: orders.schemaEvolutionId,
        status: 'passed',
        deleted: false,
        type: 'queryable',
      });
      expect(found.body.facets).toMatchObject({ blobHandlerTypes: [{ name: 'PostgreSQL', count: 2 }], statuses: [{ name: 'passed', count: 2 }] });
      // The hidden connection's generated name finds nothing: a legacy data source is found by its own name.
      expect((await server.request('GET', `/dataSource?searchText=${encodeURIComponent(`${setup.database}.sales.orders`)}`)).body.count).toBe(0);

      const byString = await server.request('GET', `/dataSource?connectionString=${encodeURIComponent(setup.connectionString)}&schema=hr`);
      expect(byString.body.hits.map((h: { id: number }) => h.id)).toEqual([setup.table('hr', 'staff').dataSourceId]);
      const byIds = await server.request('GET', `/dataSource?dataSourceIds=${orders.dataSourceId}&dataSourceIds=${setup.table('hr', 'staff').dataSourceId}&sortField=name&sortOrder=desc&size=1`);
      expect(byIds.body).toMatchObject({ count: 2, hits: [{ id: orders.dataSourceId }] });
      expect((await server.request('GET', `/dataSource?blobHandlerType=MariaDB&connectionString=${encodeURIComponent(setup.connectionString)}`)).body.count).toBe(0);

      const shown = await get(orders.dataSourceId);
      expect(shown).toMatchObject({ id: orders.dataSourceId, dataSourceId: orders.dataSourceId, name: orders.name, connectionString: setup.connectionString, deleted: false, origin: 'legacy', overrideHost: null, state: 'active' });
      expect(JSON.stringify(shown)).not.toContain(setup.role.password);

      const schemas = await server.request('GET', '/schemas?searchText=SAL');
      expect(schemas.status).toBe(200);
      expect(schemas.body.values).toContainEqual({ name: 'sales', count: expect.any(Number) });
      expect(schemas.body.values.every((v: { name: string }) => v.name.includes('sal'))).toBe(true);
    });

    it('disables and enables through PUT deleted, renames, deletes in two stages, and audits each change', async () => {
      const setup = await legacyPostgresSetup(server, pg, { schemas: { s: ['a', 'b'] }, name: (_s, t) => `Edit ${kind} ${t}` });
      const [a, b] = [setup.table('s', 'a'), setup.table('s', 'b')];

      const disabled = await server.request('PUT', `/dataSource/${a.dataSourceId}`, { deleted: true, recordFormat: 'json' });
      expect(disabled.status).toBe(200);
      expect(disabled.body).toMatchObject({ deleted: true, state: 'inactive', overrides: { isActive: false } });
      // Still listed (the legacy API lists disabled data sources), with deleted: true.
      expect((await server.request('GET', `/dataSource?dataSourceIds=${a.dataSourceId}`)).body.hits[0]).toMatchObject({ id: a.dataSourceId, deleted: true });
      expect((await server.request('PUT', `/dataSource/${a.dataSourceId}`, { deleted: false })).body).toMatchObject({ deleted: false, state: 'active' });

      expect((await server.request('PUT', `/dataSource/${a.dataSourceId}`, { name: `Renamed ${kind}` })).body.name).toBe(`Renamed ${kind}`);
      expect((await server.request('GET', `/dataSource?searchText=${encodeURIComponent(`Renamed ${kind}`)}`)).body.hits.map((h: { id: number }) => h.id)).toEqual([a.dataSourceId]);
      const taken = await server.request('PUT', `/dataSource/${a.dataSourceId}`, { name: b.name });
      expect(taken.body).toMatchObject({ statusCode: 409, code: 'LEGACY_NAME_TAKEN' });
      const edits = await auditOf(server, `&action=legacy.edited`);
      expect(edits.hits.filter((h) => h.target === `dataSource:${a.dataSourceId}`).map((h) => h.after)).toEqual([{ name: `Renamed ${kind}` }, { deleted: false }, { deleted: true }]);

      const first = await server.request('DELETE', `/dataSource/${b.dataSourceId}`);
      expect(first.body).toEqual({ success: true, id: b.dataSourceId, name: b.name, hardDelete: false, disabled: true, schemaEvolutionId: b.schemaEvolutionId });
      expect((await get(b.dataSourceId)).deleted).toBe(true);
      const second = await server.request('DELETE', `/dataSource/${b.dataSourceId}`);
      expect(second.body).toMatchObject({ success: true, id: b.dataSourceId, hardDelete: true });
      expect((await server.request('GET', `/dataSource/${b.dataSourceId}`)).body).toMatchObject({ statusCode: 404, code: 'DATA_SOURCE_NOT_FOUND' });
      expect((await server.request('DELETE', `/dataSource/${b.dataSourceId}`)).status).toBe(404);
      expect((await auditOf(server, '&action=legacy.disabled')).hits.some((h) => h.target === `dataSource:${b.dataSourceId}`)).toBe(true);
      expect((await auditOf(server, '&action=legacy.removed')).hits.some((h) => h.target === `dataSource:${b.dataSourceId}`)).toBe(true);
    });

    it('bulk disables, restores and deletes all or none, and refuses a connection\'s data source with the /data replacement', async () => {
      const setup = await legacyPostgresSetup(server, pg, { schemas: { s: ['x', 'y'] }, name: (_s, t) => `Bulk ${kind} ${t}` });
      const ids = setup.tables.map((t) => t.dataSourceId);
      const { db: connDb } = await registerTestConnection(server, pg, { connectionKey: `Plain ${kind}`, sql: 'CREATE SCHEMA p; CREATE TABLE p.t (id int);' });
      await server.request('PUT', `/data/settings/${urlPath(`Plain ${kind}`, connDb.name, 'p', 't')}`, { settings: { isActive: true } });
      const connectionSource = (await server.request('GET', `/data/object/${urlPath(`Plain ${kind}`, connDb.name, 'p', 't')}`)).body.dataSourceId as number;
      // A connection's data source shows the legacy fields too.
      expect(await get(connectionSource)).toMatchObject({ origin: 'connection', name: `Plain ${kind}.${connDb.name}.p.t`, connectionString: null, remoteSchema: 'p', remoteTable: 't', deleted: false });

      const before = await hashStore(db());
      const refused = await server.request('PUT', '/dataSource/bulk/disable', { ids: [...ids, connectionSource] });
      // The upgrade's one guard of the blocked legacy routes answers for a connection's data source first.
      expect(refused.body).toMatchObject({ statusCode: 400, code: 'LEGACY_ENDPOINT_BLOCKED' });
      expect(refused.body.message).toContain(`connection Plain ${kind}`);
      expect(refused.body.message).toContain('PUT /data/settings/{objectPath*} with settings: isActive');
      expect((await server.request('PUT', '/dataSource/bulk/disable', { ids: [...ids, 2 ** 31 - 2] })).body.code).toBe('DATA_SOURCE_NOT_FOUND');
      expect((await server.request('PUT', '/dataSource/bulk/purge', { ids })).status).toBe(400);
      expect((await server.request('PUT', '/dataSource/bulk/disable', { ids: [] })).status).toBe(400);
      expect((await server.request('PUT', `/dataSource/${connectionSource}`, { deleted: true })).body.code).toBe('LEGACY_ENDPOINT_BLOCKED');
      expect((await server.request('DELETE', `/dataSource/${connectionSource}`)).body.code).toBe('LEGACY_ENDPOINT_BLOCKED');
      expect(await hashStore(db())).toBe(before);

      const disabled = await server.request('PUT', '/dataSource/bulk/disable', { ids });
      expect(disabled.body.results.map((r: { disabled: boolean }) => r.disabled)).toEqual([true, true]);
      for (const id of ids) expect((await get(id)).deleted).toBe(true);
      await server.request('PUT', '/dataSource/bulk/restore', { ids: [ids[0]] });
      expect((await get(ids[0]!)).deleted).toBe(false);
      // delete: the enabled one is disabled, the disabled one removed; one audit row for the call.
      const rows = (await auditOf(server)).count;
      const deleted = await server.request('PUT', '/dataSource/bulk/delete', { ids });
      expect(deleted.body.results.map((r: { id: number; hardDelete: boolean }) => [r.id, r.hardDelete])).toEqual([[ids[0], false], [ids[1], true]]);
      expect((await auditOf(server)).count).toBe(rows + 1);
      expect((await get(ids[0]!)).deleted).toBe(true);
      expect((await server.request('GET', `/dataSource/${ids[1]}`)).status).toBe(404);
    });

    it('keeps user-set dictionary descriptions beside the platform\'s through a sync, replaces and clears them', async () => {
      const setup = await legacyPostgresSetup(server, pg, { schemas: { d: ['t'] }, name: () => `Dict ${kind}` });
      const t = setup.table('d', 't');
      await sqlIn(setup.db, `COMMENT ON COLUMN d.t.id IS 'platform id'`);
      const hiddenPath = (await get(t.dataSourceId)).objectPath as string[];
      await syncThroughApi(server, ...hiddenPath);
      const read = await server.request('GET', `/dictionary/${t.dataSourceId}`);
      expect(read.body).toMatchObject({ id: t.dataSourceId, dataSource: t.dataSourceId, dataSourceName: `Dict ${kind}`, types: ['integer', 'text'] });
      expect(read.body.metadata[0]).toMatchObject({ name: 'id', dataType: 'integer', description: 'platform id', descriptionSetBy: null });

      const posted = await server.request('POST', `/dictionary/${t.dataSourceId}`, { metadata: [{ name: 'name', description: 'who it is' }] });
      expect(posted.status).toBe(200);
      expect(posted.body.metadata.map((m: { description: string | null }) => m.description)).toEqual(['platform id', 'who it is']);
      await sqlIn(setup.db, `COMMENT ON COLUMN d.t.name IS 'platform name'; COMMENT ON COLUMN d.t.id IS 'platform id 2'`);
      await syncThroughApi(server, ...hiddenPath);
      const synced = (await server.request('GET', `/dictionary/${t.dataSourceId}`)).body;
      expect(synced.metadata.map((m: { description: string | null; descriptionSetBy: string | null }) => [m.description, m.descriptionSetBy])).toEqual([['platform id 2', null], ['who it is', 'user:admin']]);
      expect(synced.columns.map((c: { comment: string | null }) => c.comment)).toEqual(['platform id 2', 'platform name']);

      // GET, change, PUT: a column sent with the platform's description is not the user's; one left without loses its own.
      const put = await server.request('PUT', `/dictionary/${t.dataSourceId}`, { metadata: [{ ...synced.metadata[0], description: 'mine' }, { name: 'name', description: null }] });
      expect(put.body.metadata.map((m: { description: string | null }) => m.description)).toEqual(['mine', 'platform name']);
      expect((await server.request('POST', `/dictionary/${t.dataSourceId}`, { metadata: [{ name: 'nope', description: 'x' }] })).body.code).toBe('COLUMN_NOT_FOUND');
      expect((await server.request('POST', `/dictionary/${t.dataSourceId}`, { metadata: [{ name: 'a|b' }] })).status).toBe(400);
      expect((await server.request('DELETE', `/dictionary/${t.dataSourceId}`)).body).toEqual({ id: t.dataSourceId });
      expect((await server.request('GET', `/dictionary/${t.dataSourceId}`)).body.metadata.map((m: { description: string | null }) => m.description)).toEqual(['platform id 2', 'platform name']);
      expect((await auditOf(server, '&action=legacy.dictionary')).hits.filter((h) => h.target === `dataSource:${t.dataSourceId}`)).toHaveLength(3);
    });

    it('records a host override, owners through access records and unsubscribe, and denies pending requests', async () => {
      const setup = await legacyPostgresSetup(server, pg, { schemas: { o: ['t', 'u'] }, name: (_s, t) => `Owned ${kind} ${t}` });
      const [t, u] = [setup.table('o', 't'), setup.table('o', 'u')];
      const override = await server.request('PUT', `/dataSource/${t.dataSourceId}/overrideHost`, { host: 'replica.example.com', HTTPPath: '/sql/1' });
      expect(override.body.overrideHost).toEqual({ host: 'replica.example.com', HTTPPath: '/sql/1', manual: true });
      expect((await server.request('PUT', `/dataSource/${t.dataSourceId}/overrideHost`, { host: 'a b' })).status).toBe(400);

      const carol = await addUserWithKey(server, `carol-${kind}`);
      const dave = await addUserWithKey(server, `dave-${kind}`);
      // Nobody but owners and GOVERNANCE may change owners.
      expect((await server.request('PUT', `/dataSource/${t.dataSourceId}/access/1`, { state: 'owner' }, { apiKey: carol })).status).toBe(403);
      const asked = await server.request('POST', '/dataSource/subscribe', { dataSourceIds: [t.dataSourceId, u.dataSourceId] }, { apiKey: carol });
      expect(asked.status).toBe(200);
      const [onT, onU] = asked.body.requests as { id: number; state: string }[];
      expect([onT!.state, onU!.state]).toEqual(['pending', 'pending']);

      const owned = await server.request('PUT', `/dataSource/${t.dataSourceId}/access/${onT!.id}`, { state: 'owner' });
      expect(owned.body).toMatchObject({ id: onT!.id, state: 'owner', type: 'user', name: `carol-${kind}` });
      expect((await get(t.dataSourceId)).settings.dataOwners.value).toEqual([{ type: 'user', name: 'admin' }, { type: 'user', name: `carol-${kind}` }]);
      // Now an owner, carol may edit the data source.
      expect((await server.request('PUT', `/dataSource/${t.dataSourceId}`, { deleted: false }, { apiKey: carol })).status).toBe(200);
      expect((await server.request('PUT', `/dataSource/${t.dataSourceId}/access/${onU!.id}`, { state: 'owner' })).body.code).toBe('ACCESS_RECORD_NOT_FOUND');
      expect((await server.request('PUT', `/dataSource/${t.dataSourceId}/access/${onT!.id}`, { state: 'expert' })).body.code).toBe('UNSUPPORTED_ACCESS_STATE');

      // dave owns nothing: his denial of carol's request on u fails; the admin's succeeds.
      const refused = await server.request('POST', '/subscription/deny', { requests: [{ id: onU!.id, denialReasoning: 'no' }] }, { apiKey: dave });
      expect(refused.body.failures).toMatchObject([{ id: onU!.id }]);
      const denied = await server.request('POST', '/subscription/deny', { requests: [{ id: onU!.id, denialReasoning: 'not yours' }, { id: 2 ** 31 - 2, denialReasoning: 'x' }] });
      expect(denied.body.failures.map((f: { id: number }) => f.id)).toEqual([2 ** 31 - 2]);
      expect((await server.request('POST', '/subscription/deny', { requests: [{ id: onU!.id, denialReasoning: 'again' }] })).body.failures[0].errorMessage).toContain('denied');
      const daveAsks = await server.request('POST', '/dataSource/subscribe', { dataSourceIds: [u.dataSourceId] }, { apiKey: dave });
      expect((await server.request('POST', '/subscription/deny/bulk', { type: 'profile', id: `dave-${kind}`, denialReasoning: 'bulk' })).body).toEqual({ failures: [] });
      expect((await server.server.container.catalogStore.dataSourceAccess.findById(daveAsks.body.requests[0].id))).toMatchObject({ state: 'denied', denialReasoning: 'bulk' });
      expect((await server.request('POST', '/subscription/deny/bulk', { denialReasoning: 'x' })).status).toBe(400);

      expect((await server.request('DELETE', `/dataSource/${t.dataSourceId}/unsubscribe`, undefined, { apiKey: carol })).body).toEqual({ success: true, id: t.dataSourceId });
      expect((await get(t.dataSourceId)).settings.dataOwners.value).toEqual([{ type: 'user', name: 'admin' }]);
      expect((await server.request('PUT', `/dataSource/${t.dataSourceId}`, { deleted: false }, { apiKey: carol })).status).toBe(403);
    });

    it('serves MariaDB legacy data sources, whose schema is their database', async () => {
      const setup = await legacyMariadbSetup(server, maria, { schemas: { any: ['m1'] }, name: () => `Maria ${kind}` });
      const m1 = setup.table(setup.database, 'm1');
      expect(await get(m1.dataSourceId)).toMatchObject({ blobHandlerType: 'MariaDB', remoteDatabase: setup.database, remoteSchema: setup.database, remoteTable: 'm1' });
      expect((await server.request('PUT', `/dataSource/${m1.dataSourceId}`, { deleted: true })).body.deleted).toBe(true);
      expect((await server.request('GET', `/schemas?searchText=${setup.database}`)).body.values).toEqual([{ name: setup.database, count: 1 }]);
    });

  },
  { needs: ['PostgreSQL', 'MariaDB'] },
);
