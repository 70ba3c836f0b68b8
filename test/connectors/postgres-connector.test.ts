import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Connector, ConnectionDetails, ConnectorTimeouts } from '../../src/connectors/connector.js';
import { createPostgresConnector } from '../../src/connectors/postgres/postgres-connector.js';
import { postgresSetupScript } from '../../src/connectors/postgres/postgres-setup-script.js';
import type { CrawlBatch } from '../../src/domain/catalog-types.js';
import type { WardenError } from '../../src/errors.js';
import {
  byName,
  closedPort,
  crawlAll,
  failures,
  kinds,
  listingOf,
  listings,
  names,
  rejectionOf,
  scope,
  silentServer,
  type Failure,
  type Listing,
} from '../helpers/crawl-helpers.js';
import {
  PostgresTestContext,
  adminQuery,
  adminServer,
  passwordAuthSkipReason,
  quoteIdent,
  terminateSessions,
  uniqueName,
  withAdminClient,
  type TestDatabase,
  type TestRole,
} from '../helpers/postgres-server.js';
import { MIXED_CASE_LEAVES, TYPED_COLUMNS } from '../fixtures/postgres/hostile-names-expected.js';
import { describeIfServer } from '../helpers/server-availability.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';

const TIMEOUTS: ConnectorTimeouts = { connectMs: 3_000, statementMs: 10_000 };
/** Distinctive, so a leak into any message is found by a substring search. */
const PASSWORD = 'Pw-9f2c7e1d-never-show-me';

const HOSTILE_SCHEMAS = ['Case', 'Mixed Case', 'case', 'dots.and/slashes', 'public', 'with "quotes" and spaces', 'Ünïcødé 表'];
const MANY_SCHEMAS = ['public', 's1', 's2', 's3', 's4', 's5', 's6'];
const MANY_TABLES = Array.from({ length: 20 }, (_, index) => `t${String(index + 1).padStart(2, '0')}`);

const pgTest = new PostgresTestContext();
const openConnectors: Connector[] = [];

function connect(details: ConnectionDetails, timeouts: ConnectorTimeouts = TIMEOUTS): Connector {
  const connector = createPostgresConnector(details, timeouts);
  openConnectors.push(connector);
  return connector;
}

async function oidOf(database: string, sql: string): Promise<string> {
  const rows = await adminQuery<{ oid: string }>(database, sql);
  return rows[0]!.oid;
}

/** Waits until no session with application_name `warden` is connected to `database` (closing is asynchronous). */
async function expectNoWardenSessions(database: string): Promise<void> {
  const sessions = async () =>
    (await adminQuery<{ count: number }>('postgres', `SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name = 'warden' AND datname = $1`, [database]))[0]!
      .count;
  await expect.poll(sessions, { timeout: 3_000, interval: 50, message: `warden sessions left in ${database}` }).toBe(0);
}

