import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { closedPort, silentServer } from '../helpers/crawl-helpers.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
import { MariadbTestContext, mariadbAdmin, mariadbServer, quoteName, type TestUser } from '../helpers/mariadb-server.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { refusedRegistration, syncThroughApi, urlPath, useServerWithPostgres, type TestServer } from '../helpers/test-server.js';

/**
 * Object sync and the API end to end for a two-level technology: a real server, the real
 * MariaDB connector, real databases changing between syncs. Paths have three parts
 * (`[key, database, table]`) and renames are recognised by the column-fingerprint heuristic.
 */
describeEachStore(
  'object sync against MariaDB',
  (kind) => {
    // useServerWithPostgres takes any test context with cleanup(): here the MariaDB one.
    const { pg: maria, server: startedServer } = useServerWithPostgres(() => new MariadbTestContext(), kind);
    let server: TestServer;
    beforeAll(() => void (server = startedServer()));

    const connectionInput = (user: TestUser, overrides: Record<string, unknown> = {}) => ({
      technology: 'MariaDB',
      hostname: mariadbServer.host,
      port: mariadbServer.port,
      authenticationType: 'userPassword',
      username: user.name,
      password: user.password,
      tls: { mode: 'disable' },
      ...overrides,
    });
    /** A seeded database, a user that sees only it (as the setup script grants), and a registered connection. */
    const register = async (key: string, options: { seed?: string; settings?: Record<string, unknown>; technology?: string } = {}) => {
      const db = await maria.createDatabase(options.seed === undefined ? {} : { seed: options.seed });
      const user = await maria.createUser({ visible: [`${quoteName(db)}.*`] });
      const response = await server.request('POST', '/data/connection', {
        connectionKey: key,
        connection: connectionInput(user, options.technology === undefined ? {} : { technology: options.technology }),
        ...(options.settings && { settings: options.settings }),
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      const firstSync = await server.waitForJob(response.body.syncRunId);
      expect(firstSync).toMatchObject({ state: 'completed', errors: [] });
      return { db, user, firstSync, connection: response.body.connection };
    };
    const sync = (...path: string[]) => syncThroughApi(server, ...path);
    const object = (...path: string[]) => server.request('GET', `/data/object/${urlPath(...path)}`);
    const sql = (db: string, statement: string) => mariadbAdmin(statement, [], db);

    describe('hostile names, three-part paths', () => {
      const key = 'Maria Hostile';
      let db: string;
      const expected = [
        ['CamelTable', 'table'],
        ['cameltable', 'table'],
        ['Typed Columns', 'table'],
        ['a "quoted" table with \'single\' and `back` ticks', 'table'],
        ['table.with.dots/and/slash', 'table'],
        ['Ünïcødé 表', 'table'],
        ['t234567890123456789012345678901234567890123456789012345678901234', 'table'],
        ['Camel View', 'view'],
        ['History', 'systemVersionedTable'],
        ['a sequence', 'sequence'],
      ] as const;

      beforeAll(async () => {
        const registered = await register(key, { seed: 'hostile-names.sql', settings: { isActive: true } });
        db = registered.db;
        expect(registered.connection.levels).toEqual(['database', 'table']);
      });

      it('round-trips every name through objectPath, the URL and the data source name', async () => {
        for (const [table, kind] of expected) {
          const response = await object(key, db, table);
          expect(response.status, table).toBe(200);
          expect(response.body).toMatchObject({ objectPath: [key, db, table], kind, technology: 'MariaDB' });
          expect(response.body.dataSourceName).toBe(`${key}.${db}.${table}`);
          const byName = await server.request('GET', `/dataSource?searchText=${encodeURIComponent(response.body.dataSourceName)}`);
          expect(byName.body.hits.map((hit: any) => hit.objectPath)).toContainEqual([key, db, table]);
        }
        const database = await object(key, db);
        expect(database.body).toMatchObject({ objectPath: [key, db], kind: 'database' });
        expect(database.body.dataSourceName ?? null).toBeNull();
      });

      it('lists a database\'s tables as its children and keeps the dictionary', async () => {
        const children = await server.request('POST', `/data/object/search/${urlPath(key, db)}`, { size: 1000 });
        expect(children.body.hits.map((hit: any) => hit.objectPath.at(-1)).sort()).toEqual(expected.map(([name]) => name).sort());
        const typed = await object(key, db, 'Typed Columns');
        expect(typed.body.comment).toBe('Every column kind we care about');
        const columns = Object.fromEntries(typed.body.columns.map((column: any) => [column.name, column]));
        expect(columns['Short Name']).toMatchObject({ type: 'varchar(20)', nullable: false, defaultValue: "'anon'", comment: 'At most 20 characters' });
        expect(columns.Status).toMatchObject({ type: "enum('new','done')" });
        const dictionary = await server.request('GET', `/dictionary/${typed.body.dataSourceId}`);
        expect(dictionary.body.columns.map((column: any) => column.name)).toEqual(typed.body.columns.map((column: any) => column.name));
      });

      it('shows "/" as %2F in the URL and nowhere else, and syncs one table by its path', async () => {
        const response = await server.request('GET', `/data/object/${encodeURIComponent(key)}/${encodeURIComponent(db)}/table.with.dots%2Fand%2Fslash`);
        expect(response.body.objectPath).toEqual([key, db, 'table.with.dots/and/slash']);
        const { job } = await sync(key, db, 'table.with.dots/and/slash');
        expect(job).toMatchObject({ state: 'completed', errors: [] });
        expect(job.counts).toMatchObject({ unchanged: 2, added: 0, removed: 0 });
      });

      it('round-trips a three-part path through the CLI', async () => {
        const out = collector();
        const code = await runCli(['object', 'show', key, db, 'table.with.dots/and/slash', '--json'], {
          stdout: out,
          stderr: collector(),
          env: { WARDEN_URL: server.url, WARDEN_API_KEY: server.apiKey },
        });
        expect(code).toBe(0);
        expect(JSON.parse(out.text)).toMatchObject({ objectPath: [key, db, 'table.with.dots/and/slash'], dataSourceName: `${key}.${db}.table.with.dots/and/slash` });
      });
    });

    describe('changes between syncs', () => {
      const key = 'Maria Changing';
      let db: string;

      beforeAll(async () => {
        db = (await register(key, { settings: { isActive: true } })).db;
        await sql(db, 'CREATE TABLE orders (id int NOT NULL, amount decimal(10,2))');
        await sql(db, 'CREATE TABLE customers (id int, name text, email varchar(100))');
        await sql(db, 'CREATE TABLE invoices (id int, total decimal(12,2))');
        const { job } = await sync(key, db);
        expect(job.counts.added).toBe(3);
      });

      it('renames a table in place by the column heuristic, keeping its settings', async () => {
        const owners = [{ type: 'group', name: 'crm' }];
        await server.request('PUT', `/data/settings/${urlPath(key, db, 'customers')}`, { settings: { dataOwners: owners } });
        await sql(db, 'RENAME TABLE customers TO clients');
        const { job, changes } = await sync(key, db);
        expect(job.counts).toMatchObject({ renamed: 1, added: 0, removed: 0 });
        expect(changes).toEqual([
          expect.objectContaining({ change: 'renamed', objectPath: [key, db, 'clients'], details: { from: 'customers', to: 'clients' } }),
        ]);
        const after = await object(key, db, 'clients');
        expect(after.body).toMatchObject({ stableId: null, dataSourceName: `${key}.${db}.clients`, settings: { dataOwners: { value: owners } } });
        expect((await object(key, db, 'customers')).status).toBe(404);
      });

      it('keeps a dropped table, disabled and flagged; re-created, it comes back with its settings', async () => {
        await server.request('PUT', `/data/settings/${urlPath(key, db, 'invoices')}`, {
          settings: { isActive: true, dataOwners: [{ type: 'group', name: 'finance' }] },
        });
        await sql(db, 'DROP TABLE invoices');
        const dropped = await sync(key, db);
        expect(dropped.changes).toEqual([expect.objectContaining({ change: 'removed', objectPath: [key, db, 'invoices'] })]);
        expect((await object(key, db, 'invoices')).body).toMatchObject({ removed: true, state: 'inactive', overrides: { isActive: true } });

        await sql(db, 'CREATE TABLE invoices (id int, total decimal(12,2), paid_at datetime)');
        const back = await sync(key, db);
        expect(back.changes.map((change) => change.change)).toEqual(['restored']);
        const restored = await object(key, db, 'invoices');
        expect(restored.body).toMatchObject({ removed: false, state: 'active', settings: { dataOwners: { value: [{ type: 'group', name: 'finance' }] } } });
        expect(restored.body.columns.map((column: any) => column.name)).toEqual(['id', 'total', 'paid_at']);
      });

      it('applies column adds, drops and type changes, and records them', async () => {
        await sql(db, 'ALTER TABLE orders ADD COLUMN placed_at datetime, DROP COLUMN amount, MODIFY id bigint NOT NULL');
        const { job, changes } = await sync(key, db, 'orders');
        expect(job.counts).toMatchObject({ changed: 1, renamed: 0 });
        const byColumn = Object.fromEntries((changes[0]?.details.columns ?? []).map((change: { column: string }) => [change.column, change]));
        expect(byColumn).toEqual({
          placed_at: { change: 'added', column: 'placed_at', type: 'datetime' },
          amount: { change: 'dropped', column: 'amount', type: 'decimal(10,2)' },
          id: { change: 'modified', column: 'id', fields: { type: { from: 'int(11)', to: 'bigint(20)' } } },
        });
      });

      it('shows generated columns in the object view, and records a change of their expression', async () => {
        await sql(db, 'CREATE TABLE order_lines (qty int NOT NULL, price decimal(10,2), total decimal(12,2) AS (qty * price) VIRTUAL)');
        await sync(key, db);
        const lines = await object(key, db, 'order_lines');
        expect(lines.body.columns.map(({ name, nullable, defaultValue, generated }: any) => ({ name, nullable, defaultValue, generated }))).toEqual([
          { name: 'qty', nullable: false, defaultValue: null, generated: null },
          { name: 'price', nullable: true, defaultValue: null, generated: null },
          { name: 'total', nullable: true, defaultValue: null, generated: { expression: '`qty` * `price`', stored: false } },
        ]);
        await sql(db, 'ALTER TABLE order_lines MODIFY total decimal(12,2) AS (qty * price * 2) VIRTUAL');
        const { job, changes } = await sync(key, db, 'order_lines');
        expect(job.counts).toMatchObject({ changed: 1, renamed: 0 });
        expect(changes[0]?.details.columns).toEqual([
          {
            change: 'modified',
            column: 'total',
            fields: { generated: { from: { expression: '`qty` * `price`', stored: false }, to: { expression: '`qty` * `price` * 2', stored: false } } },
          },
        ]);
      });

      it('changes nothing when nothing changed', async () => {
        const { job, changes } = await sync(key);
        expect(job.counts).toMatchObject({ added: 0, removed: 0, renamed: 0, changed: 0, restored: 0 });
        expect(changes).toEqual([]);
      });
    });

    describe('safety', () => {
      it('a connection cut while a database is read removes nothing; the next sync is clean', async () => {
        const proxy = await TcpProxy.start({ host: mariadbServer.host, port: mariadbServer.port });
        try {
          const key = 'Maria Cut';
          const db = await maria.createDatabase();
          for (const table of ['a', 'b', 'c']) await sql(db, `CREATE TABLE ${table} (id int)`);
          const user = await maria.createUser({ visible: [`${quoteName(db)}.*`] });
          const registered = await server.request('POST', '/data/connection', {
            connectionKey: key,
            connection: connectionInput(user, { hostname: '127.0.0.1', port: proxy.port }),
            settings: { isActive: true },
          });
          expect((await server.waitForJob(registered.body.syncRunId)).counts.added).toBe(4);

          const cut = proxy.cutWhenClientSends('information_schema.COLUMNS');
          const { job } = await sync(key);
          await cut;
          expect(job).toMatchObject({ state: 'completed', counts: { removed: 0 } });
          expect(job.errors).toEqual([expect.objectContaining({ objectPath: [key, db], code: 'CONNECTION_LOST' })]);
          const sources = await server.request('GET', `/dataSource?connectionKey=${encodeURIComponent(key)}`);
          expect(sources.body.hits.map((hit: any) => hit.objectPath.at(-1)).sort()).toEqual(['a', 'b', 'c']);

          const clean = await sync(key);
          expect(clean.job).toMatchObject({ state: 'completed', errors: [], counts: { removed: 0, added: 0, renamed: 0 } });
        } finally {
          await proxy.close();
        }
      });
    });

    describe('MySQL', () => {
      it('registers as technology MySQL with the same connector and levels', async () => {
        const { db, connection } = await register('My SQL', { technology: 'MySQL', seed: 'hostile-names.sql' });
        expect(connection).toMatchObject({ technology: 'MySQL', levels: ['database', 'table'] });
        expect((await object('My SQL', db, 'History')).body).toMatchObject({ technology: 'MySQL', kind: 'systemVersionedTable' });
      });
    });

    describe('registration that cannot connect: a clear 422 within the timeout, nothing stored', () => {
      const attempt = (key: string, connection: Record<string, unknown>) => refusedRegistration(server, key, connection);
      const user = (): Promise<TestUser> => maria.createUser({ password: 'Pw-e2e-5a9f-never-show-me' });

      it('a wrong password', async () => {
        const real = await user();
        const answer = await attempt('Bad Password', connectionInput(real, { password: `wrong-${real.password}` }));
        expect(answer.code).toBe('AUTHENTICATION_FAILED');
        expect(answer.message).toContain(real.name);
        expect(JSON.stringify(answer)).not.toContain(real.password);
        expect(server.logs.join('\n')).not.toContain(real.password);
      });

      it('an unreachable host', async () => {
        const answer = await attempt('Unreachable', connectionInput(await user(), { hostname: '127.0.0.1', port: await closedPort() }));
        expect(answer.code).toBe('HOST_UNREACHABLE');
        expect(answer.elapsed).toBeLessThan(2_000);
      });

      it('a server that accepts TCP but never answers', async () => {
        const silent = await silentServer();
        try {
          const answer = await attempt('Hanging', connectionInput(await user(), { hostname: '127.0.0.1', port: silent.port }));
          expect(answer.code).toBe('CONNECT_TIMEOUT');
          // The test server's connect timeout is 3 s.
          expect(answer.message).toContain('3000 ms');
          expect(answer.elapsed).toBeLessThan(4_500);
        } finally {
          await silent.close();
        }
      });
    });
  },
  // The sources are MariaDB databases on either store.
  { needs: ['MariaDB'] },
);

/** A writable that collects what the CLI prints. */
function collector(): Writable & { text: string } {
  const sink = Object.assign(
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        sink.text += String(chunk);
        done();
      },
    }),
    { text: '' },
  );
  return sink;
}
