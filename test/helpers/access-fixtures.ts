import type { TestServer } from './test-server.js';

export type Permission = 'APPLICATION_ADMIN' | 'GOVERNANCE' | 'CREATE_DATA_SOURCE' | 'USER_ADMIN';

/** Adds a user through the API (as the admin) and creates an API key for them; returns the plain key. */
export async function addUserWithKey(
  server: TestServer,
  name: string,
  options: { permissions?: Permission[]; groups?: string[]; expiresAt?: string } = {},
): Promise<string> {
  const user = await server.request('POST', '/users', { name, permissions: options.permissions ?? [], groups: options.groups ?? [] });
  if (user.status !== 201) throw new Error(`POST /users answered ${user.status}: ${JSON.stringify(user.body)}`);
  const key = await server.request('POST', `/users/${encodeURIComponent(name)}/api-keys`, { name: 'test', ...(options.expiresAt && { expiresAt: options.expiresAt }) });
  if (key.status !== 201) throw new Error(`POST api-keys answered ${key.status}: ${JSON.stringify(key.body)}`);
  return key.body.key as string;
}

/** The audit rows of the admin's own changes, newest first (the test server's key is the built-in admin's). */
export async function auditOf(server: TestServer, query = ''): Promise<{ count: number; hits: any[] }> {
  const response = await server.request('GET', `/audit?size=1000${query}`);
  if (response.status !== 200) throw new Error(`GET /audit answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}
