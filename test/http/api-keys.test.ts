import Fastify from 'fastify';
import { SettableClock } from '../../src/clock.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/http/app-deps.js';
import { registerAccessControl } from '../../src/http/plugins/access-control.js';
import { addUserWithKey } from '../helpers/access-fixtures.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** Key expiry by a set clock: nothing here depends on today's date or waits for time to pass. */
const CLOCK_DATES = ['2027-06-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z'];

describeEachStore('users and API keys', (kind) => {
  let server: TestServer;
  const clock = new SettableClock(CLOCK_DATES[0]!);
  beforeAll(async () => {
    server = await startTestServer({}, { store: kind, clock });
  });
  afterAll(async () => server.close());

  it('shows a key exactly once, at creation; listings and the audit log carry only its prefix', async () => {
    await server.request('POST', '/users', { name: 'carol', permissions: ['CREATE_DATA_SOURCE'] });
    const created = await server.request('POST', '/users/carol/api-keys', { name: 'laptop' });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    expect(key).toMatch(/^wdn_[A-Za-z0-9_-]{43}$/);
    expect(created.body).toMatchObject({ name: 'laptop', user: 'carol', prefix: key.slice(0, 12), state: 'active', expiresAt: null });
    const listed = await server.request('GET', '/users/carol/api-keys');
    expect(listed.body).toEqual([expect.objectContaining({ id: created.body.id, prefix: key.slice(0, 12) })]);
    expect(listed.body[0]).not.toHaveProperty('key');
    for (const path of ['/users/carol/api-keys', '/users/carol', '/users', '/audit?size=1000']) {
      expect(JSON.stringify((await server.request('GET', path)).body), path).not.toContain(key);
    }
    expect((await server.request('GET', '/me', undefined, { apiKey: key })).body).toEqual({ name: 'carol', permissions: ['CREATE_DATA_SOURCE'], groups: [] });
  });

  it('refuses a revoked key with 401 at once', async () => {
    const key = await addUserWithKey(server, 'dave', { permissions: ['GOVERNANCE'] });
    expect((await server.request('GET', '/me', undefined, { apiKey: key })).status).toBe(200);
    const id = (await server.request('GET', '/users/dave/api-keys')).body[0].id;
    const revoked = await server.request('DELETE', `/users/dave/api-keys/${id}`);
    expect(revoked.body).toMatchObject({ state: 'revoked', revokedAt: expect.any(String) });
    const refused = await server.request('GET', '/me', undefined, { apiKey: key });
    expect(refused).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    expect((await server.request('GET', '/users/dave/api-keys')).body[0].state).toBe('revoked');
  });

  it.each(CLOCK_DATES)('refuses an expired key with 401 at once, and an expiry in the past at creation (clock at %s)', async (date) => {
    clock.set(date);
    const user = `erin-${date.slice(0, 4)}`;
    await server.request('POST', '/users', { name: user });
    const expiresAt = new Date(Date.parse(date) + 3_600_000).toISOString();
    const created = await server.request('POST', `/users/${user}/api-keys`, { expiresAt });
    expect(created.body).toMatchObject({ expiresAt, createdAt: date, state: 'active' });
    clock.advance(3_600_000 - 1);
    expect((await server.request('GET', '/me', undefined, { apiKey: created.body.key })).status).toBe(200);
    clock.advance(1);
    expect((await server.request('GET', '/me', undefined, { apiKey: created.body.key })).status).toBe(401);
    expect((await server.request('GET', `/users/${user}/api-keys`)).body[0].state).toBe('expired');
    const past = await server.request('POST', `/users/${user}/api-keys`, { expiresAt: new Date(Date.parse(date) - 1_000).toISOString() });
    expect(past).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });

  it('takes a deleted user’s keys away, and grants what their groups hold', async () => {
    const key = await addUserWithKey(server, 'frank', { groups: ['auditors'] });
    expect((await server.request('GET', '/audit', undefined, { apiKey: key })).status).toBe(403);
    expect((await server.request('PUT', '/groups/auditors', { permissions: ['GOVERNANCE'] })).body).toMatchObject({ members: ['frank'], permissions: ['GOVERNANCE'] });
    expect((await server.request('GET', '/audit', undefined, { apiKey: key })).status).toBe(200);
    expect((await server.request('GET', '/users/frank')).body).toMatchObject({ permissions: [], groups: ['auditors'], effectivePermissions: ['GOVERNANCE'] });
    expect((await server.request('DELETE', '/users/frank')).status).toBe(200);
    expect((await server.request('GET', '/me', undefined, { apiKey: key })).status).toBe(401);
    expect((await server.request('GET', '/users/frank')).body.code).toBe('USER_NOT_FOUND');
  });

  it('lets a user manage their own keys, and no one else’s', async () => {
    const own = await addUserWithKey(server, 'gina');
    await addUserWithKey(server, 'hank');
    const created = await server.request('POST', '/users/gina/api-keys', { name: 'second' }, { apiKey: own });
    expect(created.status).toBe(201);
    expect((await server.request('GET', '/users/gina/api-keys', undefined, { apiKey: own })).body).toHaveLength(2);
    expect((await server.request('DELETE', `/users/gina/api-keys/${created.body.id}`, undefined, { apiKey: own })).status).toBe(200);
    expect((await server.request('GET', '/users/hank/api-keys', undefined, { apiKey: own })).status).toBe(403);
    expect((await server.request('POST', '/users/hank/api-keys', {}, { apiKey: own })).status).toBe(403);
    // Managing keys is not managing the user: gina cannot grant herself anything.
    expect((await server.request('PUT', '/users/gina', { permissions: ['APPLICATION_ADMIN'] }, { apiKey: own })).status).toBe(403);
  });

  it('keeps the bootstrap admin key as the key of the built-in admin user, which cannot be changed', async () => {
    expect((await server.request('GET', '/me')).body).toEqual({ name: 'admin', permissions: ['APPLICATION_ADMIN', 'GOVERNANCE', 'CREATE_DATA_SOURCE', 'USER_ADMIN'], groups: [] });
    expect((await server.request('PUT', '/users/admin', { permissions: [] })).body.code).toBe('BUILTIN_USER');
    expect((await server.request('DELETE', '/users/admin')).body.code).toBe('BUILTIN_USER');
    expect((await server.request('GET', '/users/admin/api-keys')).body).toEqual([expect.objectContaining({ name: 'admin', state: 'active' })]);
    expect((await server.request('POST', '/users', { name: 'admin' })).body.code).toBe('USER_EXISTS');
    expect((await server.request('POST', '/users', { name: 'bad name!' })).status).toBe(400);
    expect((await server.request('POST', '/users', { name: 'x', permissions: ['ROOT'] })).status).toBe(400);
  });
});

