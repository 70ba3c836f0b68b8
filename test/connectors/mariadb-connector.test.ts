import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Connector, ConnectionDetails, ConnectorTimeouts } from '../../src/connectors/connector.js';
import { mariadbConnectorFactory } from '../../src/connectors/mariadb/mariadb-connector.js';
import { mariadbTechnology } from '../../src/connectors/mariadb/mariadb-technology.js';
import { openMariadbSession } from '../../src/connectors/mariadb/mariadb-session.js';
import { mariadbSetupScript } from '../../src/connectors/mariadb/mariadb-setup-script.js';
import type { CrawlBatch } from '../../src/domain/catalog-types.js';
import { describeIfServer } from '../helpers/server-availability.js';
import { byName, crawlAll, failures, kinds, listingOf, listings, names, rejectionOf, scope } from '../helpers/crawl-helpers.js';
import {
  MariadbTestContext,
  account,
  mariadbAdmin,
  mariadbServer,
  quoteName,
  uniqueName,
  type TestUser,
} from '../helpers/mariadb-server.js';

/** What MariaDB alone has: its leaf kinds, its dictionary, its privileges, its setup script. The shared scenarios are in mariadb-contract.test.ts. */

const TIMEOUTS: ConnectorTimeouts = { connectMs: 3_000, statementMs: 10_000 };
const PASSWORD = 'Pw-mariadb-7c1e-never-show-me';
const HOSTILE_LEAVES: Record<string, string> = {
  'a "quoted" table with \'single\' and `back` ticks': 'table',
  'a sequence': 'sequence',
  'Camel View': 'view',
  CamelTable: 'table',
  cameltable: 'table',
  History: 'systemVersionedTable',
  't234567890123456789012345678901234567890123456789012345678901234': 'table',
  'table.with.dots/and/slash': 'table',
  'Typed Columns': 'table',
  'Ünïcødé 表': 'table',
};
const TYPED_COLUMNS = [
  { name: 'Id', ordinal: 1, type: 'bigint(20) unsigned', nullable: false, defaultValue: null, generated: null, comment: null },
  { name: 'Short Name', ordinal: 2, type: 'varchar(20)', nullable: false, defaultValue: "'anon'", generated: null, comment: 'At most 20 characters' },
  { name: 'Amount', ordinal: 3, type: 'decimal(10,2)', nullable: true, defaultValue: '0.00', generated: null, comment: null },
  { name: 'Status', ordinal: 4, type: "enum('new','done')", nullable: false, defaultValue: "'new'", generated: null, comment: null },
  { name: 'Created At', ordinal: 5, type: 'timestamp', nullable: false, defaultValue: 'current_timestamp()', generated: null, comment: null },
  { name: 'col.with.dots/and/slash', ordinal: 6, type: 'text', nullable: true, defaultValue: null, generated: null, comment: null },
  {
    name: 'quoted "col" and \'single\' and `back`',
    ordinal: 7,
    type: 'int(11)',
    nullable: true,
    defaultValue: '42',
    generated: null,
    comment: 'Comment with "double" and \'single\' quotes',
  },
  {
    name: 'Doubled',
    ordinal: 8,
    type: 'decimal(10,2)',
    nullable: true,
    defaultValue: null,
    generated: { expression: '`Amount` * 2', stored: false },
    comment: null,
  },
  { name: 'Maybe', ordinal: 9, type: 'int(11)', nullable: true, defaultValue: null, generated: null, comment: null },
];

const context = new MariadbTestContext();
const openConnectors: Connector[] = [];
const create = mariadbConnectorFactory(mariadbTechnology);

function connect(details: ConnectionDetails, timeouts: ConnectorTimeouts = TIMEOUTS): Connector {
  const connector = create(details, timeouts);
  openConnectors.push(connector);
  return connector;
}

/** Waits until `user` has no server connection open (closing is asynchronous). */
async function expectNoConnectionsOf(user: string): Promise<void> {
  const count = async () => Number((await mariadbAdmin<{ n: number }>('SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE USER = ?', [user]))[0]!.n);
  await expect.poll(count, { timeout: 3_000, interval: 50, message: `connections left of ${user}` }).toBe(0);
}

