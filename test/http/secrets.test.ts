import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectionInput, grantCrawlAccess } from '../helpers/catalog-fixtures.js';
import {
  passwordAuthSkipReason,
  PostgresTestContext,
  quoteIdent,
  withAdminClient,
  type TestDatabase,
  type TestRole,
} from '../helpers/postgres-server.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { startTestServer, urlPath, type TestServer } from '../helpers/test-server.js';

/**
 * Every row of every table of a PostgreSQL database (the store's own tables and pg-boss's), each
 * as its row text (`SELECT t::text FROM table t`), tagged with the table's name.
 */
async function everyRowOf(database: string): Promise<{ table: string; text: string }[]> {
  return withAdminClient(database, async (client) => {
    const tables = await client.query<{ schema: string; name: string }>(
      `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`,
    );
    const rows: { table: string; text: string }[] = [];
    for (const { schema, name } of tables.rows) {
      const table = `${quoteIdent(schema)}.${quoteIdent(name)}`;
      const result = await client.query<{ text: string }>(`SELECT t::text AS text FROM ${table} t`);
      for (const row of result.rows) rows.push({ table, text: row.text });
    }
    return rows;
  });
}

/** A connection password appears in no response, no log line and nowhere in the store. */
describeEachStore(
  'connection secrets',
  (kind) => {
    const pg = new PostgresTestContext();
    const password = `Pw-${randomBytes(9).toString('hex')}-secret`;
    let server: TestServer;
    let db: TestDatabase;
    let role: TestRole;
    const responses: string[] = [];

    const request = async (method: string, path: string, body?: unknown) => {
      const response = await server.request(method, path, body);
      responses.push(JSON.stringify(response.body));
      return response;
    };
    const details = (pw: string) => connectionInput(db, role, pw);

    beforeAll(async () => {
      server = await startTestServer({}, { store: kind });
      db = await pg.createDatabase();
      role = await pg.createRole({ password, passwordAuth: true, connect: [db.name] });
      await grantCrawlAccess(db.name, role);
    });
    afterAll(async () => {
      await server?.close();
      await pg.cleanup();
    });

    it('refuses wrong credentials with 422 and stores nothing', async (context) => {
      const reason = await passwordAuthSkipReason(role);
      context.skip(reason !== null, reason ?? '');
      const wrong = await request('POST', '/data/connection', { connectionKey: 'Secretive', connection: details(`${password}-wrong`) });
      expect(wrong.status).toBe(422);
      expect(wrong.body).toMatchObject({ code: 'AUTHENTICATION_FAILED' });
      expect(wrong.body.message).toContain('connection.password');
      expect((await request('GET', '/data/connection')).body).toEqual([]);
    });

    it('never returns, logs or stores the password in clear', async () => {
      const registered = await request('POST', '/data/connection', { connectionKey: 'Secretive', connection: details(password) });
      expect(registered.status).toBe(201);
      expect(registered.body.connection.connection.password).toBe('[REDACTED]');
      await server.waitForJob(registered.body.syncRunId);
      await request('GET', '/data/connection/Secretive');
      await request('GET', '/data/connection');
      await request('POST', '/data/connection/Secretive/test');
      await request('GET', `/data/object/${urlPath('Secretive')}`);
      await request('GET', `/jobs/${registered.body.syncRunId}`);
      await request('GET', '/jobs');
      await request('POST', '/data/connection?dryRun=true', { connectionKey: 'Other', connection: details(password) });
      const rotated = await request('PUT', '/data/connection/Secretive', { connection: { password } });
      expect(rotated.status).toBe(200);
      // An edit without the password keeps it; the merged details are checked against the schema.
      const edited = await request('PUT', '/data/connection/Secretive', { connection: { tls: { mode: 'disable' } } });
      expect(edited.status).toBe(200);
      expect(edited.body.connection.password).toBe('[REDACTED]');
      const invalid = await request('PUT', '/data/connection/Secretive', { connection: { port: 'many', surprise: 1 } });
      expect(invalid.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      await request('PUT', '/data/connection/Secretive', { connection: { password: `${password}-wrong` } });
      await request('POST', '/data/connection', { connectionKey: 'Bad Port', connection: { ...details(password), port: 1 } });
      // The audit log records registrations and credential changes with the secrets redacted.
      const audit = await request('GET', '/audit?size=1000');
      expect(audit.body.hits.map((h: { action: string }) => h.action)).toEqual(expect.arrayContaining(['connection.registered', 'connection.updated']));

      for (const body of responses) expect(body).not.toContain(password);
      expect(server.logs.length).toBeGreaterThan(0);
      for (const line of server.logs) expect(line).not.toContain(password);
      // The data directory holds the SQLite store (and its WAL) or, with PostgreSQL, the key files only.
      for (const file of readdirSync(server.dataDir)) {
        if (file === 'demo-warehouse') continue;
        expect(readFileSync(join(server.dataDir, file)).includes(Buffer.from(password)), file).toBe(false);
      }
      if (kind === 'postgres') {
        const url = server.server.container.config.databaseUrl!;
        const rows = await everyRowOf(decodeURIComponent(new URL(url).pathname.slice(1)));
        // The scan sees the store: the connection is there, its username in clear.
        expect(rows.some((row) => row.table === '"public"."connections"' && row.text.includes(role.name))).toBe(true);
        const hex = Buffer.from(password).toString('hex');
        for (const row of rows) {
          expect(row.text.includes(password), row.table).toBe(false);
          expect(row.text.includes(hex), row.table).toBe(false);
        }
      }
    });
  },
  // The connection under test is a PostgreSQL source on either store.
  { needs: ['PostgreSQL'] },
);
