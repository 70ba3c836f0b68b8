/**
 * `npm run bench:api`: requests per second and latency of `GET /data/object/{path}` and of the
 * children search, with autocannon on loopback, on an idle server and while a 10,000 x 50 sync
 * runs on it.
 */
import autocannon from 'autocannon';
import { BENCH_PASSWORD, databaseName, ensureSource, roleName, SHAPES } from './bench-sources.js';
import { startBenchServer, type BenchServer } from './bench-server.js';

const DURATION_S = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 10;
const log = (line: string) => process.stderr.write(`${line}\n`);
const big = SHAPES.find((s) => s.name === '10000x50')!;

await ensureSource(big, log);
const server = await startBenchServer();
try {
  const key = 'Api Bench';
  const registered = await server.request('POST', '/data/connection', {
    connectionKey: key,
    connection: { technology: 'PostgreSQL', hostname: '127.0.0.1', port: 5432, database: databaseName(big), authenticationType: 'userPassword', username: roleName(big), password: BENCH_PASSWORD },
    settings: { isActive: true },
  });
  await server.waitForJob(registered.body.syncRunId);
  const objectPath = `/data/object/${encodeURIComponent(key)}/${databaseName(big)}/s1/t5000`;
  const searchPath = `/data/object/search/${encodeURIComponent(key)}/${databaseName(big)}/s1`;
  const rows: string[][] = [];
  for (const during of ['idle', 'during a 10,000 x 50 sync'] as const) {
    for (const [label, request] of [
      // The floor: the cheapest request there is, on the same server in the same run.
      ...(during === 'idle' ? [['floor: GET /health (HTTP and one trivial query)', { method: 'GET' as const, path: '/health' }] as const] : []),
      ['GET /data/object/{path} (a table)', { method: 'GET' as const, path: objectPath }],
      ['POST /data/object/search/{path} (100 of 10,000 children)', { method: 'POST' as const, path: searchPath, body: JSON.stringify({ size: 100 }) }],
    ] as const) {
      const syncs = during === 'idle' ? null : keepSyncing(server, key);
      const cpuBefore = server.cpuSeconds();
      const result = await autocannon({
        url: server.url,
        connections: 10,
        duration: DURATION_S,
        headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
        requests: [request],
      });
      const serverCpu = server.cpuSeconds() - cpuBefore;
      const completedSyncs = syncs ? await syncs.stop() : null;
      if (result.non2xx > 0) throw new Error(`${label}: ${result.non2xx} non-2xx answers`);
      // The load generator shares the machine's cores with the server: server CPU per request says
      // what one core of the server alone could answer.
      const cpuMsPerRequest = (serverCpu * 1000) / result.requests.total;
      rows.push([
        label,
        during,
        Math.round(result.requests.average).toLocaleString('en'),
        String(result.latency.p50),
        String(result.latency.p99),
        during === 'idle' ? cpuMsPerRequest.toFixed(3) : '',
        during === 'idle' ? Math.round(1000 / cpuMsPerRequest).toLocaleString('en') : '',
        completedSyncs === null ? '' : String(completedSyncs),
      ]);
    }
  }
  console.log('| request | server | req/s | p50 ms | p99 ms | server CPU ms/request | req/s per server core | syncs completed meanwhile |\n| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log(`\nautocannon, 10 connections, ${DURATION_S} s each, loopback; server peak RSS ${server.peakRssMiB().toFixed(0)} MiB`);
} finally {
  await server.stop();
}

/** Runs forced whole-connection syncs back to back until stopped; returns how many completed. */
function keepSyncing(target: BenchServer, key: string) {
  let stopped = false;
  let completed = 0;
  const loop = (async () => {
    while (!stopped) {
      const started = await target.request('POST', `/data/crawl/${encodeURIComponent(key)}`, { forceRecursiveCrawl: true });
      const job = await target.waitForJob(started.body.syncRunId);
      if (job.state === 'completed') completed += 1;
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return completed;
    },
  };
}
