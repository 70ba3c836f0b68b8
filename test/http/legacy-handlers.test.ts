import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../src/services/actor.js';
import { addUserWithKey, auditOf } from '../helpers/access-fixtures.js';
import { grantCrawlAccess, quoteIdent, sqlIn } from '../helpers/catalog-fixtures.js';
import { legacyMariadbSetup, legacyPostgresSetup } from '../helpers/legacy-fixtures.js';
import { MariadbTestContext, mariadbAdmin, quoteName } from '../helpers/mariadb-server.js';
import { adminServer, PostgresTestContext } from '../helpers/postgres-server.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** POST /{prefix}/handler (legacy-api.md §1.13): legacy data sources on hidden connections, both stores, real sources. */
describeEachStore(
  'legacy handler registrations',
  (kind) => {
    const pg = new PostgresTestContext();
    const maria = new MariadbTestContext();
    let server: TestServer;
    const store = () => server.server.container.catalogStore;
    /** What a refused registration must leave as it was. */
    const counts = async () => ({
      connections: (await store().store.db.selectFrom('connections').select('id').execute()).length,
      objects: (await store().store.db.selectFrom('objects').select('id').execute()).length,
      handlers: (await store().store.db.selectFrom('legacy_handlers').select('id').execute()).length,
      projects: (await store().store.db.selectFrom('schema_projects').select('id').execute()).length,
    });

    beforeAll(async () => {
      server = await startTestServer({}, { store: kind });
    });
    afterAll(async () => {
      await server?.close();
      await pg.cleanup();
      await maria.cleanup();
    });

    it('registers PostgreSQL tables of two schemas: enabled data sources, one schema project per schema, owned by the caller, on a hidden connection', async () => {
      const setup = await legacyPostgresSetup(server, pg, { schemas: { sales: ['orders', 'customers'], hr: ['staff'] } });
      const { db, role } = setup;
      expect(setup.connectionString).toBe(`${role.name}@${adminServer.host}:${adminServer.port}/${db.name}`);
      const [orders, customers, staff] = [setup.table('sales', 'orders'), setup.table('sales', 'customers'), setup.table('hr', 'staff')];
      expect(orders.schemaEvolutionId).toBe(customers.schemaEvolutionId);
      expect(staff.schemaEvolutionId).not.toBe(orders.schemaEvolutionId);
      expect(new Set(setup.tables.map((t) => t.dataSourceId)).size).toBe(3);

      // Each is an enabled data source (the table object's own override), owned by whoever registered it.
      const shown = await server.request('GET', `/dataSource/${orders.dataSourceId}`);
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({ dataSourceId: orders.dataSourceId, state: 'active' });
      expect(shown.body.objectPath.slice(1)).toEqual([db.name, 'sales', 'orders']);
      expect(shown.body.settings.dataOwners).toMatchObject({ value: [{ type: 'user', name: 'admin' }] });

      // The hidden connection: never listed, never addressable as a connection, never crawled whole.
      const hiddenKey = shown.body.objectPath[0] as string;
      expect(hiddenKey.startsWith('legacy:')).toBe(true);
      expect(((await server.request('GET', '/data/connection')).body as { connectionKey: string }[]).map((c) => c.connectionKey)).not.toContain(hiddenKey);
      expect((await server.request('GET', `/data/connection/${encodeURIComponent(hiddenKey)}`)).body).toMatchObject({ statusCode: 404, code: 'CONNECTION_NOT_FOUND' });
      expect((await server.request('POST', '/data/crawl', { objectPath: [hiddenKey] })).body).toMatchObject({ statusCode: 404, code: 'CONNECTION_NOT_FOUND' });
      // It holds only the registered tables' chains.
      const hidden = (await store().connections.findByKey(hiddenKey))!;
      expect(hidden.legacyConnectionString).toBe(setup.connectionString);
      expect((await store().objects.findChain(hidden.id, [db.name]))).toBeDefined();

      const project = (await store().schemaProjects.findById(orders.schemaEvolutionId))!;
      expect(project).toMatchObject({ name: 'sales', connectionId: hidden.id, remoteDatabase: db.name, remoteSchema: 'sales', monitoring: false, detectionOwner: { type: 'user', name: 'admin' } });
      const handler = (await store().legacyHandlers.findById(orders.id))!;
      expect(handler).toMatchObject({ name: orders.name, technology: 'PostgreSQL', remoteDatabase: db.name, remoteSchema: 'sales', remoteTable: 'orders', sqlTableName: 'orders', sqlSchemaName: 'sales', schemaProjectId: project.id });
      // The handler keeps the non-secret details; the one sealed copy of the password is the hidden connection's.
      expect(handler.details).not.toHaveProperty('password');
      expect(JSON.stringify(await server.request('GET', `/dataSource/${orders.dataSourceId}`))).not.toContain(role.password);
      expect(server.logs.join('\n')).not.toContain(role.password);

      const audit = await auditOf(server, '&action=legacy.registered');
      expect(audit.hits.find((h) => h.target === `dataSource:${orders.dataSourceId}`)).toMatchObject({ actor: 'user:admin', after: { name: orders.name, handlerId: orders.id, connectionString: setup.connectionString } });

      // The upgrade's view: every legacy data source of the integration of that host.
      const integration = await server.request('POST', '/integrations', { type: 'PostgreSQL', config: { ...setup.metadata('sales', 'orders'), schema: undefined, table: undefined } });
      expect(integration.status).toBe(201);
      const sources = await server.server.container.legacySources.sourcesOfIntegration(integration.body.id);
      expect(sources.filter((s) => s.connection.id === hidden.id).map((s) => s.dataSourceId).sort()).toEqual(setup.tables.map((t) => t.dataSourceId).sort());
      expect(sources.find((s) => s.dataSourceId === orders.dataSourceId)).toMatchObject({ remotePath: [db.name, 'sales', 'orders'], enabled: true, schemaProject: { id: project.id } });
    });

    it('answers a single handler with one object, names from the template, sets schema monitoring and owners, and adds to an existing schema project', async () => {
      const setup = await legacyPostgresSetup(server, pg, { schemas: { shop: ['items'] }, body: { schemaEvolution: { disabled: true } } });
      await sqlIn(setup.db, `CREATE TABLE shop."Carts" (id int); CREATE TABLE shop.lines (id int)`);
      const single = await server.request('POST', '/pg/handler', {
        dataSource: { name: `${setup.db.name} carts`, owner: { profiles: ['alice'], groups: ['shop-owners'] }, blobHandlerType: 'PostgreSQL', type: 'queryable' },
        handler: { metadata: setup.metadata('shop', 'Carts', { staleDataTolerance: 86400 }) },
        schemaEvolution: { disabled: false, ownerProfileId: 'bob', config: { nameTemplate: { nameFormat: `${setup.db.name}-<schema>-<tablename>`, tableFormat: '<schema>_<tablename>' } } },
      });
      expect(single.status).toBe(200);
      expect(single.body).toMatchObject({ name: `${setup.db.name} carts`, connectionString: setup.connectionString, schemaEvolutionId: setup.table('shop', 'items').schemaEvolutionId });
      expect(single.body.warnings).toEqual(['handler[0].metadata.staleDataTolerance is accepted and not used by Warden']);
      const project = (await store().schemaProjects.findById(single.body.schemaEvolutionId))!;
      expect(project).toMatchObject({ monitoring: true, detectionOwner: { type: 'user', name: 'bob' } });
      expect((await store().legacyHandlers.findById(single.body.id))!.sqlTableName).toBe('shop_carts');
      const view = (await server.request('GET', `/dataSource/${single.body.dataSourceId}`)).body;
      expect(view.settings.dataOwners.value).toEqual([{ type: 'user', name: 'alice' }, { type: 'group', name: 'shop-owners' }]);

      // Without a name, the schema project's template names it (registerIntoSchemaProject: schema monitoring's way in).
      const [detected] = await server.server.container.legacySources.registerIntoSchemaProject(project.id, [{ table: 'lines' }], systemActor('schema-monitoring'));
      expect(detected).toMatchObject({ name: `${setup.db.name}-shop-lines`, schemaProjectId: project.id });
      expect((await server.request('GET', `/dataSource/${detected!.dataSourceId}`)).body.settings.dataOwners.value).toEqual([{ type: 'user', name: 'bob' }]);
    });

    it('refuses duplicate tables (400), taken names (409 "already exists"), a registered table (409) and an invisible table (422), registering none of the payload', async () => {
      const setup = await legacyPostgresSetup(server, pg, { schemas: { s: ['a'] } });
      await sqlIn(setup.db, 'CREATE TABLE s.b (id int); CREATE TABLE s.c (id int)');
      await sqlIn(setup.db, `CREATE TABLE s.hidden (id int); REVOKE SELECT ON s.hidden FROM ${quoteIdent(setup.role.name)}`);
      const before = await counts();
      const b = { metadata: setup.metadata('s', 'b', { dataSourceName: `${setup.db.name} b` }) };

      const twice = await server.request('POST', '/pg/handler', { handler: [b, { metadata: setup.metadata('s', 'b', { dataSourceName: 'other' }) }] });
      expect(twice.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(twice.body.message).toContain('handler[0] and handler[1] name the same table');

      const taken = await server.request('POST', '/pg/handler', { handler: [b, { metadata: setup.metadata('s', 'c', { dataSourceName: setup.table('s', 'a').name }) }] });
      expect(taken.body).toMatchObject({ statusCode: 409, code: 'LEGACY_NAME_TAKEN' });
      expect(taken.body.message).toContain('already exists');

      const again = await server.request('POST', '/pg/handler', { handler: { metadata: setup.metadata('s', 'a', { dataSourceName: 'another name' }) } });
      expect(again.body).toMatchObject({ statusCode: 409, code: 'TABLE_ALREADY_REGISTERED' });

      const invisible = await server.request('POST', '/pg/handler', { handler: [b, { metadata: setup.metadata('s', 'hidden', { dataSourceName: 'h' }) }] });
      expect(invisible.body).toMatchObject({ statusCode: 422, code: 'TABLE_NOT_VISIBLE' });
      expect(invisible.body.message).toContain('"s" / "hidden"');
      const missing = await server.request('POST', '/pg/handler', { handler: { metadata: setup.metadata('nope', 'x', { dataSourceName: 'x' }) } });
      expect(missing.body).toMatchObject({ statusCode: 422, code: 'TABLE_NOT_VISIBLE' });

      // Credentials are checked before anything is stored (the test server trusts passwords on 127.0.0.1: an unknown role it refuses).
      const wrongUser = await server.request('POST', '/pg/handler', { handler: { metadata: setup.metadata('s', 'b', { username: 'warden_no_such_role', dataSourceName: 'w' }) } });
      expect(wrongUser.body).toMatchObject({ statusCode: 422, code: 'AUTHENTICATION_FAILED' });
      expect(await counts()).toEqual(before);

      // A brand-new connection string whose only table is invisible leaves no hidden connection behind.
      const other = await pg.createRole({ connect: [setup.db.name] });
      const lonely = await server.request('POST', '/pg/handler', { handler: { metadata: setup.metadata('s', 'b', { username: other.name, password: other.password, dataSourceName: 'lonely' }) } });
      expect(lonely.body).toMatchObject({ statusCode: 422, code: 'TABLE_NOT_VISIBLE' });
      expect(await counts()).toEqual(before);
    });

    it('refuses prefixes without a connector, unknown prefixes and bad metadata, and lets CREATE_DATA_SOURCE register', async () => {
      expect((await server.request('POST', '/mssql/handler', { handler: { metadata: { database: 'd', table: 't' } } })).body).toMatchObject({ statusCode: 400, code: 'UNSUPPORTED_TECHNOLOGY' });
      expect((await server.request('POST', '/nosuch/handler', { handler: { metadata: { database: 'd', table: 't' } } })).body).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND' });
      const noSchema = await server.request('POST', '/pg/handler', { handler: { metadata: { hostname: 'h', port: 5432, database: 'd', table: 't', username: 'u', password: 'p' } } });
      expect(noSchema.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(noSchema.body.message).toContain('handler[0].metadata.schema is required');
      const unknownField = await server.request('POST', '/pg/handler', { handler: { metadata: { hostname: 'h', port: 5432, database: 'd', schema: 's', table: 't', username: 'u', password: 'p', bogus: 1 } } });
      expect(unknownField.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(unknownField.body.message).toContain('handler[0].metadata');

      const registrar = await addUserWithKey(server, 'legacy-registrar', { permissions: ['CREATE_DATA_SOURCE'] });
      const nobody = await addUserWithKey(server, 'legacy-nobody');
      const setup = await legacyPostgresSetup(server, pg, { schemas: { s: ['t'] }, apiKey: registrar });
      expect((await server.request('GET', `/dataSource/${setup.tables[0]!.dataSourceId}`)).body.settings.dataOwners.value).toEqual([{ type: 'user', name: 'legacy-registrar' }]);
      const refused = await server.request('POST', '/pg/handler', { handler: { metadata: setup.metadata('s', 't') } }, { apiKey: nobody });
      expect(refused.status).toBe(403);
    });

    it('removes a legacy data source, and the hidden chain and connection with the last one', async () => {
      const setup = await legacyPostgresSetup(server, pg, { schemas: { x: ['one'], y: ['two'] } });
      const service = server.server.container.legacySources;
      const one = (await service.describe(setup.table('x', 'one').dataSourceId))!;
      await service.remove(one.dataSourceId, systemActor('test'));
      expect(await service.describe(one.dataSourceId)).toBeNull();
      expect(await store().schemaProjects.findById(one.schemaProject!.id)).toBeUndefined();
      expect(await store().objects.findChain(one.connection.id, [setup.db.name, 'x'])).toBeUndefined();
      expect(await store().connections.findById(one.connection.id)).toBeDefined();
      await service.remove(setup.table('y', 'two').dataSourceId, systemActor('test'));
      expect(await store().connections.findById(one.connection.id)).toBeUndefined();
      await expect(service.remove(one.dataSourceId, systemActor('test'))).rejects.toMatchObject({ code: 'DATA_SOURCE_NOT_FOUND' });
    });

    it('shows a handler with its details redacted, and deletes it with its data source', async () => {
      const setup = await legacyPostgresSetup(server, pg, { schemas: { v: ['shown', 'kept'] } });
      const shown = setup.table('v', 'shown');
      const got = await server.request('GET', `/pg/handler/${shown.id}`);
      expect(got.status).toBe(200);
      expect(got.body).toMatchObject({
        id: shown.id,
        dataSourceId: shown.dataSourceId,
        name: shown.name,
        technology: 'PostgreSQL',
        connectionString: setup.connectionString,
        schemaEvolutionId: shown.schemaEvolutionId,
        metadata: { hostname: adminServer.host, database: setup.db.name, schema: 'v', table: 'shown', username: setup.role.name, password: '[REDACTED]' },
      });
      expect((await server.request('GET', `/mariadb/handler/${shown.id}`)).body).toMatchObject({ statusCode: 404, code: 'LEGACY_HANDLER_NOT_FOUND' });
      expect((await server.request('DELETE', `/pg/handler/${shown.id}`)).body).toMatchObject({ id: shown.id, dataSourceId: shown.dataSourceId });
      expect((await server.request('GET', `/pg/handler/${shown.id}`)).status).toBe(404);
      expect((await server.request('GET', `/dataSource/${shown.dataSourceId}`)).status).toBe(404);
      expect((await server.request('GET', `/pg/handler/${setup.table('v', 'kept').id}`)).status).toBe(200);
    });

    it('replaces connection details: same connection string in place, another one moves the data source keeping its id, owners, status and tags', async () => {
      const setup = await legacyPostgresSetup(server, pg, { schemas: { m: ['a', 'b', 'c'] } });
      const [a, b, c] = [setup.table('m', 'a'), setup.table('m', 'b'), setup.table('m', 'c')];
      const other = await pg.createRole({ connect: [setup.db.name] });
      await grantCrawlAccess(setup.db.name, other);
      const handlerOf = async (id: number) => (await server.request('GET', `/pg/handler/${id}`)).body;
      const before = await handlerOf(a.id);
      expect((await server.request('POST', `/tag/datasource/${a.dataSourceId}`, [{ name: 'Moved.Along' }])).status).toBe(200);
      expect((await server.request('PUT', '/data/settings', { objectPath: before.objectPath, settings: { isActive: false, dataOwners: [{ type: 'user', name: 'carol' }] } })).status).toBe(200);

      // The same connection string: replaced in place.
      const inPlace = await server.request('PUT', `/pg/handler/${b.id}`, { metadata: setup.metadata('m', 'b', { tls: { mode: 'disable' } }) });
      expect(inPlace.body).toMatchObject({ id: b.id, dataSourceId: b.dataSourceId, connectionString: setup.connectionString });

      const moved = await server.request('PUT', `/pg/handler/${a.id}`, { metadata: setup.metadata('m', 'a', { username: other.name, password: other.password }) });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ id: a.id, dataSourceId: a.dataSourceId, name: a.name, enabled: false, connectionString: `${other.name}@${adminServer.host}:${adminServer.port}/${setup.db.name}` });
      expect(moved.body.objectPath[0]).not.toBe(before.objectPath[0]);
      const info = (await server.server.container.legacySources.describe(a.dataSourceId))!;
      expect(info.object.overrides.dataOwners).toEqual([{ type: 'user', name: 'carol' }]);
      expect((await store().tags.listFor(info.object.id)).map((t) => t.name)).toContain('Moved.Along');
      expect(info.schemaProject).toMatchObject({ remoteSchema: 'm', connectionId: info.connection.id });

      expect((await server.request('PUT', `/pg/handler/${b.id}`, { metadata: setup.metadata('m', 'c') })).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect((await server.request('PUT', '/pg/bulk', { connectionString: 'nobody@nowhere:1/none', handler: { metadata: setup.metadata('m', 'b') } })).body).toMatchObject({ statusCode: 404, code: 'LEGACY_CONNECTION_STRING_NOT_FOUND' });

      // Bulk: the rest of the old connection string follows; its hidden connection goes.
      const oldConnection = (await server.server.container.legacySources.describe(b.dataSourceId))!.connection;
      const bulk = await server.request('PUT', '/pg/bulk', { connectionString: setup.connectionString, handler: { metadata: { ...setup.metadata('m', 'b', { username: other.name, password: other.password }), table: undefined } }, schemaEvolution: { disabled: false } });
      expect(bulk.status).toBe(200);
      expect(bulk.body.map((h: { id: number }) => h.id).sort()).toEqual([b.id, c.id].sort());
      expect(await store().connections.findById(oldConnection.id)).toBeUndefined();
      const after = (await server.server.container.legacySources.describe(c.dataSourceId))!;
      expect(after).toMatchObject({ enabled: true, connection: { id: info.connection.id }, schemaProject: { monitoring: true } });
    });

    it('registers MariaDB tables, whose database is their schema', async () => {
      const setup = await legacyMariadbSetup(server, maria, { schemas: { any: ['m1', 'm2'] } });
      const [m1, m2] = [setup.table(setup.database, 'm1'), setup.table(setup.database, 'm2')];
      expect(m1.schemaEvolutionId).toBe(m2.schemaEvolutionId);
      const view = (await server.request('GET', `/dataSource/${m1.dataSourceId}`)).body;
      expect(view).toMatchObject({ state: 'active' });
      expect(view.objectPath.slice(1)).toEqual([setup.database, 'm1']);
      expect(await store().schemaProjects.findById(m1.schemaEvolutionId)).toMatchObject({ remoteDatabase: setup.database, remoteSchema: setup.database });
      await mariadbAdmin(`CREATE TABLE ${quoteName(setup.database)}.m3 (id int)`);
      const wrongSchema = await server.request('POST', '/mariadb/handler', { handler: { metadata: setup.metadata(setup.database, 'm3', { schema: 'other' }) } });
      expect(wrongSchema.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    });
  },
  { needs: ['PostgreSQL', 'MariaDB'] },
);
