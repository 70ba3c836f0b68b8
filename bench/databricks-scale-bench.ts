/**
 * `npm run bench:databricks`: the scale check of the Databricks connector. 10,000 tables x 20
 * columns (10 schemas of one catalog, a tag on every tenth table and column) are crawled
 * through the Databricks protocol server (test/protocol-servers/databricks: in memory, on
 * 127.0.0.1) with a personal access token, then with OAuth M2M and tags (httpPath), then
 * synced through a Warden server of their own (the built dist, SQLite store): registration
 * with its first sync, and a re-sync with nothing changed. Reports seconds and the HTTP
 * requests the workspace received. A bench, not a test: the real open-source Unity Catalog
 * server is not served to this machine (scripts/test-servers/unity-catalog.sh), so the times
 * are Warden's and the protocol server's, not Unity Catalog's.
 */
import type { Connector } from '../src/connectors/connector.js';
import { createDatabricksConnector } from '../src/connectors/databricks/databricks-connector.js';
import { DatabricksTestWorkspace } from '../test/protocol-servers/databricks/server.js';
import { startBenchServer } from './bench-server.js';

const TABLES = 10_000;
const SCHEMAS = 10;
const COLUMNS = 20;
const TIMEOUTS = { connectMs: 10_000, statementMs: 120_000 };

const workspace = await DatabricksTestWorkspace.start();
workspace.createCatalog('bench');
const columns = Array.from({ length: COLUMNS }, (_, i) => ({ name: `c${i + 1}`, ...[{ type_text: 'bigint', type_name: 'LONG' }, { type_text: 'string', type_name: 'STRING' }, { type_text: 'double', type_name: 'DOUBLE' }, { type_text: 'date', type_name: 'DATE' }][i % 4]! }));
for (let s = 1; s <= SCHEMAS; s++) {
  workspace.createSchema('bench', `s${s}`);
  for (let t = 1; t <= TABLES / SCHEMAS; t++) {
    workspace.createTable('bench', `s${s}`, `t${t}`, columns);
    if (t % 10 === 0) {
      workspace.setTag(['bench', `s${s}`, `t${t}`], 'tier', 'gold');
      workspace.setTag(['bench', `s${s}`, `t${t}`, 'c2'], 'pii', 'email');
    }
  }
}
const httpPath = `/sql/1.0/warehouses/${workspace.warehouseId}`;

async function crawl(connector: Connector): Promise<Record<string, number>> {
  const before = workspace.requests.length;
  const started = performance.now();
  let tables = 0;
  let tagged = 0;
  for await (const batch of connector.crawl({ target: [], shouldDescend: () => true }, AbortSignal.timeout(600_000))) {
    if (batch.type === 'unchanged') throw new Error('a crawl without stored dictionaries reported a listing unchanged');
    if (batch.type !== 'listing') throw new Error(`${batch.type} at ${JSON.stringify(batch.path)}: ${batch.message}`);
    for (const object of batch.objects) {
      if (object.columns === undefined) continue;
      tables++;
      if ((object.tags?.length ?? 0) > 0) tagged++;
    }
  }
  await connector.close();
  return { seconds: Number(((performance.now() - started) / 1000).toFixed(2)), tables, tagged, requests: workspace.requests.length - before };
}

const rows = [
  { crawl: 'token, no tags', ...(await crawl(createDatabricksConnector(workspace.details('token'), TIMEOUTS))) },
  { crawl: 'oAuthM2M, with tags', ...(await crawl(createDatabricksConnector(workspace.details('oAuthM2M', { httpPath }), TIMEOUTS))) },
];
console.table(rows);

const server = await startBenchServer();
try {
  const timed = async (label: string, run: () => Promise<any>) => {
    const before = workspace.requests.length;
    const started = performance.now();
    const job = await run();
    if (job.state !== 'completed' || job.errors.length > 0) throw new Error(`${label}: sync ${job.state} ${JSON.stringify(job.errors)}`);
    return { sync: label, seconds: Number(((performance.now() - started) / 1000).toFixed(2)), ...job.counts, requests: workspace.requests.length - before };
  };
  const key = 'Bench Databricks';
  const first = await timed('registration + first sync', async () => {
    const registered = await server.request('POST', '/data/connection', { connectionKey: key, connection: workspace.details('token', { httpPath }), settings: { isActive: true } });
    if (registered.status !== 201) throw new Error(`register: ${JSON.stringify(registered.body)}`);
    return server.waitForJob(registered.body.syncRunId);
  });
  const again = await timed('re-sync, nothing changed', async () => server.waitForJob((await server.request('POST', `/data/crawl/${encodeURIComponent(key)}`, {})).body.syncRunId));
  console.table([first, again]);
} finally {
  await server.stop();
  await workspace.close();
}
