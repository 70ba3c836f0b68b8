import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from '../helpers/store-kinds.js';
import { startTestServer, syncThroughApi, urlPath, type TestServer } from '../helpers/test-server.js';
import { DatabricksTestWorkspace } from '../protocol-servers/databricks/server.js';

/**
 * Databricks connections through the API end to end, on both stores, against the Databricks
 * protocol server (test/protocol-servers/databricks): no real workspace or Unity Catalog server.
 */
describeEachStore('Databricks connections through the API', (kind) => {
  let server: TestServer;
  let workspace: DatabricksTestWorkspace;
  beforeAll(async () => {
    server = await startTestServer({}, { store: kind });
    workspace = await DatabricksTestWorkspace.start();
    workspace.createCatalog('main');
    workspace.createSchema('main', 'sales');
    workspace.createTable('main', 'sales', 'orders', [
      { name: 'id', type_text: 'bigint', type_name: 'LONG', nullable: false },
      { name: 'email', type_text: 'string', type_name: 'STRING' },
    ]);
  });
  afterAll(async () => {
    await server?.close();
    await workspace?.close();
  });

  const register = (connectionKey: string, connection: Record<string, unknown>) =>
    server.request('POST', '/data/connection', { connectionKey, connection, settings: { isActive: true } });
  const httpPath = () => `/sql/1.0/warehouses/${workspace.warehouseId}`;

  it('brings Unity Catalog tags in and follows them out between syncs; user tags are left alone', async () => {
    workspace.setTag(['main', 'sales', 'orders'], 'tier', 'gold');
    workspace.setTag(['main', 'sales', 'orders', 'email'], 'pii', 'email');
    workspace.setTag(['main', 'sales'], 'owner', 'sales');
    const response = await register('Lakehouse', workspace.details('token', { httpPath: httpPath() }));
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(await server.waitForJob(response.body.syncRunId)).toMatchObject({ state: 'completed', errors: [] });
    const path = ['Lakehouse', 'main', 'sales', 'orders'];
    const tagsOf = async () => (await server.request('GET', `/data/tags/${urlPath(...path)}`)).body;
    const summary = (tags: any[]) => tags.map((tag) => `${tag.name}=${tag.value}/${tag.source}`);

    let tags = await tagsOf();
    expect(summary(tags.tags)).toEqual(['tier=gold/platform']);
    expect(tags.columns.map((column: any) => [column.name, summary(column.tags)])).toEqual([
      ['id', []],
      ['email', ['pii=email/platform']],
    ]);
    expect(summary((await server.request('GET', `/data/tags/${urlPath(...path.slice(0, 3))}`)).body.tags)).toEqual(['owner=sales/platform']);
    expect((await server.request('POST', `/data/tags/${urlPath(...path)}`, { tags: [{ name: 'Reviewed' }] })).status).toBe(200);

    workspace.setTag(['main', 'sales', 'orders'], 'tier', 'silver');
    workspace.setTag(['main', 'sales', 'orders'], 'certified');
    workspace.unsetTag(['main', 'sales', 'orders', 'email'], 'pii');
    expect((await syncThroughApi(server, 'Lakehouse')).job).toMatchObject({ state: 'completed', errors: [] });
    tags = await tagsOf();
    expect(summary(tags.tags)).toEqual(['certified=null/platform', 'tier=silver/platform', 'Reviewed=null/user']);
    expect(tags.columns.map((column: any) => [column.name, summary(column.tags)])).toEqual([
      ['id', []],
      ['email', []],
    ]);

    // Tags that cannot be read are not taken away.
    workspace.fail((url) => url.pathname === '/api/2.0/sql/statements', { status: 403, errorCode: 'PERMISSION_DENIED' });
    await syncThroughApi(server, 'Lakehouse');
    expect(summary((await tagsOf()).tags)).toEqual(['certified=null/platform', 'tier=silver/platform', 'Reviewed=null/user']);
  });

  it('registers and syncs with OAuth M2M; the token and client secret are never shown or logged', async () => {
    const response = await register('Lakehouse M2M', workspace.details('oAuthM2M'));
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(await server.waitForJob(response.body.syncRunId)).toMatchObject({ state: 'completed', errors: [] });
    const shown = JSON.stringify((await server.request('GET', `/data/connection/${encodeURIComponent('Lakehouse M2M')}`)).body);
    expect(shown).toContain('[REDACTED]');
    for (const secret of [workspace.clientSecret, workspace.pat]) {
      expect(shown).not.toContain(secret);
      expect(server.logs.join('\n')).not.toContain(secret);
    }
  });

  it('bad credentials are 422 within the timeout and store nothing', async () => {
    for (const [key, connection, code] of [
      ['Bad Token', workspace.details('token', { token: 'dapi-wrong-e2e' }), 'TOKEN_REJECTED'],
      ['Bad Secret', { ...workspace.details('oAuthM2M'), oAuthClientConfig: { clientId: workspace.clientId, clientSecret: 'wrong-e2e', scope: 'all-apis' } }, 'OAUTH_TOKEN_REFUSED'],
    ] as const) {
      const started = Date.now();
      const answer = await server.request('POST', '/data/connection', { connectionKey: key, connection });
      expect([answer.status, answer.body.code]).toEqual([422, code]);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect((await server.request('GET', `/data/connection/${encodeURIComponent(key)}`)).status).toBe(404);
      expect(JSON.stringify(answer.body)).not.toMatch(/dapi-wrong-e2e|wrong-e2e/);
    }
  });
});
