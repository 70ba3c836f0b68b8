import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachStore } from '../helpers/store-kinds.js';
import { registerTestConnection, sqlIn } from '../helpers/catalog-fixtures.js';
import { PostgresTestContext, type TestDatabase } from '../helpers/postgres-server.js';
import { syncThroughApi, urlPath, useServerWithPostgres, type TestServer } from '../helpers/test-server.js';

/** Object sync end to end: a real server, the real PostgreSQL connector, a real database changing between syncs. */
describeEachStore('object sync against PostgreSQL', (kind) => {
  const suite = useServerWithPostgres(() => new PostgresTestContext(), kind);
  const pg = suite.pg;
  let server: TestServer;
  beforeAll(() => {
    server = suite.server();
  });

  const sync = (...path: string[]) => syncThroughApi(server, ...path);
  const object = async (...path: string[]) => server.request('GET', `/data/object/${urlPath(...path)}`);

  describe('hostile names', () => {
    let db: TestDatabase;
    const key = 'Hostile Names';
    const expected = [
      ['Mixed Case', 'CamelTable', 'table'],
      ['Mixed Case', 'cameltable', 'table'],
      ['Mixed Case', 'Typed Columns', 'table'],
      ['Mixed Case', 't23456789012345678901234567890123456789012345678901234567890123', 'table'],
      ['with "quotes" and spaces', 'a "quoted" table', 'table'],
      ['dots.and/slashes', 'table.with.dots/and/slash', 'table'],
      ['Ünïcødé 表', 'Ünïcødé 表', 'table'],
      ['Case', 'T', 'table'],
      ['case', 't', 'table'],
      ['Mixed Case', 'Camel View', 'view'],
      ['Mixed Case', 'Camel Matview', 'materializedView'],
      ['Mixed Case', 'Events', 'partitionedTable'],
      ['Mixed Case', 'Foreign Thing', 'foreignTable'],
    ] as const;

    beforeAll(async () => {
      ({ db } = await registerTestConnection(server, pg, { connectionKey: key, seed: 'hostile-names.sql', settings: { isActive: true } }));
    });

    it('round-trips every name through objectPath, the URL and the data source name', async () => {
      for (const [schema, table, kind] of expected) {
        const response = await object(key, db.name, schema, table);
        expect(response.status, `${schema}.${table}`).toBe(200);
        expect(response.body.objectPath).toEqual([key, db.name, schema, table]);
        expect(response.body.kind).toBe(kind);
        expect(response.body.dataSourceName).toBe([key, db.name, schema, table].join('.'));
        const byName = await server.request('GET', `/dataSource?searchText=${encodeURIComponent(response.body.dataSourceName)}`);
        expect(byName.body.hits.map((h: any) => h.objectPath)).toContainEqual([key, db.name, schema, table]);
      }
    });

    it('lists partitioned tables once, without their partitions', async () => {
      const children = await server.request('POST', `/data/object/search/${urlPath(key, db.name, 'Mixed Case')}`, { size: 1000 });
      const names = children.body.hits.map((h: any) => h.objectPath.at(-1));
      expect(names).toContain('Events');
      expect(names.filter((n: string) => n.startsWith('Events '))).toEqual([]);
    });

    it('keeps the dictionary: platform types, defaults, nullability and comments', async () => {
      const typed = await object(key, db.name, 'Mixed Case', 'Typed Columns');
      expect(typed.body.comment).toBe('Every column kind we care about');
      const byName = Object.fromEntries(typed.body.columns.map((c: any) => [c.name, c]));
      expect(byName['Short Name']).toMatchObject({ type: 'character varying(20)', nullable: false, comment: 'At most 20 characters' });
      expect(byName['Short Name'].defaultValue).toContain('anon');
      expect(byName.Amount).toMatchObject({ type: 'numeric(10,2)', nullable: true });
      expect(byName['quoted "col"']).toMatchObject({ type: 'integer', defaultValue: '42' });
      const dictionary = await server.request('GET', `/dictionary/${typed.body.dataSourceId}`);
      expect(dictionary.body.columns.map((c: any) => c.name)).toEqual(typed.body.columns.map((c: any) => c.name));
    });

    it('shows a name with "/" as %2F in the URL and nowhere else', async () => {
      const response = await server.request('GET', `/data/object/${encodeURIComponent(key)}/${encodeURIComponent(db.name)}/dots.and%2Fslashes/table.with.dots%2Fand%2Fslash`);
      expect(response.body.objectPath.slice(2)).toEqual(['dots.and/slashes', 'table.with.dots/and/slash']);
    });
  });

  describe('changes between syncs', () => {
    let db: TestDatabase;
    const key = 'Changing';

    beforeAll(async () => {
      // Enabled: a sync does not descend into disabled objects unless forced.
      db = (await registerTestConnection(server, pg, { connectionKey: key, settings: { isActive: true } })).db;
      await sqlIn(db, 'CREATE TABLE public.orders (id integer NOT NULL, amount numeric(10,2))');
      await sqlIn(db, 'CREATE TABLE public.customers (id integer, name text)');
      const { job } = await sync(key, db.name);
      expect(job.counts.added).toBe(2);
    });

    it('refuses a second connection with the same key with 409, naming the key, and changes nothing', async () => {
      const before = (await server.request('GET', `/data/connection/${key}`)).body;
      const again = await server.request('POST', '/data/connection', { connectionKey: key, connection: { ...before.connection, password: 'x' } });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'CONNECTION_KEY_TAKEN' });
      expect(again.body.message).toContain(`connectionKey "${key}"`);
      expect((await server.request('GET', `/data/connection/${key}`)).body).toEqual(before);
    });

    it('adds a created table and records it on the run', async () => {
      await sqlIn(db, 'CREATE TABLE public.invoices (id integer)');
      const { job, changes } = await sync(key, db.name);
      expect(job).toMatchObject({ state: 'completed', errors: [] });
      expect(job.counts).toMatchObject({ added: 1, removed: 0 });
      expect(changes).toEqual([expect.objectContaining({ change: 'added', objectPath: [key, db.name, 'public', 'invoices'] })]);
    });

    it('keeps a dropped table, disabled and flagged; one that comes back gets its settings back', async () => {
      await server.request('PUT', `/data/settings/${urlPath(key, db.name, 'public', 'invoices')}`, {
        settings: { isActive: true, dataOwners: [{ type: 'group', name: 'finance' }] },
      });
      await sqlIn(db, 'DROP TABLE public.invoices');
      const dropped = await sync(key, db.name);
      expect(dropped.changes).toEqual([expect.objectContaining({ change: 'removed', objectPath: [key, db.name, 'public', 'invoices'] })]);
      const gone = await object(key, db.name, 'public', 'invoices');
      expect(gone.body).toMatchObject({ removed: true, state: 'inactive', overrides: { isActive: true } });

      await sqlIn(db, 'CREATE TABLE public.invoices (id integer, total numeric)');
      const back = await sync(key, db.name);
      expect(back.changes.map((c) => c.change)).toEqual(['restored']);
      const restored = await object(key, db.name, 'public', 'invoices');
      expect(restored.body).toMatchObject({ removed: false, state: 'active', settings: { dataOwners: { value: [{ type: 'group', name: 'finance' }] } } });
      expect(restored.body.columns.map((c: any) => c.name)).toEqual(['id', 'total']);
    });

    it('renames a table in place (by OID), keeping its settings and history', async () => {
      const before = await object(key, db.name, 'public', 'customers');
      await server.request('PUT', `/data/settings/${urlPath(key, db.name, 'public', 'customers')}`, { settings: { isActive: true } });
      await sqlIn(db, 'ALTER TABLE public.customers RENAME TO clients');
      const { job, changes } = await sync(key, db.name);
      expect(job.counts).toMatchObject({ renamed: 1, added: 0, removed: 0 });
      expect(changes).toEqual([
        expect.objectContaining({ change: 'renamed', objectPath: [key, db.name, 'public', 'clients'], details: { from: 'customers', to: 'clients' } }),
      ]);
      const after = await object(key, db.name, 'public', 'clients');
      expect(after.body).toMatchObject({ state: 'active', stableId: before.body.stableId, dataSourceName: `${key}.${db.name}.public.clients` });
      expect((await object(key, db.name, 'public', 'customers')).status).toBe(404);
    });

    it('applies column adds, drops and type changes, and records them', async () => {
      await sqlIn(db, 'ALTER TABLE public.orders ADD COLUMN placed_at timestamptz');
      await sqlIn(db, 'ALTER TABLE public.orders DROP COLUMN amount');
      await sqlIn(db, 'ALTER TABLE public.orders ALTER COLUMN id TYPE bigint');
      const { job, changes } = await sync(key, db.name, 'public', 'orders');
      expect(job.counts).toMatchObject({ changed: 1 });
      expect(changes[0]?.details.columns).toEqual(
        expect.arrayContaining([
          { change: 'added', column: 'placed_at', type: 'timestamp with time zone' },
          { change: 'dropped', column: 'amount', type: 'numeric(10,2)' },
          { change: 'modified', column: 'id', fields: { type: { from: 'integer', to: 'bigint' } } },
        ]),
      );
      const orders = await object(key, db.name, 'public', 'orders');
      expect(orders.body.columns.map((c: any) => [c.name, c.type])).toEqual([
        ['id', 'bigint'],
        ['placed_at', 'timestamp with time zone'],
      ]);
    });

    it('changes nothing when nothing changed', async () => {
      const { job, changes } = await sync(key);
      expect(job.counts).toMatchObject({ added: 0, removed: 0, renamed: 0, changed: 0, restored: 0 });
      expect(job.counts.unchanged).toBeGreaterThan(0);
      expect(changes).toEqual([]);
    });

    it('syncs a table that is not in the catalog yet when asked for it by path', async () => {
      await sqlIn(db, 'CREATE TABLE public.granted_later (id integer)');
      const { changes } = await sync(key, db.name, 'public', 'granted_later');
      expect(changes).toEqual([expect.objectContaining({ change: 'added', objectPath: [key, db.name, 'public', 'granted_later'] })]);
    });
  });

  describe('column facts', () => {
    let db: TestDatabase;
    const key = 'Column Facts';

    beforeAll(async () => {
      const sql = `CREATE DOMAIN code_text AS text NOT NULL;
        CREATE TABLE public.facts (code code_text, note text, code_length integer GENERATED ALWAYS AS (length(code)) STORED, n integer DEFAULT 0)`;
      db = (await registerTestConnection(server, pg, { connectionKey: key, sql, settings: { isActive: true } })).db;
    });

    it('shows generated columns and effective nullability in the object view and the dictionary', async () => {
      const facts = await object(key, db.name, 'public', 'facts');
      const expected = [
        { name: 'code', ordinal: 1, type: 'code_text', nullable: false, defaultValue: null, generated: null, comment: null, tags: [] },
        { name: 'note', ordinal: 2, type: 'text', nullable: true, defaultValue: null, generated: null, comment: null, tags: [] },
        { name: 'code_length', ordinal: 3, type: 'integer', nullable: true, defaultValue: null, generated: { expression: 'length((code)::text)', stored: true }, comment: null, tags: [] },
        { name: 'n', ordinal: 4, type: 'integer', nullable: true, defaultValue: '0', generated: null, comment: null, tags: [] },
      ];
      expect(facts.body.columns).toEqual(expected);
      expect((await server.request('GET', `/dictionary/${facts.body.dataSourceId}`)).body.columns).toEqual(expected);
    });

    it('records a domain losing NOT NULL as a change of the column', async () => {
      await sqlIn(db, 'ALTER DOMAIN code_text DROP NOT NULL');
      const { job, changes } = await sync(key, db.name);
      expect(job.counts).toMatchObject({ changed: 1 });
      expect(changes[0]?.details.columns).toEqual([{ change: 'modified', column: 'code', fields: { nullable: { from: false, to: true } } }]);
      expect((await object(key, db.name, 'public', 'facts')).body.columns[0]).toMatchObject({ name: 'code', nullable: true });
    });
  });

  describe('status and settings', () => {
    let db: TestDatabase;
    const key = 'Status';

    beforeAll(async () => {
      const sql = 'CREATE SCHEMA a; CREATE SCHEMA b; CREATE TABLE a.t1 (id int); CREATE TABLE a.t2 (id int); CREATE TABLE b.t3 (id int)';
      db = (await registerTestConnection(server, pg, { connectionKey: key, sql })).db;
    });

    it('makes every inheriting table a data source at once when the database is enabled', async () => {
      expect((await server.request('GET', `/dataSource?connectionKey=${encodeURIComponent(key)}`)).body.count).toBe(0);
      await server.request('PUT', `/data/settings/${urlPath(key, db.name, 'b', 't3')}`, { settings: { isActive: false } });
      await server.request('PUT', `/data/settings/${urlPath(key, db.name, 'a')}`, { settings: { isActive: false } });
      await server.request('PUT', `/data/settings/${urlPath(key, db.name, 'a')}`, { settings: { isActive: null } });
      const enabled = await server.request('PUT', `/data/settings/${urlPath(key, db.name)}`, { settings: { isActive: true } });
      expect(enabled.body.settings.isActive).toEqual({ value: true, hasDescendantsWithOverrides: true, descendantOverrides: 1 });
      const sources = await server.request('GET', `/dataSource?connectionKey=${encodeURIComponent(key)}`);
      expect(sources.body.hits.map((h: any) => h.name)).toEqual([`${key}.${db.name}.a.t1`, `${key}.${db.name}.a.t2`]);
      expect((await object(key, db.name, 'b', 't3')).body.state).toBe('inactive');
    });

    it('clears descendant overrides with cascade', async () => {
      const cascaded = await server.request('PUT', `/data/settings/${urlPath(key, db.name)}`, { settings: { isActive: true }, cascade: true });
      expect(cascaded.body.settings.isActive).toMatchObject({ hasDescendantsWithOverrides: false, descendantOverrides: 0 });
      expect((await object(key, db.name, 'b', 't3')).body.state).toBe('active');
    });

    it('lets an object inherit again with null, and filters children by state', async () => {
      await server.request('PUT', `/data/settings/${urlPath(key, db.name, 'a')}`, { settings: { isActive: false } });
      const active = await server.request('POST', `/data/object/search/${urlPath(key, db.name)}`, { state: 'active' });
      expect(active.body.hits.map((h: any) => h.objectPath.at(-1))).toEqual(['b', 'public']);
      const inherit = await server.request('PUT', `/data/settings/${urlPath(key, db.name, 'a')}`, { settings: { isActive: null } });
      expect(inherit.body).toMatchObject({ state: 'active', overrides: {} });
    });

    it('gives tables found after the first sync the status of activateNewChildren', async () => {
      await server.request('PUT', `/data/settings/${urlPath(key, db.name, 'a')}`, { settings: { activateNewChildren: false } });
      await sqlIn(db, 'CREATE TABLE a.later (id int)');
      await sqlIn(db, `GRANT SELECT ON a.later TO PUBLIC`);
      await sync(key, db.name, 'a');
      expect((await object(key, db.name, 'a', 'later')).body).toMatchObject({ state: 'inactive', overrides: { isActive: false } });
      expect((await object(key, db.name, 'a', 't1')).body.state).toBe('active');
    });

    it('refuses to let the connection inherit', async () => {
      const response = await server.request('PUT', `/data/settings/${urlPath(key)}`, { settings: { isActive: null } });
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/settings\.isActive/);
    });
  });
}, { needs: ['PostgreSQL'] });