describeEachStore('failed authentication rate limit', (kind) => {
  let server: TestServer;
  let other: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer({ authFailureLimit: 3, authFailureWindowMs: 60_000, trustedProxies: ['127.0.0.1'] }, { store: kind });
  });
  afterAll(async () => {
    await other?.close();
    await server.close();
  });

  /** GET /me with `key`, from `client` as the trusted proxy on loopback reports it. */
  const me = (target: TestServer, key: string, client: string) => target.request('GET', '/me', undefined, { apiKey: key, headers: { 'x-forwarded-for': client } });

  it('blocks an address and key prefix after too many invalid keys, never a valid key, and says when to retry', async () => {
    for (let i = 0; i < 5; i++) expect((await server.request('GET', '/me', undefined, { apiKey: null })).status).toBe(401);
    for (let i = 0; i < 3; i++) expect((await me(server, `wdn_guessing-${i}`, '203.0.113.7')).status).toBe(401);
    const blocked = await me(server, 'wdn_guessing-again', '203.0.113.7');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body).toMatchObject({ code: 'TOO_MANY_AUTHENTICATION_FAILURES' });
    // The valid admin key from that very address, another prefix, another address behind the proxy.
    expect((await me(server, server.apiKey, '203.0.113.7')).status).toBe(200);
    expect((await me(server, 'wdn_other-prefix', '203.0.113.7')).status).toBe(401);
    expect((await me(server, 'wdn_guessing-4', '203.0.113.8')).status).toBe(401);
    // Public routes stay reachable.
    expect((await server.request('GET', '/health', undefined, { apiKey: null })).status).toBe(200);
  });

  it('believes X-Forwarded-For only from a configured proxy', async () => {
    other = await startTestServer({ authFailureLimit: 3, authFailureWindowMs: 60_000 }, { store: kind });
    // Without a trusted proxy the header is the client's word: every "client" is 127.0.0.1.
    for (let i = 0; i < 3; i++) expect((await me(other, `wdn_spoofing-${i}`, `198.51.100.${i}`)).status).toBe(401);
    expect((await me(other, 'wdn_spoofing-3', '198.51.100.99')).status).toBe(429);
    await other.close();
    other = undefined;
  });

  it.runIf(kind === 'postgres')('shares the counts between processes on one PostgreSQL store', async () => {
    const databaseUrl = server.server.container.config.databaseUrl!;
    other = await startTestServer({ authFailureLimit: 3, authFailureWindowMs: 60_000, trustedProxies: ['127.0.0.1'], databaseUrl, adminApiKey: server.apiKey });
    for (let i = 0; i < 3; i++) expect((await me(server, `wdn_twoplaces-${i}`, '203.0.113.9')).status).toBe(401);
    expect((await me(other, 'wdn_twoplaces-3', '203.0.113.9')).status).toBe(429);
    expect((await me(other, server.apiKey, '203.0.113.9')).status).toBe(200);
  });
});

describe('the access rule table', () => {
  it('refuses to register a route without a rule', async () => {
    const app = Fastify();
    registerAccessControl(app, {} as AppDeps);
    app.get('/health', async () => ({}));
    expect(() => app.get('/no-rule-here', async () => ({}))).toThrow(/GET \/no-rule-here has no access rule/);
    await app.close();
  });
});
