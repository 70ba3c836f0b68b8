import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Connector, ConnectorTimeouts } from '../../src/connectors/connector.js';
import type { DatabricksConnectionDetails } from '../../src/connectors/databricks/databricks-config.js';
import { createDatabricksConnector } from '../../src/connectors/databricks/databricks-connector.js';
import { byName, closedPort, crawlAll, failures, kinds, listingOf, names, rejectionOf, scope } from '../helpers/crawl-helpers.js';
import { DatabricksTestWorkspace } from '../protocol-servers/databricks/server.js';

/**
 * The Databricks connector against the Databricks protocol server (the open-source Unity
 * Catalog server it should forward to is not served to this machine): both sign-ins, paging,
 * ids and kinds, and each fault the crawl must survive without a removal.
 */
const TIMEOUTS: ConnectorTimeouts = { connectMs: 3_000, statementMs: 5_000 };
let workspace: DatabricksTestWorkspace;
const open: Connector[] = [];
const connect = (details: DatabricksConnectionDetails, timeouts = TIMEOUTS): Connector => {
  const connector = createDatabricksConnector(details, timeouts);
  open.push(connector);
  return connector;
};
const everything = () => scope([]);
const INT = { type_text: 'int', type_name: 'INT' };

beforeAll(async () => {
  workspace = await DatabricksTestWorkspace.start();
  workspace.createCatalog('main', 'the main catalog');
  workspace.createSchema('main', 'sales');
  workspace.createTable('main', 'sales', 'orders', [
    { name: 'id', ...INT, nullable: false },
    { name: 'amount', type_text: 'decimal(10,2)', type_name: 'DECIMAL', comment: 'EUR' },
  ]);
  workspace.createTable('main', 'sales', 'orders_v', [{ name: 'id', ...INT }], { type: 'VIEW' });
  workspace.createTable('main', 'sales', 'live', [{ name: 'id', ...INT }], { type: 'STREAMING_TABLE' });
  workspace.createSchema('main', 'secret');
  workspace.createTable('main', 'secret', 'salaries', [{ name: 'id', ...INT }]);
  workspace.createCatalog('wide');
  workspace.createSchema('wide', 'many');
  for (let index = 0; index < 12; index++) workspace.createTable('wide', 'many', `t${String(index).padStart(2, '0')}`, [{ name: 'id', ...INT }]);
});
afterEach(async () => {
  workspace.pageLimit = 100;
  await Promise.all(open.splice(0).map((connector) => connector.close()));
});
afterAll(() => workspace.close());

