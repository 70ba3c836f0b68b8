import { afterAll, beforeAll, expect, it } from 'vitest';
import { SettableClock } from '../../src/clock.js';
import { addUserWithKey, auditOf } from '../helpers/access-fixtures.js';
import { describeIfServer } from '../helpers/server-availability.js';
import { signInWith } from '../helpers/session-fixtures.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** Session expiry by a set clock: nothing here waits for time to pass. */
const START = '2027-03-01T09:00:00.000Z';
const HOUR = 3_600_000;

describeEachStore('web UI sessions', (kind) => {
  let server: TestServer;
  const clock = new SettableClock(START);
  beforeAll(async () => {
    server = await startTestServer({ sessionTtlMs: 8 * HOUR }, { store: kind, clock });
  });
  afterAll(async () => server?.close());

  it('exchanges a key for an HttpOnly, SameSite=Strict cookie that acts as the key, and audits it', async () => {
    const response = await server.request('POST', '/session', { apiKey: server.apiKey }, { apiKey: null });
    expect(response.status).toBe(201);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^warden_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=28800$/);
    expect(response.body).toEqual({
      user: { name: 'admin', permissions: expect.arrayContaining(['APPLICATION_ADMIN']), groups: [] },
      expiresAt: '2027-03-01T17:00:00.000Z',
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(JSON.stringify(response.body)).not.toContain(server.apiKey);
    expect(response.headers['cache-control']).toBe('no-store');

    const session = await signInWith(server.request, server.apiKey);
    expect((await server.request('GET', '/me', undefined, { headers: session.headers({ csrf: false }) })).body.name).toBe('admin');
    expect((await server.request('GET', '/session', undefined, { headers: session.headers({ csrf: false }) })).body).toMatchObject({ csrfToken: session.csrfToken, user: { name: 'admin' } });
    const created = (await auditOf(server, '&action=session.created')).hits[0];
    expect(created).toMatchObject({ actor: 'user:admin', target: expect.stringMatching(/^apikey:/) });
    expect(JSON.stringify(created)).not.toContain(session.token);
  });

  it('refuses a cookie request that changes something without its own session\'s CSRF token, changing nothing', async () => {
    const session = await signInWith(server.request, server.apiKey);
    const other = await signInWith(server.request, server.apiKey);
    const create = (headers: Record<string, string | null>) => server.request('POST', '/users', { name: 'csrf-victim' }, { headers });
    for (const headers of [session.headers({ csrf: false }), { ...session.headers(), 'x-csrf-token': other.csrfToken }, { ...session.headers(), 'x-csrf-token': 'x' }]) {
      const refused = await create(headers);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('CSRF_TOKEN_INVALID');
    }
    expect((await server.request('GET', '/users/csrf-victim')).status).toBe(404);
    expect((await create(session.headers())).status).toBe(201);
  });

  it('gives a session exactly the permissions of its key\'s user, read afresh on every request', async () => {
    const key = await addUserWithKey(server, 'session-reader', { permissions: ['CREATE_DATA_SOURCE'] });
    const session = await signInWith(server.request, key);
    expect((await server.request('GET', '/data/connection', undefined, { headers: session.headers() })).status).toBe(200);
    const refused = await server.request('GET', '/users', undefined, { headers: session.headers() });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    await server.request('PUT', '/users/session-reader', { permissions: [] });
    expect((await server.request('GET', '/data/connection', undefined, { headers: session.headers() })).status).toBe(403);
  });

  it('ends at sign-out, at its expiry, and when its key is revoked', async () => {
    const signedOut = await signInWith(server.request, server.apiKey);
    const gone = await server.request('DELETE', '/session', undefined, { headers: signedOut.headers() });
    expect(gone.status).toBe(204);
    expect(String(gone.headers['set-cookie'])).toMatch(/^warden_session=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0$/);
    expect((await server.request('GET', '/session', undefined, { headers: signedOut.headers() })).status).toBe(401);
    expect((await auditOf(server, '&action=session.ended')).count).toBe(1);

    const expiring = await signInWith(server.request, server.apiKey);
    clock.advance(8 * HOUR - 1);
    expect((await server.request('GET', '/me', undefined, { headers: expiring.headers() })).status).toBe(200);
    clock.advance(1);
    expect((await server.request('GET', '/me', undefined, { headers: expiring.headers() })).status).toBe(401);

    const key = await addUserWithKey(server, 'session-revoked');
    const revoked = await signInWith(server.request, key);
    const keyId = (await server.request('GET', '/users/session-revoked/api-keys')).body[0].id as string;
    expect((await server.request('DELETE', `/users/session-revoked/api-keys/${keyId}`)).status).toBe(200);
    expect((await server.request('GET', '/me', undefined, { headers: revoked.headers() })).status).toBe(401);
  });

  it('never outlives its key, and refuses a bad key or cookie like a bad bearer key', async () => {
    const expiresAt = new Date(clock.now().getTime() + HOUR).toISOString();
    const key = (await server.request('POST', '/users/admin/api-keys', { name: 'short', expiresAt })).body.key as string;
    expect((await server.request('POST', '/session', { apiKey: key }, { apiKey: null })).body.expiresAt).toBe(expiresAt);

    const refused = await server.request('POST', '/session', { apiKey: 'wdn_not-a-key' }, { apiKey: null });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
    expect((await auditOf(server, '&action=auth.failed')).count).toBeGreaterThan(0);
    expect((await server.request('GET', '/me', undefined, { headers: { authorization: null, cookie: 'warden_session=forged' } })).status).toBe(401);
    // The session routes are about the cookie: with a bearer key there is none to show or end.
    expect((await server.request('DELETE', '/session')).body.code).toBe('VALIDATION_FAILED');
  });
});

describeIfServer(['PostgreSQL'], 'web UI sessions across processes', () => {
  it('are shared by every Warden process on one PostgreSQL store', async () => {
    const first = await startTestServer({}, { store: 'postgres' });
    const second = await startTestServer({ databaseUrl: first.server.container.config.databaseUrl, adminApiKey: first.apiKey });
    try {
      const session = await signInWith(first.request, first.apiKey);
      expect((await second.request('GET', '/me', undefined, { headers: session.headers() })).body.name).toBe('admin');
      expect((await second.request('DELETE', '/session', undefined, { headers: session.headers() })).status).toBe(204);
      expect((await first.request('GET', '/me', undefined, { headers: session.headers() })).status).toBe(401);
    } finally {
      await second.close();
      await first.close();
    }
  });
});