describeIfServer(['PostgreSQL'], 'PostgreSQL connector', () => {
  let hostile: TestDatabase;
  let hidden: TestDatabase;
  let restricted: TestRole;

  beforeAll(async () => {
    hostile = await pgTest.createDatabase({ label: 'Dé "q".x/y', seed: 'hostile-names.sql' });
    hidden = await pgTest.createDatabase({ label: 'hidden' });
    restricted = await pgTest.createRole({ label: 'restricted', password: PASSWORD, connect: [hostile.name] });
    const role = quoteIdent(restricted.name);
    await withAdminClient(hostile.name, (client) =>
      client.query(`
        GRANT USAGE ON SCHEMA "Mixed Case", "Case" TO ${role};
        GRANT SELECT ON "Mixed Case"."CamelTable" TO ${role};
        GRANT SELECT ("Id") ON "Mixed Case"."Typed Columns" TO ${role};
        GRANT SELECT ON "Ünïcødé 表"."Ünïcødé 表" TO ${role};`),
    );
  });

  afterEach(async () => {
    await Promise.all(openConnectors.splice(0).map((connector) => connector.close()));
  });

  afterAll(() => pgTest.cleanup());

  describe('whole-connection crawl', () => {
    let batches: CrawlBatch[];

    beforeAll(async () => {
      batches = await crawlAll(connect(pgTest.connectionDetails()), scope([], [hostile.name]));
    });

    it('lists the databases first, completely, with exact names, oids and comments', () => {
      const root = batches[0] as Listing;
      expect(root).toMatchObject({ type: 'listing', parent: [] });
      expect(root.only).toBeUndefined();
      expect(byName(root.objects, hostile.name)).toEqual({
        name: hostile.name,
        kind: 'database',
        stableId: hostile.oid,
        comment: 'Hostile names test database',
      });
      // The superuser may connect anywhere; templates are never objects.
      expect(names(root.objects)).toContain(hidden.name);
      expect(names(root.objects)).not.toContain('template0');
      expect(names(root.objects)).not.toContain('template1');
    });

    it('lists every schema with its exact name, without system schemas', () => {
      const schemas = listingOf(batches, [hostile.name]);
      expect(names(schemas.objects)).toEqual([...HOSTILE_SCHEMAS].sort());
      expect(byName(schemas.objects, 'Mixed Case')).toMatchObject({ kind: 'schema', comment: "Schema with a 'quoted' comment" });
      expect(byName(schemas.objects, 'Mixed Case').stableId).toMatch(/^\d+$/);
    });

    it('lists a schema before its leaves, and only databases it descends into', () => {
      const position = (parent: string[]): number =>
        batches.findIndex((batch) => batch.type === 'listing' && JSON.stringify(batch.parent) === JSON.stringify(parent));
      for (const schema of HOSTILE_SCHEMAS) {
        expect(position([hostile.name])).toBeLessThan(position([hostile.name, schema]));
      }
      expect(batches.filter((batch) => batch.type === 'listing' && batch.parent.length === 1)).toHaveLength(1);
      expect(failures(batches)).toEqual([]);
    });

    it('lists every leaf kind with exact names, and no partitions, sequences, indexes or types', () => {
      const leaves = listingOf(batches, [hostile.name, 'Mixed Case']).objects;
      expect(kinds(leaves)).toEqual(MIXED_CASE_LEAVES);
      expect(kinds(listingOf(batches, [hostile.name, 'Case']).objects)).toEqual({ T: 'table' });
      expect(kinds(listingOf(batches, [hostile.name, 'case']).objects)).toEqual({ t: 'table' });
      expect(names(listingOf(batches, [hostile.name, 'with "quotes" and spaces']).objects)).toEqual(['a "quoted" table']);
      expect(names(listingOf(batches, [hostile.name, 'dots.and/slashes']).objects)).toEqual(['table.with.dots/and/slash']);
      expect(names(listingOf(batches, [hostile.name, 'Ünïcødé 表']).objects)).toEqual(['Ünïcødé 表']);
      expect(listingOf(batches, [hostile.name, 'public']).objects).toEqual([]);
    });

    it('reads the data dictionary: ordinals, types, nullability, defaults, comments', () => {
      const mixed = listingOf(batches, [hostile.name, 'Mixed Case']).objects;
      const typed = byName(mixed, 'Typed Columns');
      expect(typed.comment).toBe('Every column kind we care about');
      expect(typed.columns).toEqual(TYPED_COLUMNS);
      expect(byName(mixed, 'no columns').columns).toEqual([]);
      expect(byName(mixed, 'Events').columns?.map((column) => column.name)).toEqual(['Event Id', 'At']);
      expect(byName(mixed, 'Foreign Thing')).toMatchObject({
        comment: 'A foreign table',
        columns: [
          { name: 'Remote Id', ordinal: 1, stableId: '1', type: 'integer', nullable: false },
          { name: 'note', ordinal: 2, stableId: '2', type: 'character varying(20)', nullable: true },
        ],
      });
      expect(byName(mixed, 'Camel View').comment).toBe('A view');
      const unicode = byName(listingOf(batches, [hostile.name, 'Ünïcødé 表']).objects, 'Ünïcødé 表');
      expect(unicode.comment).toBe('Ünïcødé comment 表');
      expect(unicode.columns).toEqual([
        { name: '列 ü', ordinal: 1, stableId: '1', type: 'text', nullable: false, defaultValue: "'ß'::text", generated: null, comment: null },
      ]);
    });
  });

  describe('a restricted role', () => {
    let batches: CrawlBatch[];

    beforeAll(async () => {
      const details = pgTest.connectionDetails({ role: restricted });
      batches = await crawlAll(connect(details), scope([], [hostile.name, hidden.name]));
    });

    it('does not see databases it may not connect to', () => {
      const root = listingOf(batches, []);
      expect(names(root.objects)).toContain(hostile.name);
      expect(names(root.objects)).not.toContain(hidden.name);
    });

    it('does not see schemas without USAGE, even when it may read a table in them', () => {
      expect(names(listingOf(batches, [hostile.name]).objects)).toEqual(['Case', 'Mixed Case', 'public']);
    });

    it('sees exactly the relations it may SELECT from (table or column privilege), and of those the columns it holds a privilege on', () => {
      expect(names(listingOf(batches, [hostile.name, 'Mixed Case']).objects)).toEqual(['CamelTable', 'Typed Columns']);
      // SELECT ("Id") only: the other columns are not listed, as information_schema (and MariaDB) has it.
      expect(byName(listingOf(batches, [hostile.name, 'Mixed Case']).objects, 'Typed Columns').columns).toEqual([TYPED_COLUMNS[0]]);
      expect(byName(listingOf(batches, [hostile.name, 'Mixed Case']).objects, 'CamelTable').columns?.map((column) => column.name)).toEqual(['Id', 'Name']);
      expect(listingOf(batches, [hostile.name, 'Case']).objects).toEqual([]);
      expect(failures(batches)).toEqual([]);
    });
  });

  describe('column facts: domains, identity and generated columns, column privileges', () => {
    let facts: TestDatabase;
    let columnRole: TestRole;
    let superuserCrawl: CrawlBatch[];
    let roleCrawl: CrawlBatch[];
    const columnsOf = (batches: CrawlBatch[], table: string) => byName(listingOf(batches, [facts.name, 'public']).objects, table).columns;

    beforeAll(async () => {
      facts = await pgTest.createDatabase({ label: 'column facts' });
      columnRole = await pgTest.createRole({ label: 'columns', connect: [facts.name] });
      const role = quoteIdent(columnRole.name);
      await withAdminClient(facts.name, (client) =>
        client.query(`
          CREATE DOMAIN not_null_text AS text NOT NULL;
          CREATE DOMAIN over_not_null AS not_null_text;
          CREATE DOMAIN plain_text AS text;
          CREATE TABLE facts (
            "Required" not_null_text,
            "Inherited" over_not_null,
            "Optional" plain_text,
            "Elements" not_null_text[],
            "Identity" integer GENERATED BY DEFAULT AS IDENTITY,
            "Serial" serial,
            "Doubled" integer GENERATED ALWAYS AS ("Identity" * 2) STORED
          );
          CREATE TABLE partly (visible integer, insertable integer, hidden integer DEFAULT 7);
          COMMENT ON COLUMN partly.hidden IS 'not for this role';
          GRANT SELECT ON facts TO ${role};
          GRANT SELECT (visible), INSERT (insertable) ON partly TO ${role};`),
      );
      superuserCrawl = await crawlAll(connect(pgTest.connectionDetails()), scope([], [facts.name]));
      roleCrawl = await crawlAll(connect(pgTest.connectionDetails({ database: facts.name, role: columnRole })), scope([], [facts.name]));
    });

    it('reports effective nullability, identity columns without a default, and generated columns apart from defaults', () => {
      expect(columnsOf(superuserCrawl, 'facts')).toEqual([
        { name: 'Required', ordinal: 1, stableId: '1', type: 'not_null_text', nullable: false, defaultValue: null, generated: null, comment: null },
        // A domain over a NOT NULL domain cannot hold NULL either (information_schema says YES here).
        { name: 'Inherited', ordinal: 2, stableId: '2', type: 'over_not_null', nullable: false, defaultValue: null, generated: null, comment: null },
        { name: 'Optional', ordinal: 3, stableId: '3', type: 'plain_text', nullable: true, defaultValue: null, generated: null, comment: null },
        // The elements may not be NULL; the array may.
        { name: 'Elements', ordinal: 4, stableId: '4', type: 'not_null_text[]', nullable: true, defaultValue: null, generated: null, comment: null },
        { name: 'Identity', ordinal: 5, stableId: '5', type: 'integer', nullable: false, defaultValue: null, generated: null, comment: null },
        { name: 'Serial', ordinal: 6, stableId: '6', type: 'integer', nullable: false, defaultValue: `nextval('"facts_Serial_seq"'::regclass)`, generated: null, comment: null },
        { name: 'Doubled', ordinal: 7, stableId: '7', type: 'integer', nullable: true, defaultValue: null, generated: { expression: '("Identity" * 2)', stored: true }, comment: null },
      ]);
    });

    it('agrees with information_schema.columns on nullability, except for a domain over a NOT NULL domain', async () => {
      const rows = await adminQuery<{ column_name: string; is_nullable: string }>(
        facts.name,
        `SELECT column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'facts' ORDER BY ordinal_position`,
      );
      const ours = columnsOf(superuserCrawl, 'facts')!.map((column) => [column.name, column.nullable ? 'YES' : 'NO']);
      expect(rows.map((row) => [row.column_name, row.column_name === 'Inherited' ? 'NO' : row.is_nullable])).toEqual(ours);
      expect(rows.find((row) => row.column_name === 'Inherited')?.is_nullable).toBe('YES');
    });

    it('lists the columns the role holds some privilege on, as information_schema.columns does', async () => {
      expect(columnsOf(superuserCrawl, 'partly')?.map((column) => column.name)).toEqual(['visible', 'insertable', 'hidden']);
      expect(columnsOf(roleCrawl, 'partly')).toEqual([
        { name: 'visible', ordinal: 1, stableId: '1', type: 'integer', nullable: true, defaultValue: null, generated: null, comment: null },
        { name: 'insertable', ordinal: 2, stableId: '2', type: 'integer', nullable: true, defaultValue: null, generated: null, comment: null },
      ]);
      // A table-level privilege shows every column.
      expect(columnsOf(roleCrawl, 'facts')).toEqual(columnsOf(superuserCrawl, 'facts'));
      const visible = await withAdminClient(facts.name, async (client) => {
        await client.query(`SET ROLE ${quoteIdent(columnRole.name)}`);
        const { rows } = await client.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'partly' ORDER BY ordinal_position`,
        );
        return rows.map((row) => row.column_name);
      });
      expect(columnsOf(roleCrawl, 'partly')?.map((column) => column.name)).toEqual(visible);
      expect(failures(roleCrawl)).toEqual([]);
    });
  });

  describe('sessions', () => {
    it("signs in once for the connection's own database: the credential check, the root listing and that database's subtree share a session", async () => {
      const proxy = await TcpProxy.start({ host: adminServer.host, port: adminServer.port });
      try {
        const connector = connect({ ...pgTest.connectionDetails({ database: hostile.name, role: restricted }), hostname: '127.0.0.1', port: proxy.port });
        await connector.testConnection(AbortSignal.timeout(10_000));
        const batches = await crawlAll(connector, scope([], undefined, () => true));
        const databases = listingOf(batches, []).objects.length;
        expect(failures(batches)).toEqual([]);
        expect(listingOf(batches, [hostile.name]).objects.length).toBeGreaterThan(0);
        // One session for the home database, one for each other database the role may connect to.
        expect(proxy.accepted).toBe(databases);
        await connector.testConnection(AbortSignal.timeout(10_000));
        expect(proxy.accepted).toBe(databases);
      } finally {
        await proxy.close();
      }
    });
  });

  describe('scoped crawls', () => {
    const superuser = (): Connector => connect(pgTest.connectionDetails());

    it('a database: the root filtered to it, then its whole subtree', async () => {
      const step = { name: hostile.name, stableId: hostile.oid };
      const batches = await crawlAll(superuser(), scope([step], undefined, () => true));
      expect(batches[0]).toEqual({ type: 'listing', parent: [], only: step, objects: [expect.objectContaining({ name: hostile.name })] });
      expect(listingOf(batches, [hostile.name]).only).toBeUndefined();
      expect(names(listingOf(batches, [hostile.name]).objects)).toEqual([...HOSTILE_SCHEMAS].sort());
      expect(kinds(listingOf(batches, [hostile.name, 'Mixed Case']).objects)).toEqual(MIXED_CASE_LEAVES);
      expect(batches).toHaveLength(2 + HOSTILE_SCHEMAS.length);
    });

    it('a database descends even when shouldDescend says no, but not into skipped schemas below it', async () => {
      const step = { name: hostile.name, stableId: null };
      const batches = await crawlAll(superuser(), { target: [step], shouldDescend: (path) => path[1] === 'Case' });
      expect(batches.map((batch) => (batch.type === 'failure' || batch.type === 'tagsNotRead' ? batch.path : batch.parent))).toEqual([
        [],
        [hostile.name],
        [hostile.name, 'Case'],
      ]);
    });

    it('a schema: filtered listings down to it, then its complete leaf listing', async () => {
      const batches = await crawlAll(
        superuser(),
        scope([
          { name: hostile.name, stableId: hostile.oid },
          { name: 'Mixed Case', stableId: null },
        ]),
      );
      expect(batches).toHaveLength(3);
      expect(names(listingOf(batches, [hostile.name]).objects)).toEqual(['Mixed Case']);
      expect(listingOf(batches, [hostile.name]).only).toEqual({ name: 'Mixed Case', stableId: null });
      const leaves = listingOf(batches, [hostile.name, 'Mixed Case']);
      expect(leaves.only).toBeUndefined();
      expect(kinds(leaves.objects)).toEqual(MIXED_CASE_LEAVES);
    });

    it('a table: that one table with its columns', async () => {
      const tableStep = { name: 'Typed Columns', stableId: null };
      const batches = await crawlAll(
        superuser(),
        scope([
          { name: hostile.name, stableId: null },
          { name: 'Mixed Case', stableId: null },
          tableStep,
        ]),
      );
      expect(batches).toHaveLength(3);
      const leaf = listingOf(batches, [hostile.name, 'Mixed Case']);
      expect(leaf.only).toEqual(tableStep);
      expect(leaf.objects).toHaveLength(1);
      expect(leaf.objects[0]).toMatchObject({ name: 'Typed Columns', kind: 'table', columns: TYPED_COLUMNS });
    });

    it('names differing only in case are distinct targets', async () => {
      const batches = await crawlAll(
        superuser(),
        scope([
          { name: hostile.name, stableId: null },
          { name: 'case', stableId: null },
          { name: 't', stableId: null },
        ]),
      );
      expect(names(listingOf(batches, [hostile.name]).objects)).toEqual(['case']);
      expect(names(listingOf(batches, [hostile.name, 'case']).objects)).toEqual(['t']);
    });

    it('finds renamed objects by their stable id, with their new names', async () => {
      const db = await pgTest.createDatabase({ label: 'rename', seed: 'many-schemas.sql' });
      const tableOid = await oidOf(db.name, `SELECT 's1.t01'::regclass::oid::text AS oid`);
      const schemaOid = await oidOf(db.name, `SELECT oid::text AS oid FROM pg_namespace WHERE nspname = 's2'`);
      await adminQuery(db.name, `ALTER TABLE s1.t01 RENAME TO "renamed t01"`);
      await adminQuery(db.name, `ALTER SCHEMA s2 RENAME TO "renamed s2"`);
      const newDatabaseName = `${db.name}_renamed`;
      await adminQuery('postgres', `ALTER DATABASE ${quoteIdent(db.name)} RENAME TO ${quoteIdent(newDatabaseName)}`);
      try {
        const table = await crawlAll(
          superuser(),
          scope([
            { name: db.name, stableId: db.oid },
            { name: 's1', stableId: null },
            { name: 't01', stableId: tableOid },
          ]),
        );
        expect(names(listingOf(table, []).objects)).toEqual([newDatabaseName]);
        const leaf = listingOf(table, [newDatabaseName, 's1']);
        expect(leaf.objects).toHaveLength(1);
        expect(leaf.objects[0]).toMatchObject({ name: 'renamed t01', stableId: tableOid });
        expect(leaf.objects[0]!.columns?.map((column) => column.name)).toEqual(['id', 'name', 'created_at']);

        const schema = await crawlAll(
          superuser(),
          scope([
            { name: newDatabaseName, stableId: db.oid },
            { name: 's2', stableId: schemaOid },
          ]),
        );
        expect(listingOf(schema, [newDatabaseName]).objects).toEqual([
          { name: 'renamed s2', kind: 'schema', stableId: schemaOid, comment: null },
        ]);
        expect(names(listingOf(schema, [newDatabaseName, 'renamed s2']).objects)).toEqual(MANY_TABLES);
      } finally {
        await adminQuery('postgres', `ALTER DATABASE ${quoteIdent(newDatabaseName)} RENAME TO ${quoteIdent(db.name)}`);
      }
    });

    it('a target that is gone: an empty filtered listing, and nothing below it', async () => {
      const table = await crawlAll(
        superuser(),
        scope([
          { name: hostile.name, stableId: null },
          { name: 'Mixed Case', stableId: null },
          { name: 'no such table', stableId: '4000000000' },
        ]),
      );
      expect(table).toHaveLength(3);
      expect(listingOf(table, [hostile.name, 'Mixed Case']).objects).toEqual([]);

      const database = await crawlAll(superuser(), scope([{ name: uniqueName('gone'), stableId: null }]));
      expect(database).toEqual([{ type: 'listing', parent: [], only: expect.anything(), objects: [] }]);
    });
  });

  describe('shouldDescend', () => {
    it('false skips a database or a schema without failure', async () => {
      const details = pgTest.connectionDetails();
      const noDatabase = await crawlAll(connect(details), scope([], []));
      expect(noDatabase).toHaveLength(1);
      expect(names(listingOf(noDatabase, []).objects)).toContain(hostile.name);

      const noMixedCase = await crawlAll(connect(details), scope([], [hostile.name], (path) => path[1] !== 'Mixed Case'));
      expect(failures(noMixedCase)).toEqual([]);
      expect(listings(noMixedCase).map((batch) => batch.parent[1])).not.toContain('Mixed Case');
      expect(names(listingOf(noMixedCase, [hostile.name]).objects)).toContain('Mixed Case');
      expect(listings(noMixedCase).filter((batch) => batch.parent.length === 2)).toHaveLength(HOSTILE_SCHEMAS.length - 1);
    });
  });

  // Wrong password, missing database, closed port and a silent server: the contract suite
  // (postgres-contract.test.ts). Here: what only PostgreSQL has.
  describe('connection errors', () => {
    /** Every message a connection error produced, checked for the password at the end. */
    const messages: string[] = [];
    const fail = async (details: ConnectionDetails, timeouts: ConnectorTimeouts = TIMEOUTS): Promise<WardenError> => {
      const error = await rejectionOf(connect(details, timeouts).testConnection(AbortSignal.timeout(30_000)));
      messages.push(error.message, JSON.stringify(error.params));
      return error;
    };

    afterAll(() => {
      for (const message of messages) expect(message).not.toContain(PASSWORD);
    });

    it('testConnection succeeds with working credentials', async () => {
      await connect(pgTest.connectionDetails()).testConnection(AbortSignal.timeout(10_000));
      await connect(pgTest.connectionDetails({ role: restricted, database: hostile.name })).testConnection(
        AbortSignal.timeout(10_000),
      );
    });

    it('a role that may not log in, or does not exist, is AUTHENTICATION_FAILED', async () => {
      const noLogin = await pgTest.createRole({ label: 'nologin', login: false, password: PASSWORD });
      expect((await fail(pgTest.connectionDetails({ role: noLogin }))).code).toBe('AUTHENTICATION_FAILED');
      const ghost = { name: uniqueName('ghost'), password: PASSWORD };
      const error = await fail(pgTest.connectionDetails({ role: ghost }));
      expect(error.code).toBe('AUTHENTICATION_FAILED');
      expect(error.message).toContain(ghost.name);
    });

    it('TLS required by a server without TLS is TLS_FAILED', async (context) => {
      const [setting] = await adminQuery<{ ssl: string }>('postgres', 'SHOW ssl');
      context.skip(setting!.ssl === 'on', 'the test server has TLS enabled');
      const error = await fail({ ...pgTest.connectionDetails(), password: PASSWORD, tls: { mode: 'require' } });
      expect(error.code).toBe('TLS_FAILED');
    });
  });

  describe('failures below the root', () => {
    it('a database whose catalog queries fail yields a failure batch; the others are listed', async () => {
      const good = await pgTest.createDatabase({ label: 'good' });
      const denied = await pgTest.createDatabase({ label: 'denied' });
      const full = await pgTest.createDatabase({ label: 'full' });
      const role = await pgTest.createRole({ label: 'crawler', password: PASSWORD, connect: [good.name, denied.name, full.name] });
      // Deterministic failures: a catalog the role may not read in one database (every catalog
      // query then fails with 42501), and a database that takes no more connections (53300).
      await adminQuery(denied.name, 'REVOKE SELECT ON pg_catalog.pg_namespace FROM PUBLIC');
      await adminQuery('postgres', `ALTER DATABASE ${quoteIdent(full.name)} CONNECTION LIMIT 0`);
      const connector = connect(pgTest.connectionDetails({ role }));
      for (let run = 0; run < 3; run += 1) {
        const batches = await crawlAll(connector, scope([], [good.name, denied.name, full.name]));
        expect(names(listingOf(batches, [good.name]).objects)).toEqual(['public']);
        expect(listingOf(batches, [good.name, 'public']).objects).toEqual([]);
        const byPath = Object.fromEntries(failures(batches).map((failure) => [failure.path.join('/'), failure]));
        expect(Object.keys(byPath).sort()).toEqual([denied.name, full.name].sort());
        expect(byPath[denied.name]).toMatchObject({ code: 'PERMISSION_DENIED' });
        expect(byPath[denied.name]!.message).toContain(`reading ${JSON.stringify(denied.name)} (SQLSTATE 42501)`);
        expect(byPath[full.name]).toMatchObject({ code: 'PLATFORM_ERROR' });
        expect(byPath[full.name]!.message).toContain('53300');
        expect(listings(batches).some((batch) => batch.parent[0] === denied.name || batch.parent[0] === full.name)).toBe(false);
        for (const failure of failures(batches)) expect(failure.message).not.toContain(PASSWORD);
      }
    });

    it('a catalog query that does not finish in time fails its schema, and the rest of that database', async () => {
      const blocked = await pgTest.createDatabase({ label: 'blocked', seed: 'many-schemas.sql' });
      const other = await pgTest.createDatabase({ label: 'other' });
      // The columns query reads pg_attrdef; an exclusive lock on it (held in an open transaction)
      // blocks that query, deterministically, until the transaction ends.
      await withAdminClient(blocked.name, async (locker) => {
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE pg_catalog.pg_attrdef IN ACCESS EXCLUSIVE MODE');
        try {
          const connector = connect(pgTest.connectionDetails(), { connectMs: 3_000, statementMs: 700 });
          const batches = await crawlAll(connector, scope([], [blocked.name, other.name]));
          expect(names(listingOf(batches, [blocked.name]).objects)).toEqual(MANY_SCHEMAS);
          expect(listingOf(batches, [other.name, 'public']).objects).toEqual([]);
          const blockedLeaves = batches.filter(
            (batch) => (batch.type === 'failure' || batch.type === 'tagsNotRead' ? batch.path : batch.parent)[0] === blocked.name && (batch.type !== 'listing' || batch.parent.length === 2),
          );
          expect(blockedLeaves.map((batch) => batch.type)).toEqual(MANY_SCHEMAS.map(() => 'failure'));
          expect((blockedLeaves[0] as Failure).code).toBe('QUERY_TIMEOUT');
          expect((blockedLeaves[0] as Failure).message).toContain('"public"');
          expect(blockedLeaves.slice(1).map((batch) => (batch as Failure).code)).toEqual(
            MANY_SCHEMAS.slice(1).map(() => 'CONNECTION_LOST'),
          );
        } finally {
          await locker.query('ROLLBACK');
        }
      });
    });

    it('a backend terminated mid-crawl yields failure batches, never partial listings', async () => {
      const db = await pgTest.createDatabase({ label: 'terminate', seed: 'many-schemas.sql' });
      const connector = connect(pgTest.connectionDetails());
      const batches: CrawlBatch[] = [];
      let terminated = 0;
      for await (const batch of connector.crawl(scope([], [db.name]), AbortSignal.timeout(30_000))) {
        batches.push(batch);
        if (terminated === 0 && batch.type === 'listing' && batch.parent.length === 2) {
          terminated = await terminateSessions('warden', db.name);
        }
      }
      expect(terminated).toBe(1);
      const leafLevel = batches.filter((batch) => (batch.type === 'listing' ? batch.parent.length === 2 : true));
      expect(leafLevel).toHaveLength(MANY_SCHEMAS.length);
      expect(failures(batches).length).toBeGreaterThan(0);
      for (const failure of failures(batches)) {
        expect(failure.code).toBe('CONNECTION_LOST');
        expect(failure.path).toHaveLength(2);
      }
      for (const listing of listings(batches).filter((batch) => batch.parent.length === 2)) {
        const expected = listing.parent[1] === 'public' ? [] : MANY_TABLES;
        expect(names(listing.objects)).toEqual(expected);
        for (const leaf of listing.objects) expect(leaf.columns).toHaveLength(3);
      }
    });
  });

  describe('resources', () => {
    let db: TestDatabase;

    beforeAll(async () => {
      db = await pgTest.createDatabase({ label: 'resources', seed: 'many-schemas.sql' });
    });

    it('a consumer that stops pulling ends the crawl and its sessions', async () => {
      const connector = connect(pgTest.connectionDetails());
      let pulled = 0;
      for await (const batch of connector.crawl(scope([], [db.name]), AbortSignal.timeout(30_000))) {
        pulled += 1;
        if (batch.type === 'listing' && batch.parent.length === 2) break;
      }
      expect(pulled).toBe(3);
      await expectNoWardenSessions(db.name);
    });

    it('an abort rejects the iteration and releases the sessions', async () => {
      const controller = new AbortController();
      const iterator = connect(pgTest.connectionDetails()).crawl(scope([], [db.name]), controller.signal)[Symbol.asyncIterator]();
      await iterator.next();
      await iterator.next();
      controller.abort(new Error('stop now'));
      await expect(iterator.next()).rejects.toThrow('stop now');
      await expectNoWardenSessions(db.name);
    });

    it('close() stops running crawls and releases their sessions', async () => {
      const connector = createPostgresConnector(pgTest.connectionDetails(), TIMEOUTS);
      const iterator = connector.crawl(scope([], [db.name]), AbortSignal.timeout(30_000))[Symbol.asyncIterator]();
      await iterator.next();
      await iterator.next();
      await connector.close();
      await expect(iterator.next()).rejects.toThrow(/closed/);
      await expectNoWardenSessions(db.name);
    });
  });

  describe('setup script', () => {
    it('creates a role that sees everything, including objects created later', async (context) => {
      const psqlVersion = await promisify(execFile)('psql', ['--version']).then(
        (result) => result.stdout,
        () => null,
      );
      context.skip(psqlVersion === null, 'psql is not installed');
      const db = await pgTest.createDatabase({ label: 'setup', seed: 'hostile-names.sql' });
      const roleName = uniqueName('setup "role"');
      pgTest.trackRole(roleName);
      const directory = await mkdtemp(join(tmpdir(), 'warden-setup-'));
      try {
        const file = join(directory, 'setup.sql');
        await writeFile(file, postgresSetupScript({ username: roleName, databases: [db.name] }));
        await promisify(execFile)(
          'psql',
          ['-X', '-q', '-h', adminServer.host, '-p', String(adminServer.port), '-U', adminServer.user, '-d', 'postgres', '-v', `warden_password=${PASSWORD}`, '-f', file],
          { env: { ...process.env, PGPASSWORD: adminServer.password ?? '' } },
        );
      } finally {
        await rm(directory, { recursive: true, force: true });
      }
      await adminQuery(db.name, `CREATE SCHEMA "Later"; CREATE TABLE "Later"."later table" (x integer); CREATE VIEW "Mixed Case"."later view" AS SELECT 1 AS one`);

      const role = { name: roleName, password: PASSWORD };
      const asRole = await crawlAll(connect(pgTest.connectionDetails({ role })), scope([{ name: db.name, stableId: null }]));
      const asSuperuser = await crawlAll(connect(pgTest.connectionDetails()), scope([{ name: db.name, stableId: null }]));
      expect(failures(asRole)).toEqual([]);
      // The dictionary fingerprints differ, rightly: what a role may see is part of them.
      const withoutFingerprints = (batches: CrawlBatch[]) =>
        batches.map((batch) => (batch.type === 'listing' ? { ...batch, objects: batch.objects.map(({ dictionaryFingerprint: _fingerprint, ...object }) => object) } : batch));
      expect(withoutFingerprints(asRole)).toEqual(withoutFingerprints(asSuperuser));
      expect(names(listingOf(asRole, [db.name, 'Later']).objects)).toEqual(['later table']);
      expect(names(listingOf(asRole, [db.name, 'Mixed Case']).objects)).toContain('later view');
    });
  });
});