describe('Databricks sign-in', () => {
  it.each(['token', 'oAuthM2M'] as const)('%s: reads catalogs, schemas and tables with their columns, ids and kinds', async (type) => {
    const batches = await crawlAll(connect(workspace.details(type)), everything());
    expect(failures(batches)).toEqual([]);
    expect(names(listingOf(batches, []).objects)).toEqual(['main', 'wide']);
    expect(byName(listingOf(batches, []).objects, 'main')).toMatchObject({ kind: 'catalog', comment: 'the main catalog', stableId: expect.any(String) });
    expect(byName(listingOf(batches, ['main']).objects, 'sales')).toMatchObject({ kind: 'schema', stableId: expect.any(String) });
    const tables = listingOf(batches, ['main', 'sales']).objects;
    expect(kinds(tables)).toEqual({ live: 'streamingTable', orders: 'externalTable', orders_v: 'view' });
    expect(byName(tables, 'orders').columns).toEqual([
      { name: 'id', ordinal: 1, type: 'int', nullable: false, defaultValue: null, generated: null, comment: null },
      { name: 'amount', ordinal: 2, type: 'decimal(10,2)', nullable: true, defaultValue: null, generated: null, comment: 'EUR' },
    ]);
  });

  it('oAuthM2M asks for one token and keeps it for every request until it stops working, then asks once more', async () => {
    const before = workspace.tokensIssued;
    const connector = connect(workspace.details('oAuthM2M'));
    await crawlAll(connector, everything());
    expect(workspace.tokensIssued - before).toBe(1);
    // The token expires during the next crawl, with four catalogs' listings in flight: the 401s
    // bring one new token, and the crawl goes on.
    workspace.fail((url) => url.pathname.endsWith('/tables'), 'expireTokens');
    const batches = await crawlAll(connector, everything());
    expect(failures(batches)).toEqual([]);
    expect(workspace.tokensIssued - before).toBe(2);
  });

  it('bad credentials are refused with a code of their own, and no secret in the message', async () => {
    const token = await rejectionOf(connect(workspace.details('token', { token: 'dapiwrong' })).testConnection(AbortSignal.timeout(5_000)));
    expect(token.code).toBe('TOKEN_REJECTED');
    expect(token.status).toBe(422);
    const details = workspace.details('oAuthM2M');
    const oauth = await rejectionOf(
      connect({ ...details, oAuthClientConfig: { ...details.oAuthClientConfig!, clientSecret: 'dosewrong' } }).testConnection(AbortSignal.timeout(5_000)),
    );
    expect(oauth.code).toBe('OAUTH_TOKEN_REFUSED');
    expect(oauth.message).toContain('invalid_client');
    expect(`${oauth.message}${token.message}`).not.toMatch(/dapiwrong|dosewrong/);
  });

  it('a workspace nobody listens on is HOST_UNREACHABLE', async () => {
    const error = await rejectionOf(connect(workspace.details('token', { port: await closedPort() })).testConnection(AbortSignal.timeout(5_000)));
    expect([error.code, error.status]).toEqual(['HOST_UNREACHABLE', 422]);
  });
});

describe('Databricks listings', () => {
  it('follows next_page_token to the end when the server sends small pages', async () => {
    workspace.pageLimit = 5;
    const before = workspace.requests.length;
    const batches = await crawlAll(connect(workspace.details()), scope([{ name: 'wide', stableId: null }]));
    expect(names(listingOf(batches, ['wide', 'many']).objects)).toHaveLength(12);
    // One catalog page, one schema page, three table pages: never a request per table.
    expect(workspace.requests.slice(before).filter((path) => path.endsWith('/tables'))).toHaveLength(3);
  });

  it('a scoped crawl finds a renamed table by its table_id', async () => {
    const id = workspace.createTable('wide', 'many', 'before', [{ name: 'id', ...INT }]);
    workspace.renameTable('wide', 'many', 'before', 'after');
    const batches = await crawlAll(
      connect(workspace.details()),
      scope([{ name: 'wide', stableId: null }, { name: 'many', stableId: null }, { name: 'before', stableId: id }]),
    );
    expect(listingOf(batches, ['wide', 'many']).objects.map((object) => [object.name, object.stableId])).toEqual([['after', id]]);
    workspace.dropTable('wide', 'many', 'after');
  });
});

