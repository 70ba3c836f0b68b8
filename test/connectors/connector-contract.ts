/**
 * The connector contract suite: the same scenarios for every technology, each technology
 * stating what it expects where platforms legitimately differ (levels, type spellings, how
 * renames are recognised). A new connector passes this suite before anything else; see
 * docs/connectors.md. Run per technology by `<technology>-contract.test.ts`.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Connector, ConnectorFactory, ConnectorTimeouts } from '../../src/connectors/connector.js';
import type { ServerConnectionDetails as ConnectionDetails } from '../../src/connectors/shared/server-connection.js';
import { diffChildren, fingerprint, type StoredChild } from '../../src/domain/catalog-diff.js';
import type { TechnologyDescriptor } from '../../src/connectors/technology.js';
import type { CrawlBatch, CrawledObject } from '../../src/domain/catalog-types.js';
import { byName, closedPort, crawlAll, failures, kinds, listingOf, listings, names, rejectionOf, scope, silentServer } from '../helpers/crawl-helpers.js';
import { describeUnless } from '../helpers/server-availability.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';

/** A technology as the contract suite drives it. */
export interface ContractTarget {
  /** The technology as the registry describes it: its fields decide which cases apply. */
  descriptor: TechnologyDescriptor;
  /** Why the suite is skipped here (no server), or null. */
  skipReason: string | null;
  create: ConnectorFactory;
  /** Creates a sandbox database; names are unique. */
  createDatabase(label: string): Promise<string>;
  /** Drops everything the target created. */
  cleanup(): Promise<void>;
  /** Administrator connection details (sees everything). */
  adminDetails(): ConnectionDetails;
  /** Runs SQL as the administrator inside `database`. */
  run(database: string, sql: string): Promise<void>;
  /** A user that sees exactly `tables` of `database` (as the setup script would grant, per table); a reason where the test server cannot. */
  createCrawler(database: string, tables: string[]): Promise<{ details: ConnectionDetails } | { skip: string }>;
  /** Takes back what makes `table` visible to the crawler. */
  revoke(crawler: ConnectionDetails, database: string, table: string): Promise<void>;
  /** A user whose password the server checks; null with a reason when this server cannot. */
  passwordCheckedUser(password: string): Promise<{ details: ConnectionDetails } | { skip: string }>;
  /**
   * Cuts and stalls by the test server itself, where the suite's TCP proxy cannot see query
   * text on the wire (Snowflake's driver gzips its request bodies); the proxy otherwise.
   */
  faults?: QueryFaults & { details(): ConnectionDetails };
  expect: {
    levels: readonly string[];
    /** Whether the crawl reports a stable id on every object. */
    stableIds: boolean;
    /** The path below the connection of the container holding a database's tables. */
    leafParent(database: string): string[];
    /** Names of {@link HOSTILE_NAMES}' kinds the platform keeps exactly, where it folds case (default: HOSTILE_NAMES). */
    hostileNames?: readonly string[];
    /** A table name of the longest length the platform keeps. */
    longestName: string;
    /** Text the client sends in the query that reads a container's columns (the proxy cuts or stalls on it). */
    columnsQueryMarker: string;
    /** How the crawl spells the SQL types `int` and `bigint`. */
    intType: string;
    bigintType: string;
    /** The SQL type the retype test changes `id` to, where `bigint` is `int`'s own type (Snowflake: both NUMBER(38,0)); default `bigint`. */
    retypeTo?: { sql: string; crawled: string };
  };
  sql: {
    /** A quoted identifier. */
    quote(name: string): string;
    /** A table reference inside the sandbox database (PostgreSQL: in schema public). */
    table(name: string): string;
    /** Changes `column` of `table` to `type`. */
    retype(table: string, column: string, type: string): string;
  };
}

/** What the failure tests need: the next query sending `marker` is cut (resolves once it was) or never answered. */
export interface QueryFaults {
  cutWhenClientSends(marker: string): Promise<void>;
  stallWhenClientSends(marker: string): void;
}

/** Names every platform must keep exactly: quoting, splitting, case folding and encoding traps. */
export const HOSTILE_NAMES = [
  'with `backtick`',
  'with "double" quote',
  "with 'single' quote",
  'with spaces',
  'with.dots.in.it',
  'with/slash',
  'Ünïcødé 表',
  'Case',
  'case',
] as const;

const PASSWORD = 'Pw-contract-4b1d-never-show-me';
const TIMEOUTS: ConnectorTimeouts = { connectMs: 3_000, statementMs: 10_000 };

