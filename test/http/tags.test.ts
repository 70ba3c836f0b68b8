import { beforeAll, expect, it } from 'vitest';
import { addUserWithKey } from '../helpers/access-fixtures.js';
import { registerTestConnection } from '../helpers/catalog-fixtures.js';
import { MariadbTestContext, mariadbAdmin, mariadbServer, quoteName } from '../helpers/mariadb-server.js';
import { adminQuery, PostgresTestContext } from '../helpers/postgres-server.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { syncThroughApi, urlPath, useServerWithPostgres, type TestServer } from '../helpers/test-server.js';

/** The tag routes and where tags show, on both stores, against real PostgreSQL and MariaDB sources (issue 10). */
const tagsOf = async (s: TestServer, ...path: string[]) => {
  const response = await s.request('GET', `/data/tags/${urlPath(...path)}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { tags: any[]; columns?: { name: string; tags: any[] }[] };
};
const names = (tags: { name: string; source: string }[]) => tags.map((t) => `${t.name}/${t.source}`);
const tagRowCount = async (s: TestServer) => (await s.server.container.catalogStore.store.db.selectFrom('tags').select('id').execute()).length;
const counts = async (s: TestServer, searchText: string) => (await s.request('GET', `/tag?searchText=${encodeURIComponent(searchText)}`)).body.hits;
const taggedSources = async (s: TestServer, ...tags: string[]) =>
  (await s.request('GET', `/dataSource?${tags.map((t) => `tag=${encodeURIComponent(t)}`).join('&')}`)).body.hits.map((h: any) => h.objectPath.at(-1)).sort();

describeEachStore(
  'tags on a PostgreSQL source',
  (kind) => {
    const { server, pg } = useServerWithPostgres(() => new PostgresTestContext(), kind);
    const key = `Tagged PG ${kind}`;
    let s: TestServer;
    let db: string;
    const path = (...rest: string[]) => [key, db, ...rest];

    beforeAll(async () => {
      s = server();
      const registered = await registerTestConnection(s, pg, {
        connectionKey: key,
        settings: { isActive: true, activateNewChildren: true },
        sql: `CREATE SCHEMA sales; CREATE TABLE sales.orders (id int, email text); CREATE TABLE sales.items (id int);
              CREATE SCHEMA archive; CREATE SCHEMA hidden;`,
      });
      db = registered.db.name;
      // "hidden" is not granted to the crawl role: a table moved there disappears from the platform's view.
      await adminQuery(db, `REVOKE ALL ON SCHEMA hidden FROM ${registered.role.name}`);
    });

    it('adds, lists and removes user tags on an object and a column, in both path forms', async () => {
      const url = `/data/tags/${urlPath(...path('sales', 'orders'))}`;
      let response = await s.request('POST', url, { tags: [{ name: 'PII.Email' }], column: 'email' });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.columns.find((c: any) => c.name === 'email').tags).toEqual([
        { name: 'PII.Email', value: null, source: 'user', addedBy: 'user:admin', addedAt: expect.any(String) },
      ]);
      response = await s.request('POST', '/data/tags', { objectPath: path('sales', 'orders'), tags: [{ name: 'Cost Centre', value: 'cc-1' }, { name: 'Finance' }] });
      expect(response.status).toBe(200);
      // Adding again is idempotent, or changes the value.
      response = await s.request('POST', url, { tags: [{ name: 'Cost Centre', value: 'cc-2' }, { name: 'Finance' }] });
      expect(response.body.tags.map((t: any) => [t.name, t.value])).toEqual([['Cost Centre', 'cc-2'], ['Finance', null]]);

      const view = await s.request('GET', `/data/object/${urlPath(...path('sales', 'orders'))}`);
      expect(names(view.body.tags)).toEqual(['Cost Centre/user', 'Finance/user']);
      expect(view.body.columns.map((c: any) => [c.name, names(c.tags)])).toEqual([['id', []], ['email', ['PII.Email/user']]]);
      const dictionary = await s.request('GET', `/dictionary/${view.body.dataSourceId}`);
      expect(dictionary.body.columns.find((c: any) => c.name === 'email').tags.map((t: any) => t.name)).toEqual(['PII.Email']);
      const children = await s.request('POST', `/data/object/search/${urlPath(...path('sales'))}`, {});
      expect(children.body.hits.find((h: any) => h.objectPath.at(-1) === 'orders').tags.map((t: any) => t.name)).toEqual(['Cost Centre', 'Finance']);

      response = await s.request('DELETE', '/data/tags', { objectPath: path('sales', 'orders'), name: 'Finance' });
      expect(response.status).toBe(200);
      expect(names((await tagsOf(s, ...path('sales', 'orders'))).tags)).toEqual(['Cost Centre/user']);
      const audit = await s.request('GET', '/audit?action=object.tags&size=1');
      expect(audit.body.hits[0]).toMatchObject({
        actor: 'user:admin',
        objectPath: path('sales', 'orders'),
        before: { tags: [{ name: 'Cost Centre', value: 'cc-2', source: 'user' }, { name: 'Finance', value: null, source: 'user' }] },
        after: { tags: [{ name: 'Cost Centre', value: 'cc-2', source: 'user' }] },
      });
    });

    it('refuses bad names, unknown columns and removing platform tags, changing nothing', async () => {
      const url = `/data/tags/${urlPath(...path('sales', 'items'))}`;
      for (const name of ['', 'PII..Email', ' PII', 'a\u0000b', 'x'.repeat(129)]) {
        const response = await s.request('POST', url, { tags: [{ name }] });
        expect(response.status, name).toBe(400);
        expect(response.body.code).toBe('VALIDATION_FAILED');
      }
      const unknown = await s.request('POST', url, { tags: [{ name: 'PII' }], column: 'nope' });
      expect(unknown).toMatchObject({ status: 404, body: { code: 'COLUMN_NOT_FOUND' } });
      const onSchema = await s.request('POST', `/data/tags/${urlPath(...path('sales'))}`, { tags: [{ name: 'PII' }], column: 'id' });
      expect(onSchema).toMatchObject({ status: 404, body: { code: 'COLUMN_NOT_FOUND' } });
      expect(await s.request('DELETE', url, { name: 'Absent' })).toMatchObject({ status: 404, body: { code: 'TAG_NOT_FOUND' } });

      const items = (await s.server.container.catalogStore.objects.findChain((await s.server.container.catalogStore.connections.findByKey(key))!.id, [db, 'sales', 'items']))!.at(-1)!;
      await s.server.container.catalogStore.tags.insert([
        { objectId: items.id, column: null, name: 'Snow.Class', value: 'secret', source: 'platform', addedBy: null, addedAt: new Date().toISOString() },
        { objectId: items.id, column: 'id', name: 'New', value: null, source: 'system', addedBy: null, addedAt: new Date().toISOString() },
      ]);
      for (const body of [{ name: 'Snow.Class' }, { name: 'Snow.Class', source: 'platform' }]) {
        const refused = await s.request('DELETE', url, body);
        expect(refused).toMatchObject({ status: 409, body: { code: 'PLATFORM_TAG_READ_ONLY' } });
        expect(refused.body.message).toMatch(/follows it/);
      }
      // A user tag of the same name sits beside the platform's and goes alone.
      await s.request('POST', url, { tags: [{ name: 'Snow.Class' }] });
      await s.request('DELETE', url, { name: 'Snow.Class' });
      expect(names((await tagsOf(s, ...path('sales', 'items'))).tags)).toEqual(['Snow.Class/platform']);

      // New: only a reader may not clear it; GOVERNANCE does (source system).
      const reader = await addUserWithKey(s, `tag-reader-${kind}`, { permissions: ['CREATE_DATA_SOURCE'] });
      const governance = await addUserWithKey(s, `tag-gov-${kind}`, { permissions: ['GOVERNANCE'] });
      expect((await s.request('GET', url, undefined, { apiKey: reader })).status).toBe(200);
      expect((await s.request('DELETE', url, { name: 'New', column: 'id', source: 'system' }, { apiKey: reader })).status).toBe(403);
      expect((await s.request('DELETE', url, { name: 'New', column: 'id', source: 'system' }, { apiKey: governance })).status).toBe(200);
      const cleared = await s.request('GET', `/audit?action=object.tags&actor=user:tag-gov-${kind}`);
      expect(cleared.body.hits[0]).toMatchObject({ target: 'column:id', before: { tags: [{ name: 'New', source: 'system' }] }, after: { tags: [] } });
    });

    it('filters data sources and children by tags, and counts tag names', async () => {
      await s.request('POST', `/data/tags/${urlPath(...path('sales', 'items'))}`, { tags: [{ name: 'Finance' }] });
      await s.request('POST', `/data/tags/${urlPath(...path('sales', 'orders'))}`, { tags: [{ name: 'Finance' }] });
      expect(await taggedSources(s, 'Finance')).toEqual(['items', 'orders']);
      // Every tag given must be there, on the data source or a column.
      expect(await taggedSources(s, 'Finance', 'PII.Email')).toEqual(['orders']);
      expect(await taggedSources(s, 'Finance', 'Nowhere')).toEqual([]);
      const sources = await s.request('GET', '/dataSource?tag=PII.Email');
      expect(sources.body.hits[0].tags.map((t: any) => t.name)).toEqual(['Cost Centre', 'Finance']);
      const children = await s.request('POST', `/data/object/search/${urlPath(...path('sales'))}`, { tags: ['PII.Email'] });
      expect(children.body.hits.map((h: any) => h.objectPath.at(-1))).toEqual(['orders']);
      expect(await counts(s, 'finance')).toEqual([{ name: 'Finance', objects: 2, columns: 0, dataSources: 2 }]);
      expect(await counts(s, 'PII.Email')).toEqual([{ name: 'PII.Email', objects: 0, columns: 1, dataSources: 1 }]);
    });

    it('serves the legacy /tag shapes for data sources and columns', async () => {
      const id = (await s.request('GET', `/data/object/${urlPath(...path('sales', 'items'))}`)).body.dataSourceId as number;
      let response = await s.request('POST', `/tag/datasource/${id}`, [{ name: 'Legacy', source: 'ignored', context: 'manual' }]);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(names(response.body)).toEqual(['Snow.Class/platform', 'Finance/user', 'Legacy/user']);
      response = await s.request('POST', `/tag/column/${id}_id`, [{ name: 'Legacy.Col', value: 'v' }]);
      expect(response.body.map((t: any) => [t.name, t.value])).toEqual([['Legacy.Col', 'v']]);
      expect((await tagsOf(s, ...path('sales', 'items'))).columns!.find((c) => c.name === 'id')!.tags.map((t) => t.name)).toEqual(['Legacy.Col']);
      expect((await s.request('DELETE', `/tag/column/${id}_id/Legacy.Col`)).body).toEqual([]);
      expect(names((await s.request('DELETE', `/tag/datasource/${id}/Legacy`)).body)).toEqual(['Snow.Class/platform', 'Finance/user']);
      expect(await s.request('DELETE', `/tag/datasource/${id}/Snow.Class`)).toMatchObject({ status: 409, body: { code: 'PLATFORM_TAG_READ_ONLY' } });
      for (const modelId of ['abc', `${id}`, `${id}_`]) {
        expect(await s.request('POST', `/tag/column/${encodeURIComponent(modelId)}`, [{ name: 'X' }]), modelId).toMatchObject({ status: 400, body: { code: 'INVALID_TAG_MODEL_ID' } });
      }
      expect(await s.request('POST', `/tag/datasource/${id}_id`, [{ name: 'X' }])).toMatchObject({ status: 400, body: { code: 'INVALID_TAG_MODEL_ID' } });
      expect(await s.request('POST', `/tag/column/${id}_nope`, [{ name: 'X' }])).toMatchObject({ status: 404, body: { code: 'COLUMN_NOT_FOUND' } });
      expect(await s.request('POST', '/tag/datasource/999999', [{ name: 'X' }])).toMatchObject({ status: 404, body: { code: 'DATA_SOURCE_NOT_FOUND' } });
    });

    it('keeps tags through re-syncs, a rename, a move, and a removal and reappearance', async () => {
      const expectOrdersTags = async (...where: string[]) => {
        const tags = await tagsOf(s, ...path(...where));
        expect(names(tags.tags)).toEqual(['Cost Centre/user', 'Finance/user']);
        expect(tags.columns!.find((c) => c.name === 'email')!.tags.map((t) => t.name)).toEqual(['PII.Email']);
      };
      await syncThroughApi(s, key);
      await expectOrdersTags('sales', 'orders');
      await adminQuery(db, 'ALTER TABLE sales.orders RENAME TO purchases');
      await syncThroughApi(s, key);
      await expectOrdersTags('sales', 'purchases');
      await adminQuery(db, 'ALTER TABLE sales.purchases SET SCHEMA archive');
      await syncThroughApi(s, key);
      await expectOrdersTags('archive', 'purchases');
      expect(await taggedSources(s, 'PII.Email')).toEqual(['purchases']);

      await adminQuery(db, 'ALTER TABLE archive.purchases SET SCHEMA hidden');
      await syncThroughApi(s, key);
      expect((await s.request('GET', `/data/object/${urlPath(...path('archive', 'purchases'))}`)).body.removed).toBe(true);
      await expectOrdersTags('archive', 'purchases');
      expect(await taggedSources(s, 'PII.Email')).toEqual([]);
      expect(await counts(s, 'PII.Email')).toEqual([]);
      await adminQuery(db, 'ALTER TABLE hidden.purchases SET SCHEMA archive');
      await syncThroughApi(s, key);
      await expectOrdersTags('archive', 'purchases');
      expect(await counts(s, 'PII.Email')).toEqual([{ name: 'PII.Email', objects: 0, columns: 1, dataSources: 1 }]);
    });

    it('leaves no tag rows when the connection is deleted', async () => {
      expect(await tagRowCount(s)).toBeGreaterThan(0);
      expect((await s.request('DELETE', `/data/object/${urlPath(key)}`)).status).toBe(200);
      expect(await tagRowCount(s)).toBe(0);
      expect(await counts(s, '')).toEqual([]);
      expect(await taggedSources(s, 'Finance')).toEqual([]);
    });
  },
  { needs: ['PostgreSQL'] },
);

describeEachStore(
  'tags on a MariaDB source',
  (kind) => {
    const { server, pg: maria } = useServerWithPostgres(() => new MariadbTestContext(), kind);
    const key = `Tagged Maria ${kind}`;
    let s: TestServer;
    let db: string;
    const sql = (statement: string) => mariadbAdmin(statement, [], db);

    beforeAll(async () => {
      s = server();
      db = await maria.createDatabase();
      await sql('CREATE TABLE orders (id int, email text)');
      await sql('CREATE TABLE other (n int)');
      const user = await maria.createUser({ visible: [`${quoteName(db)}.*`] });
      const response = await s.request('POST', '/data/connection', {
        connectionKey: key,
        connection: { technology: 'MariaDB', hostname: mariadbServer.host, port: mariadbServer.port, authenticationType: 'userPassword', username: user.name, password: user.password, tls: { mode: 'disable' } },
        settings: { isActive: true, activateNewChildren: true },
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      await s.waitForJob(response.body.syncRunId);
    });

    it('keeps user tags on a table and a column through a rename (by fingerprint) and a removal and reappearance, and deletes them with the connection', async () => {
      const orders = `/data/tags/${urlPath(key, db, 'orders')}`;
      expect((await s.request('POST', orders, { tags: [{ name: 'PII' }] })).status).toBe(200);
      expect((await s.request('POST', orders, { tags: [{ name: 'PII.Email' }], column: 'email' })).status).toBe(200);
      expect(await taggedSources(s, 'PII', 'PII.Email')).toEqual(['orders']);

      await sql('RENAME TABLE orders TO purchases');
      await syncThroughApi(s, key);
      const renamed = await tagsOf(s, key, db, 'purchases');
      expect(names(renamed.tags)).toEqual(['PII/user']);
      expect(renamed.columns!.find((c) => c.name === 'email')!.tags.map((t) => t.name)).toEqual(['PII.Email']);

      await sql('DROP TABLE purchases');
      await syncThroughApi(s, key);
      expect(await taggedSources(s, 'PII')).toEqual([]);
      expect(await counts(s, 'PII')).toEqual([]);
      await sql('CREATE TABLE purchases (id int, email text)');
      await syncThroughApi(s, key);
      expect(names((await tagsOf(s, key, db, 'purchases')).tags)).toEqual(['PII/user']);
      expect(await counts(s, 'PII')).toEqual([
        { name: 'PII', objects: 1, columns: 0, dataSources: 1 },
        { name: 'PII.Email', objects: 0, columns: 1, dataSources: 1 },
      ]);

      expect((await s.request('DELETE', `/data/object/${urlPath(key)}`)).status).toBe(200);
      expect(await tagRowCount(s)).toBe(0);
      expect(await counts(s, 'PII')).toEqual([]);
    });
  },
  { needs: ['MariaDB'] },
);
