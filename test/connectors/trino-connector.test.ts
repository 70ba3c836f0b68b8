import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorTimeouts } from '../../src/connectors/connector.js';
import { createTrinoConnector } from '../../src/connectors/trino/trino-connector.js';
import { openTrinoSession } from '../../src/connectors/trino/trino-session.js';
import type { TrinoConnectionDetails } from '../../src/connectors/trino/trino-config.js';
import { diffChildren, fingerprint } from '../../src/domain/catalog-diff.js';
import type { CrawledObject } from '../../src/domain/catalog-types.js';
import { mariadbAdmin } from '../helpers/mariadb-server.js';
import { byName, crawlAll, failures, kinds, listingOf, names, rejectionOf, scope } from '../helpers/crawl-helpers.js';
import { adminQuery } from '../helpers/postgres-server.js';
import {
  TokenEndpoint,
  TrinoRelay,
  TrinoTestContext,
  passwordDetails,
  quoteTrino,
  trinoAdmin,
  trinoServer,
  trinoSkipReason,
} from '../helpers/trino-server.js';

/**
 * The Trino connector against a real Trino (scripts/test-servers/trino.sh): its `pg` catalog
 * reads the PostgreSQL database warden_trino, `gone` a PostgreSQL database that does not
 * exist, and the sandboxes are memory catalogs created per test file.
 */
const TIMEOUTS: ConnectorTimeouts = { connectMs: 3_000, statementMs: 10_000 };
const suite = trinoSkipReason === null ? describe : describe.skip;
const title = (name: string) => (trinoSkipReason === null ? name : `${name} (skipped: ${trinoSkipReason})`);

