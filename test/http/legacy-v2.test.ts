import { afterAll, beforeAll, expect, it } from 'vitest';
import { grantCrawlAccess, sqlIn } from '../helpers/catalog-fixtures.js';
import { adminServer, PostgresTestContext, type TestDatabase, type TestRole } from '../helpers/postgres-server.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** POST /api/v2/data, DELETE and POST /api/v2/data/{connectionKey} (legacy-api.md §3) on both stores against a real PostgreSQL. */
describeEachStore(
  'legacy V2 declarations',
  (kind) => {
    const pg = new PostgresTestContext();
    let server: TestServer;
    let db: TestDatabase;
    let role: TestRole;
    const connection = (extra: Record<string, unknown> = {}) => ({
      handler: 'PostgreSQL',
      hostname: adminServer.host,
      port: adminServer.port,
      database: db.name,
      username: role.name,
      password: role.password,
      tls: { mode: 'disable' },
      ssl: false,
      ...extra,
    });

    beforeAll(async () => {
      server = await startTestServer({}, { store: kind });
      db = await pg.createDatabase();
      await sqlIn(db, 'CREATE SCHEMA tpc; CREATE TABLE tpc."CUSTOMER" (id int); CREATE TABLE tpc.orders (id int); CREATE SCHEMA other; CREATE TABLE other.t (id int)');
      role = await pg.createRole({ connect: [db.name] });
      await grantCrawlAccess(db.name, role);
    });
    afterAll(async () => {
      await server?.close();
      await pg.cleanup();
    });

    it('creates, keeps, renames and removes data sources as the declaration says, dry runs changing nothing', async () => {
      const key = `tf-${kind}`;
      const declare = (body: Record<string, unknown>, query = '') => server.request('POST', `/api/v2/data${query}`, { connectionKey: key, connection: connection(), ...body });
      const template = { dataSourceFormat: '<schema>.<tablename>' };

      // Without sources: every table of the schema, names lower-cased from the template.
      const dry = await declare({ nameTemplate: template, connection: connection({ schema: 'tpc' }) }, '?dryRun=true&wait=0');
      expect(dry.body).toEqual({ dryRun: true, creating: ['tpc.customer', 'tpc.orders'], updating: [], deleting: [], noChange: [], detectionRunning: false, tagsUpdated: false });
      expect((await server.request('DELETE', `/api/v2/data/${key}?dryRun=true`)).body).toMatchObject({ statusCode: 404, code: 'CONNECTION_NOT_FOUND' });

      const created = await declare({ nameTemplate: template, connection: connection({ schema: 'tpc' }), owners: [{ type: 'group', name: 'tpc-owners' }] });
      expect(created.body).toMatchObject({ dryRun: false, creating: ['tpc.customer', 'tpc.orders'], deleting: [], noChange: [] });
      const sources = await server.server.container.legacySources.sourcesOfV2Key(key);
      expect(sources.map((s) => s.handler.name).sort()).toEqual(['tpc.customer', 'tpc.orders']);
      expect(sources[0]!.schemaProject).toMatchObject({ monitoring: true });
      expect((await server.request('GET', `/dataSource/${sources[0]!.dataSourceId}`)).body.settings.dataOwners.value).toEqual([{ type: 'group', name: 'tpc-owners' }]);

      // Re-posting with one table: the other goes; a name given for the kept one renames it.
      const narrowed = await declare({ nameTemplate: template, sources: [{ schema: 'tpc', table: 'CUSTOMER', naming: { datasource: 'customers' } }] });
      expect(narrowed.body).toMatchObject({ creating: [], updating: ['customers'], deleting: ['tpc.orders'], noChange: [] });
      expect((await server.server.container.legacySources.sourcesOfV2Key(key)).map((s) => s.handler.name)).toEqual(['customers']);
      const same = await declare({ sources: [{ schema: 'tpc', table: 'CUSTOMER', naming: { datasource: 'customers' } }] });
      expect(same.body).toMatchObject({ creating: [], updating: [], deleting: [], noChange: ['customers'] });
      // Other details for the same connection string (a rotated password; the test server trusts 127.0.0.1): updating, in place.
      const rotated = await declare({ connection: connection({ password: 'rotated-password-1' }), sources: [{ schema: 'tpc', table: 'CUSTOMER', naming: { datasource: 'customers' } }] });
      expect(rotated.body).toMatchObject({ creating: [], updating: ['customers'], deleting: [], noChange: [] });
      const [kept] = await server.server.container.legacySources.sourcesOfV2Key(key);
      expect(server.server.container.legacySources.hasDetails(kept!, { ...kept!.handler.details, password: 'rotated-password-1' } as never)).toBe(true);

      // The display name edit.
      const renamed = await server.request('POST', `/api/v2/data/${key}`, { sources: [{ schema: 'tpc', table: 'CUSTOMER', naming: { datasource: 'clients' } }] });
      expect(renamed.body).toMatchObject({ updating: ['clients'], noChange: [] });
      expect((await server.request('POST', `/api/v2/data/no-such-key`, {})).status).toBe(404);

      // The same host and database under another key is refused.
      const clash = await server.request('POST', '/api/v2/data', { connectionKey: `${key}-other`, connection: connection(), sources: [{ schema: 'other', table: 't' }] });
      expect(clash.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(clash.body.message).toContain('You may only define data sources for the same connection once.');

      // Deleting: the existence probe answers 200 while it exists, and 404 once it is gone.
      expect((await server.request('DELETE', `/api/v2/data/${key}?dryRun=true`)).body).toMatchObject({ dryRun: true, deleting: ['clients'] });
      expect((await server.request('DELETE', `/api/v2/data/${key}`)).body).toMatchObject({ dryRun: false, deleting: ['clients'] });
      expect((await server.request('DELETE', `/api/v2/data/${key}?dryRun=true`)).status).toBe(404);
      expect(await server.server.container.legacySources.sourcesOfV2Key(key)).toEqual([]);
    });

    it('refuses, before anything changes, unknown technologies, bad fields and names used twice', async () => {
      const base = { connectionKey: `bad-${kind}` };
      expect((await server.request('POST', '/api/v2/data', { ...base, connection: connection({ handler: 'Amazon S3' }) })).body).toMatchObject({ statusCode: 400, code: 'UNSUPPORTED_TECHNOLOGY' });
      expect((await server.request('POST', '/api/v2/data', { ...base, connection: connection({ bogus: true }), sources: [{ schema: 'tpc', table: 'orders' }] })).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      const twice = await server.request('POST', '/api/v2/data', { ...base, connection: connection(), nameTemplate: { dataSourceFormat: 'same' }, sources: [{ schema: 'tpc', table: 'orders' }, { schema: 'other', table: 't' }] });
      expect(twice.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(await server.server.container.legacySources.sourcesOfV2Key(base.connectionKey)).toEqual([]);
    });
  },
  { needs: ['PostgreSQL'] },
);
