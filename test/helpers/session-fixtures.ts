import { expect } from 'vitest';
import type { ApiRequest } from './api-request.js';

/** A web UI session as a test holds it: the cookie's token and the CSRF token. */
export interface TestSession {
  token: string;
  csrfToken: string;
  /** Headers of a cookie-authenticated request (no Authorization), with the CSRF token unless `csrf: false`. */
  headers(options?: { csrf?: boolean }): Record<string, string | null>;
}

/** Signs in with `apiKey` through POST /session and returns the session the cookie carries. */
export async function signInWith(request: ApiRequest, apiKey: string): Promise<TestSession> {
  const response = await request('POST', '/session', { apiKey }, { apiKey: null });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  const cookie = [response.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('warden_session='));
  const token = cookie?.split(';')[0]?.slice('warden_session='.length) ?? '';
  expect(token).not.toBe('');
  const csrfToken = response.body.csrfToken as string;
  return {
    token,
    csrfToken,
    headers: ({ csrf = true } = {}) => ({ authorization: null, cookie: `warden_session=${token}`, 'x-csrf-token': csrf ? csrfToken : null }),
  };
}
