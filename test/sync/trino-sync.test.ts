import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery } from '../helpers/postgres-server.js';
import { refusedRegistration, startTestServer, syncThroughApi, urlPath, type TestServer } from '../helpers/test-server.js';
import { TokenEndpoint, TrinoTestContext, passwordDetails, quoteTrino, trinoAdmin, trinoSkipReason } from '../helpers/trino-server.js';

/**
 * Trino connections end to end: the real HTTP server, the real Trino connector, the real Trino
 * of scripts/test-servers/trino.sh. Registration checks the credentials of both authentication
 * types; syncs keep what a failing catalog holds, and
 * record case twins as a uniqueness violation.
 */
const suite = trinoSkipReason === null ? describe : describe.skip;

suite(trinoSkipReason === null ? 'Trino connections end to end' : `Trino connections end to end (skipped: ${trinoSkipReason})`, () => {
  const trino = new TrinoTestContext();
  const schemas: string[] = [];
  let server: TestServer;
  let endpoint: TokenEndpoint;
  let untrusted: TokenEndpoint;
  beforeAll(async () => {
    server = await startTestServer();
    endpoint = await TokenEndpoint.start();
    untrusted = await TokenEndpoint.start({ untrusted: true });
  });
  afterAll(async () => {
    await server?.close();
    await endpoint?.close();
    await untrusted?.close();
    await trino.cleanup();
    for (const schema of schemas) await adminQuery('warden_trino', `DROP SCHEMA IF EXISTS ${quoteTrino(schema)} CASCADE`);
  });
  // Active, so that every sync descends into the whole tree.
  const register = (key: string, connection: Record<string, unknown>) =>
    server.request('POST', '/data/connection', { connectionKey: key, connection, settings: { isActive: true } });
  const object = (...path: string[]) => server.request('GET', `/data/object/${urlPath(...path)}`);

  describe('registration checks the credentials: 422 within the connect timeout, nothing stored', () => {
    const refused = async (key: string, connection: Record<string, unknown>) => {
      const { elapsed, ...body } = await refusedRegistration(server, key, connection, { settings: { isActive: true } });
      // The test server's connect timeout is 3 s.
      expect(elapsed).toBeLessThan(3_000);
      return body;
    };

    it('userPassword: a wrong password', async () => {
      const body = await refused('Trino Bad Password', passwordDetails({ password: 'wrong-trino-password' }));
      expect(body.code).toBe('AUTHENTICATION_FAILED');
      expect(JSON.stringify(body)).not.toContain('wrong-trino-password');
    });

    it('oAuth2: a wrong client secret, and a token Trino does not trust', async () => {
      const badSecret = await refused('Trino Bad Secret', endpoint.details({ clientSecret: 'wrong-client-secret' }));
      expect(badSecret.code).toBe('OAUTH_TOKEN_REFUSED');
      expect(server.logs.join('\n')).not.toContain('wrong-client-secret');
      const badKey = await refused('Trino Bad Key', untrusted.details());
      expect(badKey.code).toBe('OAUTH_TOKEN_REFUSED');
    });

    it('oAuth2 with good credentials registers and syncs, the secret redacted', async () => {
      const catalog = await trino.createCatalog('oauth e2e');
      await trinoAdmin('CREATE TABLE t (id int)', { catalog, schema: 'default' });
      const response = await register('Trino OAuth', { ...endpoint.details(), catalogs: { include: [catalog] } });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      expect(response.body.connection.connection.oAuthClientConfig.clientSecret).toBe('[REDACTED]');
      expect(await server.waitForJob(response.body.syncRunId)).toMatchObject({ state: 'completed', errors: [] });
      expect((await object('Trino OAuth', catalog, 'default', 't')).body).toMatchObject({ kind: 'table', technology: 'Trino' });
    });
  });

  it('a catalog whose backend is gone is not crawled and the others sync; nothing under a failing schema is removed', async () => {
    const catalog = await trino.createCatalog('synced');
    await trinoAdmin('CREATE TABLE kept (id int)', { catalog, schema: 'default' });
    await trinoAdmin('CREATE TABLE dropped (id int)', { catalog, schema: 'default' });
    const schema = `warden_test_${process.pid}_clash`;
    await adminQuery('warden_trino', `CREATE SCHEMA ${quoteTrino(schema)}`);
    schemas.push(schema);
    await adminQuery('warden_trino', `CREATE TABLE ${quoteTrino(schema)}.orders (x int)`);

    const key = 'Trino Sync';
    const response = await register(key, { ...passwordDetails(), catalogs: { include: [catalog, 'gone'] } });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const first = await server.waitForJob(response.body.syncRunId);
    expect(first.errors.map((error: any) => [error.objectPath, error.code])).toEqual([[[key, 'gone'], 'PLATFORM_ERROR']]);
    expect((await object(key, catalog, 'default', 'kept')).status).toBe(200);

    await trinoAdmin('DROP TABLE dropped', { catalog, schema: 'default' });
    const second = await syncThroughApi(server, key);
    expect(second.changes.filter((change) => change.change === 'removed').map((change) => change.objectPath)).toEqual([[key, catalog, 'default', 'dropped']]);

    // The pg catalog, one schema: synced clean, then with a case twin of `orders`.
    const pgKey = 'Trino PG';
    await adminQuery('warden_trino', `CREATE TABLE ${quoteTrino(schema)}.lines (id int)`);
    expect((await register(pgKey, { ...passwordDetails(), catalogs: { include: ['pg'] } })).status).toBe(201);
    await syncThroughApi(server, pgKey, 'pg', schema);
    expect((await object(pgKey, 'pg', schema, 'orders')).body).toMatchObject({ kind: 'table', columns: [{ name: 'x' }] });
    await adminQuery('warden_trino', `CREATE TABLE ${quoteTrino(schema)}."Orders" (a int)`);
    await adminQuery('warden_trino', `CREATE TABLE ${quoteTrino(schema)}.added (created int)`);
    await adminQuery('warden_trino', `DROP TABLE ${quoteTrino(schema)}.lines`);
    const clashed = await syncThroughApi(server, pgKey, 'pg', schema);
    // One `orders` kept, the conflict recorded on the run at its path; the rest of the schema synced.
    expect(clashed.job.errors.map((error: any) => [error.objectPath, error.code])).toEqual([[[pgKey, 'pg', schema, 'orders'], 'OBJECT_UNIQUENESS_VIOLATION']]);
    expect(clashed.changes.map((change) => [change.change, change.objectPath.at(-1)]).sort()).toEqual([
      ['added', 'added'],
      ['conflict', 'orders'],
      ['removed', 'lines'],
    ]);
    // Trino cannot resolve either twin: the kept object keeps what was stored, its columns included.
    expect((await object(pgKey, 'pg', schema, 'orders')).body).toMatchObject({ kind: 'table', removed: false, columns: [{ name: 'x' }] });
  });
});