export function describeConnectorContract(target: ContractTarget): void {
  const technology = target.descriptor.technology;
  const title = `${technology} connector contract`;
  describeUnless(target.skipReason, title, () => {
    const open: Connector[] = [];
    const connect = (details: ConnectionDetails, timeouts: ConnectorTimeouts = TIMEOUTS): Connector => {
      const connector = target.create(details, timeouts);
      open.push(connector);
      return connector;
    };
    const { sql } = target;
    const leafParent = (database: string): string[] => target.expect.leafParent(database);
    const leavesOf = (batches: CrawlBatch[], database: string): CrawledObject[] => listingOf(batches, leafParent(database)).objects;
    const createTable = (database: string, name: string): Promise<void> =>
      target.run(database, `CREATE TABLE ${sql.table(name)} (${sql.quote('id')} int, ${sql.quote('name')} varchar(20))`);

    afterEach(async () => {
      await Promise.all(open.splice(0).map((connector) => connector.close()));
    });
    afterAll(() => target.cleanup());

    it('declares its levels', () => {
      const connector = connect(target.adminDetails());
      expect(connector.technology).toBe(technology);
      expect(connector.levels).toEqual(target.expect.levels);
    });

    describe('hostile names, identical names in different databases, views', () => {
      const all = [...(target.expect.hostileNames ?? HOSTILE_NAMES), target.expect.longestName];
      const unicodeName = all.find((name) => /[^\x00-\x7f]/.test(name))!;
      let first: string;
      let second: string;
      let batches: CrawlBatch[];

      beforeAll(async () => {
        first = await target.createDatabase('Dé "q".x/y `b`');
        second = await target.createDatabase('twin');
        for (const database of [first, second]) {
          for (const name of all) await createTable(database, name);
          await target.run(database, `CREATE VIEW ${sql.table('a view')} AS SELECT ${sql.quote('id')} FROM ${sql.table('Case')}`);
        }
        batches = await crawlAll(connect(target.adminDetails()), scope([], [first, second]));
      });

      it('lists both databases in the root listing, complete, before their children', () => {
        expect(batches[0]).toMatchObject({ type: 'listing', parent: [] });
        expect(names(listingOf(batches, []).objects)).toEqual(expect.arrayContaining([first, second]));
        expect(failures(batches)).toEqual([]);
      });

      it('keeps every name exactly, in every database, with the kind of each leaf', () => {
        for (const database of [first, second]) {
          const leaves = leavesOf(batches, database);
          expect(names(leaves)).toEqual([...all, 'a view'].sort());
          expect(kinds(leaves)['a view']).toBe('view');
          expect(kinds(leaves)['with/slash']).toBe('table');
          expect(byName(leaves, unicodeName).columns?.map((column) => [column.name, column.type])).toEqual([
            ['id', target.expect.intType],
            ['name', expect.stringMatching(/^(varchar|character varying)\(20\)$/i)],
          ]);
        }
      });

      it('finds one hostile name by a scoped crawl, exactly (not its case twin)', async () => {
        for (const name of ['with/slash', 'case', target.expect.longestName]) {
          const steps = [...leafParent(first), name].map((step) => ({ name: step, stableId: null }));
          const scoped = await crawlAll(connect(target.adminDetails()), scope(steps));
          const leaf = listingOf(scoped, leafParent(first));
          expect(leaf.only).toEqual({ name, stableId: null });
          expect(names(leaf.objects)).toEqual([name]);
        }
      });
    });

    describe('changes between two crawls, as the diff classifies them', () => {
      it('sees created, dropped, renamed and retyped tables', async () => {
        const database = await target.createDatabase('changes');
        for (const name of ['keep', 'drop me', 'rename me', 'retype me']) await createTable(database, name);
        // Columns unique to the table being renamed, so the fingerprint heuristic has one candidate.
        await target.run(database, `ALTER TABLE ${sql.table('rename me')} ADD COLUMN ${sql.quote('only here')} int`);
        const connector = connect(target.adminDetails());
        const before = leavesOf(await crawlAll(connector, scope([], [database])), database);

        await target.run(database, `CREATE TABLE ${sql.table('new')} (${sql.quote('created')} int)`);
        await target.run(database, `DROP TABLE ${sql.table('drop me')}`);
        await target.run(database, `ALTER TABLE ${sql.table('rename me')} RENAME TO ${sql.quote('renamed')}`);
        const retypeTo = target.expect.retypeTo ?? { sql: 'bigint', crawled: target.expect.bigintType };
        await target.run(database, sql.retype('retype me', 'id', retypeTo.sql));
        const after = leavesOf(await crawlAll(connector, scope([], [database])), database);

        // Stable ids or not is the crawl's to say, object by object; the diff decides per pair.
        expect(after.map((object) => object.stableId !== null)).toEqual(after.map(() => target.expect.stableIds));
        const diff = diffChildren(storedChildren(before), after.map(fingerprint));
        expect(diff.added.map((object) => object.name)).toEqual(['new']);
        expect(diff.removed.map((child) => child.name)).toEqual(['drop me']);
        expect(diff.renamed.map(({ stored, crawled }) => [stored.name, crawled.name])).toEqual([['rename me', 'renamed']]);
        expect(diff.changed.map(({ stored, fields }) => [stored.name, fields])).toEqual([['retype me', ['columns']]]);
        expect(diff.unchanged.map((child) => child.name)).toEqual(['keep']);
        expect(byName(after, 'retype me').columns?.[0]).toMatchObject({ name: 'id', type: retypeTo.crawled });
        expect(byName(after, 'renamed').stableId).toBe(byName(before, 'rename me').stableId);
      });

      it('tells a drop plus an identical create apart from a rename only with stable ids', async () => {
        const database = await target.createDatabase('lookalike');
        await createTable(database, 'dropped');
        const connector = connect(target.adminDetails());
        const before = leavesOf(await crawlAll(connector, scope([], [database])), database);
        await target.run(database, `DROP TABLE ${sql.table('dropped')}`);
        await createTable(database, 'created');
        const after = leavesOf(await crawlAll(connector, scope([], [database])), database);

        const diff = diffChildren(storedChildren(before), after.map(fingerprint));
        const summary = { added: diff.added.length, removed: diff.removed.length, renamed: diff.renamed.length };
        // Without stable ids the heuristic cannot know: same columns, one gone, one new (docs/connectors.md).
        expect(summary).toEqual(target.expect.stableIds ? { added: 1, removed: 1, renamed: 0 } : { added: 0, removed: 0, renamed: 1 });
      });
    });

    describe('access', () => {
      it('lists exactly what the credentials may see; a revoked table disappears without a failure', async (context) => {
        const visible = await target.createDatabase('visible');
        const hidden = await target.createDatabase('hidden');
        for (const name of ['granted', 'revoked later', 'never granted']) await createTable(visible, name);
        await createTable(hidden, 'granted');
        const created = await target.createCrawler(visible, ['granted', 'revoked later']);
        if ('skip' in created) return context.skip(created.skip);
        const crawler = created.details;
        const connector = connect(crawler);

        const before = await crawlAll(connector, scope([], [visible, hidden]));
        expect(names(listingOf(before, []).objects)).toContain(visible);
        expect(names(listingOf(before, []).objects)).not.toContain(hidden);
        expect(names(leavesOf(before, visible))).toEqual(['granted', 'revoked later']);

        await target.revoke(crawler, visible, 'revoked later');
        const after = await crawlAll(connector, scope([], [visible]));
        expect(names(leavesOf(after, visible))).toEqual(['granted']);
        expect(failures(after)).toEqual([]);
      });
    });

    describe('failures', () => {
      let database: string;
      let proxy: TcpProxy | undefined;
      let faults: QueryFaults;
      let clean: CrawlBatch[];

      beforeAll(async () => {
        database = await target.createDatabase('failures');
        for (const name of ['a', 'b', 'c']) await createTable(database, name);
        if (target.faults === undefined) proxy = await TcpProxy.start({ host: target.adminDetails().hostname, port: target.adminDetails().port });
        faults = target.faults ?? proxy!;
        clean = await crawlAll(target.create(target.adminDetails(), TIMEOUTS), scope([], [database]));
      });
      afterAll(() => proxy?.close());

      const viaProxy = (timeouts: ConnectorTimeouts = TIMEOUTS): Connector =>
        connect(proxy === undefined ? target.faults!.details() : { ...target.adminDetails(), hostname: '127.0.0.1', port: proxy.port }, timeouts);

      it('a connection cut mid-crawl yields CONNECTION_LOST failures, never a partial listing', async () => {
        const cut = faults.cutWhenClientSends(target.expect.columnsQueryMarker);
        const batches = await crawlAll(viaProxy(), scope([], [database]));
        await cut;
        expect(failures(batches).length).toBeGreaterThan(0);
        for (const failure of failures(batches)) {
          expect(failure.code).toBe('CONNECTION_LOST');
          expect(failure.path[0]).toBe(database);
        }
        expect(listings(batches).some((batch) => JSON.stringify(batch.parent) === JSON.stringify(leafParent(database)))).toBe(false);
        // Whatever was listed below the root is exactly what a clean crawl lists (the root
        // listing itself shows the other test databases of the shared server coming and going).
        for (const batch of listings(batches).filter((listing) => listing.parent.length > 0)) {
          expect(batch).toEqual(listingOf(clean, batch.parent));
        }
      });

      it('a catalog query that hangs fails its subtree with QUERY_TIMEOUT within statementMs', async () => {
        faults.stallWhenClientSends(target.expect.columnsQueryMarker);
        const started = Date.now();
        const batches = await crawlAll(viaProxy({ connectMs: 3_000, statementMs: 500 }), scope([], [database]));
        expect(Date.now() - started).toBeLessThan(5_000);
        const failed = failures(batches);
        expect(failed.map((failure) => [failure.path, failure.code])).toEqual([[leafParent(database), 'QUERY_TIMEOUT']]);
        expect(failed[0]!.message).toContain('500 ms');
      });
    });

    describe('connection errors (what registration answers with 422)', () => {
      const messages: string[] = [];
      const fail = async (details: ConnectionDetails, timeouts: ConnectorTimeouts = TIMEOUTS) => {
        const error = await rejectionOf(connect(details, timeouts).testConnection(AbortSignal.timeout(30_000)));
        messages.push(error.message, JSON.stringify(error.params));
        return error;
      };
      afterAll(() => {
        for (const message of messages) expect(message).not.toContain(PASSWORD);
      });

      it('working credentials pass testConnection', async () => {
        await connect(target.adminDetails()).testConnection(AbortSignal.timeout(10_000));
      });

      it('a wrong password is AUTHENTICATION_FAILED naming the user, not the password', async (context) => {
        const user = await target.passwordCheckedUser(PASSWORD);
        if ('skip' in user) return context.skip(user.skip);
        const error = await fail({ ...user.details, password: `wrong-${PASSWORD}` });
        expect(error.code).toBe('AUTHENTICATION_FAILED');
        expect(error.message).toContain(user.details.username);
        await connect(user.details).testConnection(AbortSignal.timeout(10_000));
      });

      // Declared only where a connection names a database to start in (Trino's lists catalogs, enters none).
      if (target.descriptor.connectionFields.database !== undefined) {
        it('a missing starting database is DATABASE_NOT_FOUND', async () => {
          const error = await fail({ ...target.adminDetails(), database: 'warden_test_no_such_database' });
          expect(error.code).toBe('DATABASE_NOT_FOUND');
          expect(error.message).toContain('warden_test_no_such_database');
        });
      }

      it('a closed port is HOST_UNREACHABLE, quickly', async () => {
        const port = await closedPort();
        const started = Date.now();
        const error = await fail({ ...target.adminDetails(), hostname: '127.0.0.1', port, password: PASSWORD });
        expect(error.code).toBe('HOST_UNREACHABLE');
        expect(Date.now() - started).toBeLessThan(1_000);
      });

      it('a server that accepts TCP but never answers is CONNECT_TIMEOUT within connectMs', async () => {
        const silent = await silentServer();
        try {
          const started = Date.now();
          const error = await fail({ ...target.adminDetails(), hostname: '127.0.0.1', port: silent.port, password: PASSWORD }, { connectMs: 500, statementMs: 5_000 });
          const elapsed = Date.now() - started;
          expect(error.code).toBe('CONNECT_TIMEOUT');
          expect(error.message).toContain('500 ms');
          expect(elapsed).toBeGreaterThanOrEqual(450);
          expect(elapsed).toBeLessThan(1_500);
          expect(silent.accepted()).toBeGreaterThan(0);
        } finally {
          await silent.close();
        }
      });
    });
  });
}

/** The catalog's view of a crawled listing, as if it had been applied (ids in listing order). */
function storedChildren(objects: readonly CrawledObject[]): StoredChild[] {
  return objects.map((object, index) => ({
    id: index + 1,
    name: object.name,
    kind: object.kind,
    stableId: object.stableId,
    comment: object.comment,
    removed: false,
    columnsFingerprint: fingerprint(object).columnsFingerprint,
    tagsFingerprint: fingerprint(object).tagsFingerprint ?? null,
  }));
}
