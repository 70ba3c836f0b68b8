import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandler } from '../../src/http/plugins/error-handler.js';
import { webUiRoutes } from '../../src/http/routes/web-ui.routes.js';
import { UI_DIR } from '../../src/http/ui/ui-files.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

// The UI is built by vitest's globalSetup (test/helpers/web-build-setup.ts) before this runs.
describe('serving the web UI', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());
  const get = (path: string) => server.request('GET', path, undefined, { apiKey: null });

  it('redirects / to /ui/ and answers every app route below it with index.html under a strict CSP', async () => {
    expect((await get('/')).headers.location).toBe('/ui/');
    expect((await get('/ui')).headers.location).toBe('/ui/');
    for (const path of ['/ui/', '/ui/connections', '/ui/objects/Demo%20Warehouse/db/a%2Fb']) {
      const page = await get(path);
      expect(page.status, path).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.body).toContain('<div id="root"></div>');
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    }
  });

  it('serves the hashed assets for good, and a missing file or an API route stays a JSON 404', async () => {
    const script = readdirSync(join(UI_DIR, 'assets')).find((name) => name.endsWith('.js'))!;
    const asset = await get(`/ui/assets/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/ui/assets/gone-123.js', '/ui/favicon.ico', '/ui/../package.json', '/ui/%2E%2E/package.json', '/ui/.vite/manifest.json']) {
      const missing = await get(path);
      expect(missing.status, path).toBe(404);
      expect(missing.body.code, path).toBe('ROUTE_NOT_FOUND');
    }
    const api = await server.request('GET', '/data/no-such-route');
    expect(api.status).toBe(404);
    expect(api.body.code).toBe('ROUTE_NOT_FOUND');
    expect(String(api.headers['content-security-policy'])).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe('an installation whose UI was never built', () => {
  it('answers 503 UI_NOT_BUILT for its pages', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'warden-no-ui-'));
    const app = Fastify();
    registerErrorHandler(app);
    await app.register(webUiRoutes(empty));
    try {
      const response = await app.inject({ method: 'GET', url: '/ui/connections' });
      expect(response.statusCode).toBe(503);
      expect(response.json().code).toBe('UI_NOT_BUILT');
    } finally {
      await app.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