describe('Databricks faults: the subtree is a failure, never a partial listing', () => {
  const tablesOf = (schema: string) => (url: URL) => url.pathname.endsWith('/tables') && url.searchParams.get('schema_name') === schema;

  it.each([
    ['403 on one schema', { status: 403, errorCode: 'PERMISSION_DENIED' }, 'PERMISSION_DENIED'],
    ['404 mid-crawl (dropped after its listing)', { status: 404, errorCode: 'SCHEMA_NOT_FOUND' }, 'PLATFORM_ERROR'],
    ['a dropped connection', 'drop', 'CONNECTION_LOST'],
  ] as const)('%s', async (_label, fault, code) => {
    workspace.fail(tablesOf('secret'), fault);
    const batches = await crawlAll(connect(workspace.details()), everything());
    expect(failures(batches)).toEqual([{ type: 'failure', path: ['main', 'secret'], code, message: expect.any(String) }]);
    expect(names(listingOf(batches, ['main']).objects)).toEqual(['sales', 'secret']);
    expect(names(listingOf(batches, ['main', 'sales']).objects)).toHaveLength(3);
  });

  it('a stall is a QUERY_TIMEOUT of that subtree within the deadline', async () => {
    workspace.fail(tablesOf('secret'), 'stall');
    const started = Date.now();
    const batches = await crawlAll(connect(workspace.details(), { connectMs: 500, statementMs: 800 }), everything());
    expect(failures(batches).map((failure) => [failure.path, failure.code])).toEqual([[['main', 'secret'], 'QUERY_TIMEOUT']]);
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('429 is retried after its Retry-After, 5xx with backoff, within the deadline', async () => {
    workspace.fail(tablesOf('secret'), { status: 429, errorCode: 'REQUEST_LIMIT_EXCEEDED', retryAfter: '1' });
    workspace.fail(tablesOf('sales'), { status: 503, errorCode: 'TEMPORARILY_UNAVAILABLE' }, 2);
    const started = Date.now();
    const batches = await crawlAll(connect(workspace.details()), everything());
    expect(failures(batches)).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  it('a 429 whose Retry-After is past the deadline fails the subtree at once', async () => {
    workspace.fail(tablesOf('secret'), { status: 429, errorCode: 'REQUEST_LIMIT_EXCEEDED', retryAfter: '60' });
    const batches = await crawlAll(connect(workspace.details()), everything());
    expect(failures(batches).map((failure) => [failure.path, failure.code])).toEqual([[['main', 'secret'], 'PLATFORM_ERROR']]);
  });
});

describe('Databricks tags (with httpPath)', () => {
  const withWarehouse = () => workspace.details('token', { httpPath: `/sql/1.0/warehouses/${workspace.warehouseId}` });
  beforeAll(() => {
    workspace.setTag(['main'], 'env', 'prod');
    workspace.setTag(['main', 'sales'], 'domain', 'finance');
    workspace.setTag(['main', 'sales', 'orders'], 'certified');
    workspace.setTag(['main', 'sales', 'orders', 'amount'], 'pii', 'low');
  });

  it('reads catalog, schema, table and column tags with their values; an untagged object has none', async () => {
    workspace.chunkRows = 1;
    workspace.pendingStatements = 1;
    const batches = await crawlAll(connect(withWarehouse()), everything());
    workspace.chunkRows = 1000;
    expect(batches.filter((batch) => batch.type === 'tagsNotRead')).toEqual([]);
    expect(byName(listingOf(batches, []).objects, 'main').tags).toEqual([{ name: 'env', value: 'prod' }]);
    expect(byName(listingOf(batches, []).objects, 'wide').tags).toEqual([]);
    expect(byName(listingOf(batches, ['main']).objects, 'sales').tags).toEqual([{ name: 'domain', value: 'finance' }]);
    const orders = byName(listingOf(batches, ['main', 'sales']).objects, 'orders');
    expect(orders.tags).toEqual([{ name: 'certified', value: null }]);
    expect(orders.columns!.map((column) => [column.name, column.tags])).toEqual([
      ['id', []],
      ['amount', [{ name: 'pii', value: 'low' }]],
    ]);
  });

  it('without httpPath tags are not read: objects carry none at all', async () => {
    const batches = await crawlAll(connect(workspace.details()), everything());
    expect(byName(listingOf(batches, []).objects, 'main')).not.toHaveProperty('tags');
  });

  it('tags that cannot be read are a tagsNotRead batch before the listings, which come without tags', async () => {
    workspace.fail((url) => url.pathname === '/api/2.0/sql/statements', { status: 403, errorCode: 'PERMISSION_DENIED' });
    const batches = await crawlAll(connect(withWarehouse()), everything());
    expect(batches[0]).toEqual({ type: 'tagsNotRead', path: [], code: 'PERMISSION_DENIED', message: expect.any(String) });
    expect(byName(listingOf(batches, []).objects, 'main')).not.toHaveProperty('tags');
    const wrongWarehouse = await crawlAll(connect(workspace.details('token', { httpPath: '/sql/1.0/warehouses/nope' })), everything());
    expect(wrongWarehouse[0]).toMatchObject({ type: 'tagsNotRead', code: 'PLATFORM_ERROR' });
  });
});