describeIfServer(['MariaDB'], 'MariaDB connector', () => {
  let hostile: string;
  let crawler: TestUser;

  beforeAll(async () => {
    hostile = await context.createDatabase({ label: 'Dé "q".x/y `b`', seed: 'hostile-names.sql' });
    crawler = await context.createUser({ label: 'crawler', password: PASSWORD, visible: [`${quoteName(hostile)}.*`] });
  });
  afterEach(async () => {
    await Promise.all(openConnectors.splice(0).map((connector) => connector.close()));
  });
  afterAll(() => context.cleanup());

  describe('a whole-connection crawl', () => {
    let batches: CrawlBatch[];
    beforeAll(async () => {
      batches = await crawlAll(connect(context.connectionDetails()), scope([], [hostile]));
    });

    it('lists databases without the system ones, and no stable ids', () => {
      const root = listingOf(batches, []);
      expect(byName(root.objects, hostile)).toEqual({ name: hostile, kind: 'database', stableId: null, comment: null });
      for (const system of ['information_schema', 'mysql', 'performance_schema', 'sys']) expect(names(root.objects)).not.toContain(system);
      expect(batches).toHaveLength(2);
    });

    it('records every leaf kind: tables, views, system-versioned tables, sequences', () => {
      expect(kinds(listingOf(batches, [hostile]).objects)).toEqual(HOSTILE_LEAVES);
    });

    it('reads the dictionary: full column types, nullability, defaults, comments, ordinals; table comments', () => {
      const leaves = listingOf(batches, [hostile]).objects;
      expect(byName(leaves, 'Typed Columns')).toMatchObject({ comment: 'Every column kind we care about', columns: TYPED_COLUMNS });
      expect(byName(leaves, 'Ünïcødé 表')).toMatchObject({
        comment: 'Ünïcødé comment 表',
        columns: [{ name: '列 ü', ordinal: 1, type: 'varchar(10)', nullable: false, defaultValue: "'ß'", generated: null, comment: null }],
      });
      expect(byName(leaves, 'History')).toMatchObject({ comment: 'System-versioned' });
      // Views have no comments of their own (information_schema writes "VIEW").
      expect(byName(leaves, 'Camel View')).toMatchObject({ comment: null, columns: [{ name: 'Id' }, { name: 'Name' }] });
    });
  });

  describe('privileges', () => {
    it('a user with REFERENCES on the database sees what the administrator sees', async () => {
      const asAdmin = await crawlAll(connect(context.connectionDetails()), scope([{ name: hostile, stableId: null }]));
      const asCrawler = await crawlAll(connect(context.connectionDetails({ user: crawler })), scope([{ name: hostile, stableId: null }]));
      expect(asCrawler).toEqual(asAdmin);
    });

    it('a user with a column privilege sees the table and only that column', async () => {
      const user = await context.createUser({ label: 'column' });
      await mariadbAdmin(`GRANT SELECT (\`Id\`) ON ${quoteName(hostile)}.\`Typed Columns\` TO ${account(user.name)}`);
      const batches = await crawlAll(connect(context.connectionDetails({ user })), scope([], [hostile]));
      const leaves = listingOf(batches, [hostile]).objects;
      expect(names(leaves)).toEqual(['Typed Columns']);
      expect(leaves[0]!.columns?.map((column) => column.name)).toEqual(['Id']);
    });

    it('lists the columns a user holds some privilege on, as the PostgreSQL connector does', async () => {
      const db = await context.createDatabase({ label: 'partly' });
      await mariadbAdmin("CREATE TABLE partly (visible int, insertable int, hidden int DEFAULT 7 COMMENT 'not for this user')", [], db);
      const user = await context.createUser({ label: 'partly' });
      await mariadbAdmin(`GRANT SELECT (visible), INSERT (insertable) ON ${quoteName(db)}.partly TO ${account(user.name)}`);
      const batches = await crawlAll(connect(context.connectionDetails({ user })), scope([], [db]));
      expect(listingOf(batches, [db]).objects).toEqual([
        {
          name: 'partly',
          kind: 'table',
          stableId: null,
          comment: null,
          columns: [
            { name: 'visible', ordinal: 1, type: 'int(11)', nullable: true, defaultValue: null, generated: null, comment: null },
            { name: 'insertable', ordinal: 2, type: 'int(11)', nullable: true, defaultValue: null, generated: null, comment: null },
          ],
        },
      ]);
    });
  });

  describe('generated columns', () => {
    it('records virtual and stored (PERSISTENT too) generated columns apart from defaults', async () => {
      const db = await context.createDatabase({ label: 'generated' });
      await mariadbAdmin(
        'CREATE TABLE computed (a int DEFAULT 1, v int AS (a * 2) VIRTUAL, s int AS (a * 3) STORED, p int AS (a + 1) PERSISTENT, d int DEFAULT (a + 1))',
        [],
        db,
      );
      const batches = await crawlAll(connect(context.connectionDetails()), scope([], [db]));
      const columns = byName(listingOf(batches, [db]).objects, 'computed').columns;
      expect(columns?.map(({ name, defaultValue, generated }) => ({ name, defaultValue, generated }))).toEqual([
        { name: 'a', defaultValue: '1', generated: null },
        { name: 'v', defaultValue: null, generated: { expression: '`a` * 2', stored: false } },
        { name: 's', defaultValue: null, generated: { expression: '`a` * 3', stored: true } },
        { name: 'p', defaultValue: null, generated: { expression: '`a` + 1', stored: true } },
        { name: 'd', defaultValue: '(`a` + 1)', generated: null },
      ]);
    });
  });

  describe('failures', () => {
    it('a session the server killed (KILL CONNECTION) is CONNECTION_LOST, and stays lost', async () => {
      const session = await openMariadbSession(context.connectionDetails(), TIMEOUTS, AbortSignal.timeout(10_000));
      try {
        await session.query('SELECT 1', [], []);
        await mariadbAdmin(`KILL CONNECTION ${session.driver.threadId}`);
        const first = await rejectionOf(session.query('SELECT 1', [], [hostile]));
        expect(first.code).toBe('CONNECTION_LOST');
        expect(session.lost).toBe(true);
        expect((await rejectionOf(session.query('SELECT 1', [], [hostile]))).code).toBe('CONNECTION_LOST');
      } finally {
        await session.close();
      }
    });

    it('a server-side statement limit (max_statement_time) is QUERY_TIMEOUT naming the path', async () => {
      const session = await openMariadbSession(context.connectionDetails(), TIMEOUTS, AbortSignal.timeout(10_000));
      try {
        const error = await rejectionOf(session.query('SET STATEMENT max_statement_time=0.01 FOR SELECT SLEEP(1)', [], [hostile]));
        expect(error.code).toBe('QUERY_TIMEOUT');
        expect(error.message).toContain(JSON.stringify(hostile));
      } finally {
        await session.close();
      }
    });

    it('a wrong password never shows the password', async () => {
      const error = await rejectionOf(connect({ ...context.connectionDetails({ user: crawler }), password: `x${PASSWORD}` }).testConnection(AbortSignal.timeout(10_000)));
      expect(error.code).toBe('AUTHENTICATION_FAILED');
      expect(`${error.message} ${JSON.stringify(error.params)}`).not.toContain(PASSWORD);
    });

    it('TLS required by a server without TLS is TLS_FAILED', async (test) => {
      const [row] = await mariadbAdmin<{ Value: string }>(`SHOW VARIABLES LIKE 'have_ssl'`);
      test.skip(row?.Value === 'YES', 'the test server has TLS enabled');
      const error = await rejectionOf(connect({ ...context.connectionDetails(), tls: { mode: 'require' } }).testConnection(AbortSignal.timeout(10_000)));
      expect(error.code).toBe('TLS_FAILED');
    });
  });

  describe('resources', () => {
    it('a consumer that stops pulling, an abort and close() all release every connection', async () => {
      const user = await context.createUser({ visible: [`${quoteName(hostile)}.*`] });
      const details = context.connectionDetails({ user });
      for await (const batch of connect(details).crawl(scope([], [hostile]), AbortSignal.timeout(30_000))) {
        if (batch.type === 'listing') break;
      }
      await expectNoConnectionsOf(user.name);

      const controller = new AbortController();
      const iterator = connect(details).crawl(scope([], [hostile]), controller.signal)[Symbol.asyncIterator]();
      await iterator.next();
      controller.abort(new Error('stop now'));
      await expect(iterator.next()).rejects.toThrow('stop now');
      await expectNoConnectionsOf(user.name);

      const connector = create(details, TIMEOUTS);
      const closing = connector.crawl(scope([], [hostile]), AbortSignal.timeout(30_000))[Symbol.asyncIterator]();
      await closing.next();
      await connector.close();
      await expect(closing.next()).rejects.toThrow(/closed/);
      await expectNoConnectionsOf(user.name);
    });
  });

  describe('setup script', () => {
    it('creates a user that sees exactly what the administrator sees, tables created later too, and no rows', async (test) => {
      const client = await promisify(execFile)('mariadb', ['--version']).then(
        () => 'mariadb',
        () => null,
      );
      test.skip(client === null, 'the mariadb client is not installed');
      const db = await context.createDatabase({ label: 'setup', seed: 'hostile-names.sql' });
      const userName = uniqueName("setup 'user'");
      context.trackUser(userName);
      const script = mariadbSetupScript({ username: userName, databases: [db] });
      const run = (init: string[]) =>
        new Promise<void>((resolve, reject) => {
          const child = execFile(
            'mariadb',
            ['-h', mariadbServer.host, '-P', String(mariadbServer.port), '-u', mariadbServer.user, ...init],
            { env: { ...process.env, MYSQL_PWD: mariadbServer.password ?? '' } },
            (error) => (error ? reject(error) : resolve()),
          );
          child.stdin!.end(script);
        });
      await expect(run([])).rejects.toThrow(/Set the password first/);
      await run([`--init-command=SET @warden_password='${PASSWORD}'`]);
      await mariadbAdmin('CREATE TABLE `later table` (x int)', [], db);

      const user = { name: userName, password: PASSWORD };
      const asUser = await crawlAll(connect(context.connectionDetails({ user })), scope([{ name: db, stableId: null }]));
      const asAdmin = await crawlAll(connect(context.connectionDetails()), scope([{ name: db, stableId: null }]));
      expect(failures(asUser)).toEqual([]);
      expect(asUser).toEqual(asAdmin);
      expect(names(listings(asUser)[1]!.objects)).toContain('later table');
      await expect(mariadbAdminAs(user, `SELECT * FROM ${quoteName(db)}.\`CamelTable\``)).rejects.toMatchObject({ errno: 1142 });
    });
  });
});

/** Runs one statement as `user` (to prove what it may not do). */
async function mariadbAdminAs(user: TestUser, sql: string): Promise<unknown> {
  const connection = await mysql.createConnection({ host: mariadbServer.host, port: mariadbServer.port, user: user.name, password: user.password });
  try {
    return await connection.query(sql);
  } finally {
    await connection.end();
  }
}
