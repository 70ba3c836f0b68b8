import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUserWithKey, auditOf } from '../helpers/access-fixtures.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * No principal grants a permission it lacks; managing users and their keys takes USER_ADMIN;
 * the built-in admin's keys are its own; a key cannot mint a key that outlives it.
 */
describe('privilege boundaries', () => {
  let s: TestServer;
  let appAdmin: string;
  let userAdmin: string;
  let bootstrapKeyId: string;
  const as = (key: string) => ({ apiKey: key });

  beforeAll(async () => {
    s = await startTestServer();
    appAdmin = await addUserWithKey(s, 'app-admin', { permissions: ['APPLICATION_ADMIN'] });
    userAdmin = await addUserWithKey(s, 'user-admin', { permissions: ['USER_ADMIN'] });
    await addUserWithKey(s, 'gov', { permissions: ['GOVERNANCE'] });
    expect((await s.request('PUT', '/groups/governors', { permissions: ['GOVERNANCE'] })).status).toBe(200);
    bootstrapKeyId = (await s.request('GET', '/users/admin/api-keys')).body[0].id;
  });
  afterAll(() => s?.close());

  it('gives the built-in admin USER_ADMIN', async () => {
    expect((await s.request('GET', '/me')).body.permissions).toContain('USER_ADMIN');
  });

  it('keeps an APPLICATION_ADMIN from granting itself GOVERNANCE or acting for the admin', async () => {
    const before = await s.request('GET', '/users/app-admin');
    expect((await s.request('PUT', '/users/app-admin', { permissions: ['APPLICATION_ADMIN', 'GOVERNANCE'] }, as(appAdmin))).status).toBe(403);
    expect((await s.request('PUT', '/users/app-admin', { groups: ['governors'] }, as(appAdmin))).status).toBe(403);
    expect((await s.request('POST', '/users/admin/api-keys', {}, as(appAdmin))).status).toBe(403);
    expect((await s.request('DELETE', `/users/admin/api-keys/${bootstrapKeyId}`, undefined, as(appAdmin))).status).toBe(403);
    expect((await s.request('GET', '/users/app-admin')).body).toEqual(before.body);
    expect((await s.request('GET', '/me')).status).toBe(200);
  });

  it('lets a USER_ADMIN manage users only with the permissions it holds', async () => {
    expect((await s.request('POST', '/users', { name: 'plain' }, as(userAdmin))).status).toBe(201);
    const grant = await s.request('PUT', '/users/plain', { permissions: ['GOVERNANCE'] }, as(userAdmin));
    expect(grant.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    expect(grant.body.message).toContain('GOVERNANCE');
    expect((await s.request('PUT', '/users/plain', { groups: ['governors'] }, as(userAdmin))).status).toBe(403);
    expect((await s.request('PUT', '/users/user-admin', { permissions: ['USER_ADMIN', 'APPLICATION_ADMIN'] }, as(userAdmin))).status).toBe(403);
    expect((await s.request('POST', '/users', { name: 'governor', permissions: ['GOVERNANCE'] }, as(userAdmin))).status).toBe(403);
    expect((await s.request('PUT', '/groups/more-governors', { permissions: ['GOVERNANCE'] }, as(userAdmin))).status).toBe(403);
    expect((await s.request('GET', '/users/plain')).body).toMatchObject({ permissions: [], groups: [] });
    expect((await s.request('GET', '/users/governor')).status).toBe(404);
    expect((await s.request('GET', '/groups')).body.map((g: { name: string }) => g.name)).not.toContain('more-governors');
    // Keys: for a user with no more than it holds, audited as itself; not for one with more, nor for the admin.
    const minted = await s.request('POST', '/users/plain/api-keys', {}, as(userAdmin));
    expect(minted.status).toBe(201);
    const row = (await auditOf(s, '&action=apikey.created')).hits.find((hit) => hit.target === `apikey:${minted.body.id}`);
    expect(row.actor).toBe('user:user-admin');
    expect((await s.request('POST', '/users/gov/api-keys', {}, as(userAdmin))).status).toBe(403);
    expect((await s.request('POST', '/users/admin/api-keys', {}, as(userAdmin))).body.code).toBe('BUILTIN_USER');
    expect((await s.request('DELETE', `/users/admin/api-keys/${bootstrapKeyId}`, undefined, as(userAdmin))).body.code).toBe('BUILTIN_USER');
  });

  it('keeps even the admin from revoking the bootstrap key over the API', async () => {
    expect((await s.request('DELETE', `/users/admin/api-keys/${bootstrapKeyId}`)).body.code).toBe('BUILTIN_USER');
    expect((await s.request('GET', '/me')).status).toBe(200);
  });

  it('never lets a key mint a key that outlives it', async () => {
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const shortLived = (await s.request('POST', '/users/plain/api-keys', { name: 'short', expiresAt })).body.key as string;
    const forever = await s.request('POST', '/users/plain/api-keys', { name: 'forever' }, as(shortLived));
    expect(forever.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(forever.body.message).toContain(expiresAt);
    const later = new Date(Date.now() + 7_200_000).toISOString();
    expect((await s.request('POST', '/users/plain/api-keys', { name: 'later', expiresAt: later }, as(shortLived))).status).toBe(400);
    const sooner = new Date(Date.now() + 60_000).toISOString();
    expect((await s.request('POST', '/users/plain/api-keys', { name: 'sooner', expiresAt: sooner }, as(shortLived))).status).toBe(201);
  });
});
