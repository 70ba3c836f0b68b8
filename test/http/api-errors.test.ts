import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from '../helpers/store-kinds.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** Bad input gets a 4xx naming the field, never a 5xx and never a partial write. */
describeEachStore('API errors and authentication', (kind) => {
  let server: TestServer;
  const connection = { technology: 'PostgreSQL', hostname: '127.0.0.1', port: 1, authenticationType: 'userPassword', username: 'u', password: 'p' };

  beforeAll(async () => {
    server = await startTestServer({}, { store: kind });
  });
  afterAll(async () => server.close());

  const expectError = (response: { status: number; body: any }, status: number, code: string, message: RegExp) => {
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ statusCode: status, code, error: expect.any(String) });
    expect(response.body.message).toMatch(message);
  };

  it('serves /health, /openapi.json and /docs without a key', async () => {
    expect((await server.request('GET', '/health', undefined, { apiKey: null })).body).toEqual({ status: 'ok' });
    const openapi = await server.request('GET', '/openapi.json', undefined, { apiKey: null });
    expect(openapi.body.openapi).toBe('3.0.3');
    expect(Object.keys(openapi.body.paths)).toContain('/data/connection');
    const docs = await server.request('GET', '/docs/', undefined, { apiKey: null });
    expect(docs.status).toBe(200);
    expect(docs.body).toContain('swagger');
    // "Try it out" sends a wildcard path as typed (src/http/object-path-openapi.ts).
    expect((await server.request('GET', '/docs/static/swagger-initializer.js', undefined, { apiKey: null })).body).toContain('requestInterceptor');
  });

  it('answers 401 without a key or with a wrong one', async () => {
    expectError(await server.request('GET', '/data/connection', undefined, { apiKey: null }), 401, 'UNAUTHENTICATED', /Authorization: Bearer/);
    expectError(await server.request('GET', '/data/connection', undefined, { apiKey: 'wrong' }), 401, 'UNAUTHENTICATED', /API key/);
  });

  it('names the field of a malformed body', async () => {
    expectError(await server.request('POST', '/data/connection', '{"connectionKey":', {}), 400, 'VALIDATION_FAILED', /JSON/i);
    expectError(await server.request('POST', '/data/connection', { connectionKey: 'x' }), 400, 'VALIDATION_FAILED', /body.*connection/);
    expectError(
      await server.request('POST', '/data/connection', { connectionKey: 'x', connection: { ...connection, port: 'many' } }),
      400,
      'VALIDATION_FAILED',
      /body\.connection\.port/,
    );
    expectError(
      await server.request('POST', '/data/connection', { connectionKey: 'x', connection, surprise: 1 }),
      400,
      'VALIDATION_FAILED',
      /surprise/,
    );
  });

  it('rejects an unknown technology and authentication type, naming the supported ones', async () => {
    expectError(
      await server.request('POST', '/data/connection', { connectionKey: 'x', connection: { ...connection, technology: 'Oracle' } }),
      400,
      'UNSUPPORTED_TECHNOLOGY',
      /"Oracle".*PostgreSQL/,
    );
    expectError(
      await server.request('POST', '/data/connection', { connectionKey: 'x', connection: { ...connection, technology: 'Databricks Spark' } }),
      400,
      'LEGACY_TECHNOLOGY',
      /"Databricks Spark".*connections do not support/,
    );
    expectError(await server.request('GET', '/data/connection/x'), 404, 'CONNECTION_NOT_FOUND', /"x"/);
    expectError(
      await server.request('POST', '/data/connection', { connectionKey: 'x', connection: { ...connection, authenticationType: 'kerberos' } }),
      400,
      'UNSUPPORTED_AUTHENTICATION',
      /kerberos.*userPassword/,
    );
  });

  it("validates a connection against its technology's and authentication type's schema only", async () => {
    const { password: _, ...withoutPassword } = connection;
    const missing = await server.request('POST', '/data/connection', { connectionKey: 'x', connection: withoutPassword });
    expectError(missing, 400, 'VALIDATION_FAILED', /password/);
    expect(missing.body.message).not.toMatch(/MariaDB|MySQL|technology/);
    expectError(
      await server.request('POST', '/data/connection', { connectionKey: 'x', connection: { ...connection, technology: 'MariaDB', warehouse: 'w' } }),
      400,
      'VALIDATION_FAILED',
      /additional properties/,
    );
  });

  it.each([
    ['a reserved word', 'Settings', /reserved/],
    ['a slash', 'a/b', /letters, digits/],
    ['a dot', 'a.b', /letters, digits/],
    ['a leading space', ' a', /space/],
    ['an empty key', '', /connectionKey|body/],
  ])('rejects a connectionKey with %s', async (_, connectionKey, message) => {
    const response = await server.request('POST', '/data/connection', { connectionKey, connection });
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(message);
    expect(response.body.message).toMatch(/connectionKey/);
  });

  it('answers 404 for unknown paths, jobs, data sources and routes', async () => {
    expectError(await server.request('GET', '/data/object/Nope/db'), 404, 'OBJECT_NOT_FOUND', /"Nope" \/ "db"/);
    expectError(await server.request('GET', '/data/connection/Nope'), 404, 'CONNECTION_NOT_FOUND', /Nope/);
    expectError(await server.request('GET', '/jobs/00000000-0000-0000-0000-000000000000'), 404, 'JOB_NOT_FOUND', /job/);
    expectError(await server.request('GET', '/dataSource/12345'), 404, 'DATA_SOURCE_NOT_FOUND', /12345/);
    expectError(await server.request('GET', '/nothing/here'), 404, 'ROUTE_NOT_FOUND', /GET \/nothing\/here/);
    expectError(await server.request('POST', '/data/crawl/Nope', {}), 404, 'CONNECTION_NOT_FOUND', /Nope/);
  });

  it('rejects malformed object paths with a 400', async () => {
    expectError(await server.request('GET', '/data/object/Conn//x'), 400, 'INVALID_OBJECT_PATH', /segment 2 is empty/);
    expectError(await server.request('GET', '/data/object/Conn/%E0%A4%A'), 400, 'VALIDATION_FAILED', /percent-encode/);
  });

  it('reports an unreachable platform as 422 and stores nothing', async () => {
    const response = await server.request('POST', '/data/connection', { connectionKey: 'Unreachable', connection });
    expectError(response, 422, 'HOST_UNREACHABLE', /127\.0\.0\.1:1/);
    expect((await server.request('GET', '/data/connection')).body).toEqual([]);
  });

  it('creates a user or group named by requests at once only once: 409 for the others, never a 500', async () => {
    // Found by the API fuzzer on PostgreSQL: concurrent creations met the unique index.
    const users = await Promise.all([1, 2, 3, 4].map(() => server.request('POST', '/users', { name: 'raced-user' })));
    expect(users.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    const groups = await Promise.all([1, 2, 3, 4].map(() => server.request('PUT', '/groups/raced-group', { permissions: [] })));
    expect(groups.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const joined = await Promise.all(['a', 'b', 'c'].map((n) => server.request('POST', '/users', { name: `raced-${n}`, groups: ['raced-new-group'] })));
    expect(joined.map((r) => r.status)).toEqual([201, 201, 201]);
  });

  it('answers a group or user replaced and deleted at once with 200 or 404, never a 500', async () => {
    // Found by the API fuzzer on PostgreSQL: a delete committed between a PUT's read and its write.
    for (let round = 0; round < 20; round++) {
      const racing = await Promise.all([
        server.request('PUT', '/groups/raced-twice', { permissions: ['CREATE_DATA_SOURCE'] }),
        server.request('DELETE', '/groups/raced-twice'),
        server.request('PUT', '/groups/raced-twice', { permissions: ['CREATE_DATA_SOURCE', 'CREATE_DATA_SOURCE'] }),
        server.request('POST', '/users', { name: `raced-twice-${round}` }),
        server.request('PUT', `/users/raced-twice-${round}`, { permissions: ['CREATE_DATA_SOURCE'] }),
        server.request('DELETE', `/users/raced-twice-${round}`),
      ]);
      for (const r of racing) expect([200, 201, 404]).toContain(r.status);
    }
  });

  it('refuses a body over the limit with 413', async () => {
    const huge = { connectionKey: 'x', connection: { ...connection, hostname: 'h'.repeat(2_000_000) } };
    expectError(await server.request('POST', '/data/connection', huge), 413, 'PAYLOAD_TOO_LARGE', /bytes/);
  });
});
