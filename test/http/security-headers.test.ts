import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describe('security headers', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('keep the docs from being framed, sniffed or running foreign scripts', async () => {
    for (const path of ['/docs/', '/docs/static/swagger-initializer.js', '/docs/json']) {
      const response = await server.request('GET', path, undefined, { apiKey: null });
      expect(response.status, path).toBe(200);
      const csp = response.headers['content-security-policy'] ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(response.headers['x-frame-options'], path).toBe('DENY');
      expect(response.headers['x-content-type-options'], path).toBe('nosniff');
    }
  });

  it('are on API answers too, errors included', async () => {
    for (const path of ['/health', '/me', '/no-such-route']) {
      const response = await server.request('GET', path, undefined, { apiKey: null });
      expect(response.headers['content-security-policy'], path).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers['x-content-type-options'], path).toBe('nosniff');
    }
  });

  it('keep a new API key out of every cache', async () => {
    const created = await server.request('POST', '/users/admin/api-keys', { name: 'cached?' });
    expect(created.status).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
  });
});