suite(title('Trino connector against a real Trino'), () => {
  const trino = new TrinoTestContext();
  const pgSchemas: string[] = [];
  const pgSql = (sql: string) => adminQuery('warden_trino', sql);
  /** A schema in the `pg` catalog's database, dropped after the file. */
  const pgSchema = async (label: string): Promise<string> => {
    const name = `warden_test_${process.pid}_${pgSchemas.length}_${label}`;
    await pgSql(`CREATE SCHEMA ${quoteTrino(name)}`);
    pgSchemas.push(name);
    return name;
  };
  afterAll(async () => {
    await trino.cleanup();
    for (const schema of pgSchemas) await pgSql(`DROP SCHEMA IF EXISTS ${quoteTrino(schema)} CASCADE`);
  });
  const crawlPg = (details: TrinoConnectionDetails, schemas: string[]) =>
    crawlAll(createTrinoConnector({ ...details, catalogs: { include: ['pg'] } }, TIMEOUTS), scope([], ['pg'], (path) => path.length < 2 || schemas.includes(path[1]!)));

  it(`talks to Trino ${trinoServer?.version ?? ''} over HTTPS, verified against the test CA`, async () => {
    await createTrinoConnector(passwordDetails(), TIMEOUTS).testConnection(AbortSignal.timeout(10_000));
  });

  describe('the pg catalog: names as Trino reports them, views, comments, types', () => {
    let schema: string;
    beforeAll(async () => {
      schema = await pgSchema('names');
      const q = (name: string) => `${quoteTrino(schema)}.${quoteTrino(name)}`;
      await pgSql(`CREATE TABLE ${q('with "quote" . / é')} (id int NOT NULL, amount numeric(10,2), note varchar(20))`);
      await pgSql(`COMMENT ON TABLE ${q('with "quote" . / é')} IS 'a commented table'`);
      await pgSql(`COMMENT ON COLUMN ${q('with "quote" . / é')}.note IS 'a note'`);
      await pgSql(`CREATE TABLE ${q('MixedCase')} (b bigint)`);
      await pgSql(`CREATE VIEW ${q('a view')} AS SELECT 1 AS one`);
    });

    it('lists tables with Trino types and comments; names lower-cased by the PostgreSQL connector', async () => {
      const batches = await crawlPg(passwordDetails(), [schema]);
      expect(failures(batches)).toEqual([]);
      const leaves = listingOf(batches, ['pg', schema]).objects;
      expect(names(leaves)).toEqual(['a view', 'mixedcase', 'with "quote" . / é']);
      const table = byName(leaves, 'with "quote" . / é');
      expect(table.comment).toBe('a commented table');
      expect(table.columns?.map((column) => [column.name, column.type, column.nullable, column.comment])).toEqual([
        ['id', 'integer', false, null],
        ['amount', 'decimal(10,2)', true, null],
        ['note', 'varchar(20)', true, 'a note'],
      ]);
      expect(byName(leaves, 'mixedcase').columns?.map((column) => column.type)).toEqual(['bigint']);
      // Trino's PostgreSQL connector reports a PostgreSQL view as a table (information_schema says BASE TABLE).
      expect(kinds(leaves)['a view']).toBe('table');
    });

    it('views of a Trino catalog are views', async () => {
      const catalog = await trino.createCatalog('views');
      await trinoAdmin('CREATE TABLE base (id int)', { catalog, schema: 'default' });
      await trinoAdmin('CREATE VIEW "a view" AS SELECT id FROM base', { catalog, schema: 'default' });
      const batches = await crawlAll(createTrinoConnector(passwordDetails(), TIMEOUTS), scope([], [catalog]));
      expect(kinds(listingOf(batches, [catalog, 'default']).objects)).toEqual({ base: 'table', 'a view': 'view' });
    });
  });

  describe.each([
    { catalog: 'pg', sql: (schema: string, statement: string) => pgSql(statement.replaceAll('{s}', quoteTrino(schema))) },
    {
      catalog: 'maria',
      sql: (schema: string, statement: string) => mariadbAdmin(statement.replaceAll('{s}', `\`${schema}\``).replaceAll('"', '`')),
    },
  ])('the $catalog catalog: created, dropped, renamed and retyped tables between two crawls', ({ catalog, sql }) => {
    it('are classified by the diff with the column-fingerprint heuristic', async () => {
      const schema = `warden_trino_${process.pid}_changes`;
      if (catalog === 'pg') await pgSql(`CREATE SCHEMA ${quoteTrino(schema)}`);
      else await mariadbAdmin(`CREATE DATABASE \`${schema}\``);
      try {
        for (const name of ['keep', 'drop_me', 'rename_me', 'retype_me']) await sql(schema, `CREATE TABLE {s}."${name}" (id int, name varchar(20))`);
        await sql(schema, 'ALTER TABLE {s}."rename_me" ADD COLUMN only_here int');
        const leaves = async (): Promise<CrawledObject[]> => {
          const batches = await crawlAll(createTrinoConnector(passwordDetails({ catalogs: { include: [catalog] } }), TIMEOUTS), scope([], [catalog], (path) => path.length < 2 || path[1] === schema));
          expect(failures(batches)).toEqual([]);
          return listingOf(batches, [catalog, schema]).objects;
        };
        const before = await leaves();
        await sql(schema, 'CREATE TABLE {s}."new" (created int)');
        await sql(schema, 'DROP TABLE {s}."drop_me"');
        // PostgreSQL renames within the schema; MariaDB (no current database here) needs it named.
        await sql(schema, `ALTER TABLE {s}."rename_me" RENAME TO ${catalog === 'pg' ? '' : '{s}.'}"renamed"`);
        await sql(schema, catalog === 'pg' ? 'ALTER TABLE {s}."retype_me" ALTER COLUMN id TYPE bigint' : 'ALTER TABLE {s}."retype_me" MODIFY id bigint');
        const after = await leaves();
        const stored = before.map((object, index) => ({ id: index + 1, name: object.name, kind: object.kind, stableId: null, comment: object.comment, removed: false, columnsFingerprint: fingerprint(object).columnsFingerprint }));
        const diff = diffChildren(stored, after.map(fingerprint));
        expect(diff.added.map((object) => object.name)).toEqual(['new']);
        expect(diff.removed.map((child) => child.name)).toEqual(['drop_me']);
        expect(diff.renamed.map(({ stored: from, crawled }) => [from.name, crawled.name])).toEqual([['rename_me', 'renamed']]);
        expect(diff.changed.map(({ stored: changed }) => changed.name)).toEqual(['retype_me']);
        expect(byName(after, 'retype_me').columns?.[0]).toMatchObject({ name: 'id', type: 'bigint' });
      } finally {
        if (catalog === 'pg') await pgSql(`DROP SCHEMA ${quoteTrino(schema)} CASCADE`);
        else await mariadbAdmin(`DROP DATABASE \`${schema}\``);
      }
    });
  });

  it('"Orders" and orders in one PostgreSQL schema: both reported (a uniqueness conflict for the sync), the rest of the schema read', async () => {
    const clash = await pgSchema('clash');
    const fine = await pgSchema('fine');
    await pgSql(`CREATE TABLE ${quoteTrino(clash)}."Orders" (a int)`);
    await pgSql(`CREATE TABLE ${quoteTrino(clash)}.orders (x int)`);
    await pgSql(`CREATE TABLE ${quoteTrino(clash)}.lines (id int, note varchar(20))`);
    await pgSql(`COMMENT ON TABLE ${quoteTrino(clash)}.lines IS 'order lines'`);
    await pgSql(`CREATE TABLE ${quoteTrino(fine)}.orders (x int)`);
    // Trino 476 fails every whole-schema listing of `clash` ("Duplicate key …orders"), and
    // `orders` resolves to nothing (the pg catalog matches names case-insensitively).
    await expect(trinoAdmin(`SELECT table_name, table_type FROM pg.information_schema.tables WHERE table_schema = '${clash}'`)).rejects.toThrow(/Duplicate key/);
    const batches = await crawlPg(passwordDetails(), [clash, fine]);
    expect(failures(batches)).toEqual([]);
    const leaves = listingOf(batches, ['pg', clash]).objects;
    expect(leaves.map((leaf) => [leaf.name, leaf.columns?.map((column) => column.name)])).toEqual([
      ['lines', ['id', 'note']],
      ['orders', undefined],
      ['orders', undefined],
    ]);
    expect(byName(leaves, 'lines').comment).toBe('order lines');
    expect(names(listingOf(batches, ['pg', fine]).objects)).toEqual(['orders']);

    // A scoped crawl of the twin finds it listed (not gone); of the other table, just it.
    const scoped = (table: string) => crawlAll(createTrinoConnector(passwordDetails(), TIMEOUTS), scope(['pg', clash, table].map((name) => ({ name, stableId: null }))));
    expect(names(listingOf(await scoped('orders'), ['pg', clash]).objects)).toEqual(['orders', 'orders']);
    expect(names(listingOf(await scoped('lines'), ['pg', clash]).objects)).toEqual(['lines']);
  });

  it('a schema Trino cannot list, with no ambiguous name to show which tables collide, is not crawled', async () => {
    // Without case-insensitive-name-matching, `orders` resolves to the lower-case table and
    // "Orders" is unreachable: which name collides cannot be known, so the schema fails alone.
    const clash = await pgSchema('clash_exact');
    await pgSql(`CREATE TABLE ${quoteTrino(clash)}."Orders" (a int)`);
    await pgSql(`CREATE TABLE ${quoteTrino(clash)}.orders (x int)`);
    const catalog = await trino.createPostgresCatalog('exact names');
    const batches = await crawlAll(createTrinoConnector(passwordDetails({ catalogs: { include: [catalog] } }), TIMEOUTS), scope([], [catalog], (path) => path.length < 2 || path[1] === clash));
    expect(failures(batches).map((failure) => [failure.path, failure.code])).toEqual([[[catalog, clash], 'PLATFORM_ERROR']]);
    expect(failures(batches)[0]!.message).toContain('GENERIC_INTERNAL_ERROR');
  });

  it('a catalog whose backend is gone is not crawled; the other catalogs are', async () => {
    const catalog = await trino.createCatalog('beside gone');
    await trinoAdmin('CREATE TABLE t (id int)', { catalog, schema: 'default' });
    const connector = createTrinoConnector(passwordDetails({ catalogs: { include: ['gone', catalog] } }), TIMEOUTS);
    const batches = await crawlAll(connector, scope([]));
    expect(names(listingOf(batches, []).objects)).toEqual([catalog, 'gone'].sort());
    const failed = failures(batches);
    expect(failed.map((failure) => [failure.path, failure.code])).toEqual([[['gone'], 'PLATFORM_ERROR']]);
    expect(failed[0]!.message).toContain('JDBC_ERROR');
    expect(names(listingOf(batches, [catalog, 'default']).objects)).toEqual(['t']);
  });

  it('catalog include and exclude lists; system is never listed', async () => {
    const all = await crawlAll(createTrinoConnector(passwordDetails(), TIMEOUTS), scope([], []));
    expect(names(listingOf(all, []).objects)).toEqual(expect.arrayContaining(['gone', 'maria', 'mem', 'pg']));
    expect(names(listingOf(all, []).objects)).not.toContain('system');
    const some = await crawlAll(createTrinoConnector(passwordDetails({ catalogs: { include: ['pg', 'mem'], exclude: ['mem'] } }), TIMEOUTS), scope([], []));
    expect(names(listingOf(some, []).objects)).toEqual(['pg']);
  });

  describe('authentication', () => {
    it('userPassword: a wrong password is AUTHENTICATION_FAILED, at once', async () => {
      const started = Date.now();
      const error = await rejectionOf(createTrinoConnector(passwordDetails({ password: 'wrong-password' }), TIMEOUTS).testConnection(AbortSignal.timeout(10_000)));
      expect(error.code).toBe('AUTHENTICATION_FAILED');
      expect(error.message).toContain(`"${trinoServer!.username}"`);
      expect(Date.now() - started).toBeLessThan(TIMEOUTS.connectMs);
    });

    it('verify-full against the system CAs refuses the test certificate: TLS_FAILED', async () => {
      const error = await rejectionOf(createTrinoConnector(passwordDetails({ tls: { mode: 'verify-full' } }), TIMEOUTS).testConnection(AbortSignal.timeout(10_000)));
      expect(error.code).toBe('TLS_FAILED');
    });

    describe('oAuth2: client credentials, then a JWT Trino verifies', () => {
      let endpoint: TokenEndpoint;
      let untrusted: TokenEndpoint;
      beforeAll(async () => {
        endpoint = await TokenEndpoint.start();
        untrusted = await TokenEndpoint.start({ untrusted: true });
      });
      afterAll(async () => {
        await endpoint.close();
        await untrusted.close();
      });

      it('crawls as the token principal', async () => {
        const catalog = await trino.createCatalog('oauth');
        await trinoAdmin('CREATE TABLE t (id int)', { catalog, schema: 'default' });
        const batches = await crawlAll(createTrinoConnector(endpoint.details(), TIMEOUTS), scope([], [catalog]));
        expect(names(listingOf(batches, [catalog, 'default']).objects)).toEqual(['t']);
        expect(endpoint.issued).toBeGreaterThan(0);
      });

      it('a wrong client secret is OAUTH_TOKEN_REFUSED naming the client, never the secret', async () => {
        const error = await rejectionOf(createTrinoConnector(endpoint.details({ clientSecret: 'wrong-secret' }), TIMEOUTS).testConnection(AbortSignal.timeout(10_000)));
        expect(error.code).toBe('OAUTH_TOKEN_REFUSED');
        expect(error.message).toContain('invalid_client');
        expect(error.message).toContain(`"${endpoint.clientId}"`);
        expect(error.message).not.toContain('wrong-secret');
      });

      it('a token signed with a key Trino does not trust is OAUTH_TOKEN_REFUSED (Trino answered 401)', async () => {
        const error = await rejectionOf(createTrinoConnector(untrusted.details(), TIMEOUTS).testConnection(AbortSignal.timeout(10_000)));
        expect(error.code).toBe('OAUTH_TOKEN_REFUSED');
        expect(error.message).toContain('Trino answered HTTP 401');
      });
    });
  });

  describe('deadlines, cancel and retries', () => {
    let relay: TrinoRelay;
    beforeAll(async () => {
      relay = await TrinoRelay.start();
    });
    afterAll(() => relay.close());

    it("a gateway's 503s are retried with backoff; the crawl completes", async () => {
      const catalog = await trino.createCatalog('retries');
      await trinoAdmin('CREATE TABLE t (id int)', { catalog, schema: 'default' });
      relay.failNext(4, 503);
      const batches = await crawlAll(createTrinoConnector(relay.details(), TIMEOUTS), scope([], [catalog]));
      expect(failures(batches)).toEqual([]);
      expect(names(listingOf(batches, [catalog, 'default']).objects)).toEqual(['t']);
    });

    it('503s that never stop end in QUERY_TIMEOUT at the deadline', async () => {
      // Past the connect check (GET /v1/info), every statement request is refused.
      const session = await openTrinoSession(relay.details(), { connectMs: 3_000, statementMs: 800 }, AbortSignal.timeout(10_000));
      relay.failNext(1_000, 503);
      const started = Date.now();
      const error = await rejectionOf(session.query('SELECT 1', [], ['mem']));
      relay.failNext(0);
      expect(error.code).toBe('QUERY_TIMEOUT');
      expect(Date.now() - started).toBeLessThan(2_000);
      await session.close();
    });

    it('a statement that outlives its deadline is QUERY_TIMEOUT and cancelled on the server', async () => {
      const marker = `warden-cancel-${process.pid}-${Date.now()}`;
      const session = await openTrinoSession(passwordDetails(), { connectMs: 3_000, statementMs: 1_500 }, AbortSignal.timeout(10_000));
      // Never finishes in test time, holds almost no memory.
      const endless = `SELECT count(*) /* ${marker} */ FROM UNNEST(sequence(1, 10000)) a CROSS JOIN UNNEST(sequence(1, 10000)) b CROSS JOIN UNNEST(sequence(1, 10000)) c`;
      const error = await rejectionOf(session.query(endless, [], ['mem']));
      expect(error.code).toBe('QUERY_TIMEOUT');
      let state: unknown[][] = [];
      for (let attempt = 0; attempt < 20; attempt++) {
        state = await trinoAdmin(`SELECT state, error_code FROM system.runtime.queries WHERE query LIKE '%${marker}%' AND query NOT LIKE '%system.runtime%'`);
        if (state.length > 0 && state[0]![0] === 'FAILED') break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(state).toEqual([['FAILED', 'USER_CANCELED']]);
    });
  });
});
