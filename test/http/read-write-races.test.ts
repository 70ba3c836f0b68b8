import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectionInput, grantCrawlAccess } from '../helpers/catalog-fixtures.js';
import { PostgresTestContext, adminQuery, type TestDatabase, type TestRole } from '../helpers/postgres-server.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { startTestServer, urlPath, type TestServer } from '../helpers/test-server.js';

const ROUNDS = 12;

/**
 * Two requests on the same row at once: a read in one statement, then a write (or a re-read)
 * that assumes the row is still there. Whichever commits first, the other answers 2xx, 404 or
 * 409 — never a 5xx — and a request answered 404 writes nothing (no audit row of a change that
 * did not happen).
 */
describeEachStore(
  'read-then-write races',
  (kind) => {
    const pg = new PostgresTestContext();
    let server: TestServer;
    let source: TestDatabase;
    let role: TestRole;

    beforeAll(async () => {
      server = await startTestServer({}, { store: kind });
      source = await pg.createDatabase({ label: 'races' });
      await adminQuery(source.name, 'CREATE SCHEMA s1; CREATE TABLE s1.t1 (id int); CREATE TABLE s1.t2 (id int)');
      role = await pg.createRole({ connect: [source.name] });
      await grantCrawlAccess(source.name, role);
    });
    afterAll(async () => {
      await server?.close();
      await pg.cleanup();
    });

    const statuses = (responses: { status: number; body: any }[]) => responses.map((r) => `${r.status}${r.status >= 500 ? ` ${JSON.stringify(r.body)}` : ''}`);
    const expectOnly = (responses: { status: number; body: any }[], allowed: number[]) => {
      for (const r of responses) expect(allowed, statuses(responses).join(', ')).toContain(r.status);
    };
    const register = async (connectionKey: string) => {
      const response = await server.request('POST', '/data/connection', { connectionKey, connection: connectionInput(source, role), settings: { isActive: true } });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      expect((await server.waitForJob(response.body.syncRunId)).state).toBe('completed');
    };
    const auditCount = async (action: string, objectPath: string[]) => {
      const page = await server.request('GET', `/audit?action=${action}&size=1000`);
      return page.body.hits.filter((e: any) => JSON.stringify(e.objectPath) === JSON.stringify(objectPath)).length;
    };

    it('registers one connection when two registrations of a key meet: 201 and 409', async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const key = `Twin ${round}`;
        const body = { connectionKey: key, connection: connectionInput(source, role) };
        const racing = await Promise.all([server.request('POST', '/data/connection', body), server.request('POST', '/data/connection', body)]);
        expectOnly(racing, [201, 409]);
        expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
      }
    });

    it('answers a crawl racing the deletion of its connection with 202 or 404', async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const key = `Crawled ${round}`;
        await register(key);
        const racing = await Promise.all([
          server.request('POST', `/data/crawl/${urlPath(key)}`, { forceRecursiveCrawl: true }),
          server.request('DELETE', `/data/object/${urlPath(key)}`),
          server.request('POST', `/data/crawl/${urlPath(key, source.name)}`, {}),
        ]);
        expectOnly(racing, [200, 202, 404]);
      }
    });

    it('answers a connection edit or test racing its deletion with 200 or 404, auditing only what happened', async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const key = `Edited ${round}`;
        await register(key);
        const racing = await Promise.all([
          server.request('PUT', `/data/connection/${encodeURIComponent(key)}`, { connection: { password: role.password } }),
          server.request('POST', `/data/connection/${encodeURIComponent(key)}/test`),
          server.request('DELETE', `/data/object/${urlPath(key)}`),
        ]);
        expectOnly(racing, [200, 404]);
        expect(await auditCount('connection.updated', [key]), statuses(racing).join(', ')).toBe(racing[0]!.status === 200 ? 1 : 0);
        expect(await auditCount('connection.tested', [key]), statuses(racing).join(', ')).toBe(racing[1]!.status === 200 ? 1 : 0);
      }
    });

    it('answers a settings change racing the deletion of its object with 200 or 404, auditing only what happened', async () => {
      const key = 'Governed';
      await register(key);
      for (let round = 0; round < ROUNDS; round++) {
        const schema = [key, source.name, 's1'];
        if (round > 0) expect((await server.request('POST', `/data/crawl/${urlPath(key)}`, { forceRecursiveCrawl: true })).status).toBe(202);
        await server.waitForJob((await server.request('GET', `/jobs?size=1`)).body.hits[0].id);
        const before = await auditCount('object.settings', schema);
        const racing = await Promise.all([
          server.request('PUT', `/data/settings/${urlPath(...schema)}`, { settings: { isActive: round % 2 === 0, dataOwners: [{ type: 'user', name: 'ann' }] }, cascade: true }),
          server.request('DELETE', `/data/object/${urlPath(...schema)}`),
          server.request('PUT', `/data/settings/${urlPath(...schema, 't1')}`, { settings: { isActive: true } }),
        ]);
        expectOnly(racing, [200, 404]);
        expect((await auditCount('object.settings', schema)) - before, statuses(racing).join(', ')).toBe(racing[0]!.status === 200 ? 1 : 0);
      }
    });

    it('answers an API key made for a user being deleted with 201 or 404', async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const name = `keyed-${round}`;
        expect((await server.request('POST', '/users', { name })).status).toBe(201);
        const racing = await Promise.all([
          server.request('POST', `/users/${name}/api-keys`, { name: 'a' }),
          server.request('DELETE', `/users/${name}`),
          server.request('POST', `/users/${name}/api-keys`, { name: 'b' }),
        ]);
        expectOnly(racing, [200, 201, 404]);
        // A key that was made went with its user.
        expect((await server.request('GET', `/users/${name}/api-keys`)).status).toBe(404);
      }
    });
  },
  { needs: ['PostgreSQL'] },
);
