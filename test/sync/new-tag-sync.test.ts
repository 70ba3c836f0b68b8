import { beforeAll, expect, it } from 'vitest';
import { registerTestConnection, sqlIn } from '../helpers/catalog-fixtures.js';
import { MariadbTestContext, mariadbAdmin, mariadbServer, quoteName } from '../helpers/mariadb-server.js';
import { PostgresTestContext, type TestDatabase } from '../helpers/postgres-server.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { syncThroughApi, urlPath, useServerWithPostgres, type TestServer } from '../helpers/test-server.js';

/**
 * The system tag New and column identity, end to end against real PostgreSQL and MariaDB
 * sources changing between syncs (issue 10): an added or retyped column of an enabled table gets
 * New, a new table does not, `tagNewColumns: false` turns it off; a PostgreSQL column rename
 * (attnum) keeps the column's tags and is no new column.
 */
const columnTags = async (server: TestServer, ...path: string[]) => {
  const response = await server.request('GET', `/data/tags/${urlPath(...path)}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  const body = response.body as { tags: unknown[]; columns: { name: string; tags: { name: string; source: string }[] }[] };
  return { object: body.tags, columns: Object.fromEntries(body.columns.map((c) => [c.name, c.tags.map((t) => `${t.name}/${t.source}`)])) };
};

/** PUT /data/connection/{key} turning New off; the connection shows the setting. */
const turnNewOff = async (server: TestServer, key: string) => {
  const response = await server.request('PUT', `/data/connection/${encodeURIComponent(key)}`, { connection: { tagNewColumns: false } });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  expect(response.body.connection.tagNewColumns).toBe(false);
};

describeEachStore(
  'the New tag and column renames against PostgreSQL',
  (kind) => {
    const suite = useServerWithPostgres(() => new PostgresTestContext(), kind);
    const key = 'New Tags PG';
    let server: TestServer;
    let db: TestDatabase;
    const sync = () => syncThroughApi(server, key, db.name);
    const tags = (table: string) => columnTags(server, key, db.name, 'public', table);

    beforeAll(async () => {
      server = suite.server();
      ({ db } = await registerTestConnection(server, suite.pg, {
        connectionKey: key,
        settings: { isActive: true },
        sql: 'CREATE TABLE public.orders (id integer, amount integer, note text)',
      }));
    });

    it('tags a column added to, and a column retyped on, an enabled table; not a new table', async () => {
      await sqlIn(db, 'ALTER TABLE public.orders ADD COLUMN placed_at timestamptz');
      await sqlIn(db, 'ALTER TABLE public.orders ALTER COLUMN amount TYPE bigint');
      await sqlIn(db, 'CREATE TABLE public.fresh (id integer)');
      const { job } = await sync();
      expect(job).toMatchObject({ state: 'completed', errors: [] });
      expect((await tags('orders')).columns).toEqual({ id: [], amount: ['New/system'], note: [], placed_at: ['New/system'] });
      expect((await tags('fresh')).columns).toEqual({ id: [] });
      const audit = await server.request('GET', `/audit?action=object.tags&actor=system:sync`);
      expect(audit.body.hits.map((h: any) => h.target).sort()).toEqual(['column:amount', 'column:placed_at']);
    });

    it('records a column rename as columnRenamed: its tags follow it and it gets no New', async () => {
      const added = await server.request('POST', `/data/tags/${urlPath(key, db.name, 'public', 'orders')}`, { tags: [{ name: 'PII' }], column: 'note' });
      expect(added.status, JSON.stringify(added.body)).toBe(200);
      await sqlIn(db, 'ALTER TABLE public.orders RENAME COLUMN note TO remark');
      await sqlIn(db, 'ALTER TABLE public.orders RENAME COLUMN placed_at TO ordered_at');
      const { changes } = await sync();
      expect(changes.filter((c) => c.change === 'columnRenamed').map((c) => c.details)).toEqual([
        { from: 'note', to: 'remark' },
        { from: 'placed_at', to: 'ordered_at' },
      ]);
      const table = changes.find((c) => c.change === 'changed')!;
      expect(table.details.columns).toEqual([
        { change: 'renamed', column: 'remark', from: 'note', fields: {} },
        { change: 'renamed', column: 'ordered_at', from: 'placed_at', fields: {} },
      ]);
      expect((await tags('orders')).columns).toEqual({ id: [], amount: ['New/system'], remark: ['PII/user'], ordered_at: ['New/system'] });
    });

    it('gives no New once the connection turns tagNewColumns off', async () => {
      await turnNewOff(server, key);
      await sqlIn(db, 'ALTER TABLE public.orders ADD COLUMN shipped_at timestamptz');
      await sqlIn(db, 'ALTER TABLE public.orders ALTER COLUMN id TYPE bigint');
      await sync();
      expect((await tags('orders')).columns).toMatchObject({ id: [], shipped_at: [] });
    });
  },
  { needs: ['PostgreSQL'] },
);

describeEachStore(
  'the New tag against MariaDB',
  (kind) => {
    const suite = useServerWithPostgres(() => new MariadbTestContext(), kind);
    const key = 'New Tags Maria';
    let server: TestServer;
    let db: string;
    const sql = (statement: string) => mariadbAdmin(statement, [], db);
    const sync = () => syncThroughApi(server, key, db);
    const tags = (table: string) => columnTags(server, key, db, table);

    beforeAll(async () => {
      server = suite.server();
      db = await suite.pg.createDatabase({});
      await sql('CREATE TABLE orders (id int, amount int, note text)');
      const user = await suite.pg.createUser({ visible: [`${quoteName(db)}.*`] });
      const response = await server.request('POST', '/data/connection', {
        connectionKey: key,
        connection: { technology: 'MariaDB', hostname: mariadbServer.host, port: mariadbServer.port, authenticationType: 'userPassword', username: user.name, password: user.password, tls: { mode: 'disable' } },
        settings: { isActive: true },
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      expect(await server.waitForJob(response.body.syncRunId)).toMatchObject({ state: 'completed' });
    });

    it('tags an added and a retyped column, not a new table; a rename (no column ids) is a drop and an add', async () => {
      await sql('ALTER TABLE orders ADD COLUMN placed_at datetime');
      await sql('ALTER TABLE orders MODIFY amount bigint');
      await sql('ALTER TABLE orders RENAME COLUMN note TO remark');
      await sql('CREATE TABLE fresh (id int)');
      const { changes } = await sync();
      expect(changes.filter((c) => c.change === 'columnRenamed')).toEqual([]);
      expect((await tags('orders')).columns).toEqual({ id: [], amount: ['New/system'], remark: ['New/system'], placed_at: ['New/system'] });
      expect((await tags('fresh')).columns).toEqual({ id: [] });
    });

    it('gives no New once the connection turns tagNewColumns off', async () => {
      await turnNewOff(server, key);
      await sql('ALTER TABLE orders ADD COLUMN shipped_at datetime');
      await sync();
      expect((await tags('orders')).columns).toMatchObject({ shipped_at: [] });
    });
  },
  { needs: ['MariaDB'] },
);
