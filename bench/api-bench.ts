/**
 * `npm run bench:api [-- --seconds S] [--runs N]`: requests per second, latency and server CPU
 * per request of `GET /data/object/{path}` and of the children search, with autocannon on
 * loopback, on an idle server and while a 10,000 x 50 sync runs on it; then issue 17's target
 * rows (median and spread over the runs, the `GET /health` floor of the same runs, the ratio).
 * CPU per request is the server process's own CPU time (utime + stime), not wall time: the load
 * generator and other work share the machine's cores.
 */
import autocannon from 'autocannon';
import { BENCH_PASSWORD, databaseName, ensureSource, roleName, SHAPES } from './bench-sources.js';
import { startBenchServer, type BenchServer } from './bench-server.js';
import { median, printTargetRows, type TargetRow } from './target-rows.js';

const option = (name: string) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) || undefined : undefined);
const DURATION_S = option('--seconds') ?? 10;
const RUNS = option('--runs') ?? 1;
const log = (line: string) => process.stderr.write(`${line}\n`);
const big = SHAPES.find((s) => s.name === '10000x50')!;

const FLOOR = 'floor: GET /health (HTTP and one trivial query)';
const OBJECT = 'GET /data/object/{path} (a table)';
const SEARCH = 'POST /data/object/search/{path} (100 of 10,000 children)';
const IDLE = 'idle';
const DURING = 'during a 10,000 x 50 sync';

/** One row's figures in one run. */
interface Measured {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
  syncs: number | null;
}

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
  const requests = {
    [FLOOR]: { method: 'GET' as const, path: '/health' },
    [OBJECT]: { method: 'GET' as const, path: objectPath },
    [SEARCH]: { method: 'POST' as const, path: searchPath, body: JSON.stringify({ size: 100 }) },
  };
  const rows: [label: keyof typeof requests, during: string][] = [[FLOOR, IDLE], [OBJECT, IDLE], [SEARCH, IDLE], [OBJECT, DURING], [SEARCH, DURING]];
  const measured = new Map<string, Measured[]>(rows.map(([label, during]) => [`${label}|${during}`, []]));
  for (let run = 1; run <= RUNS; run += 1) {
    log(`run ${run}/${RUNS}`);
    for (const [label, during] of rows) measured.get(`${label}|${during}`)!.push(await measure(server, key, label, requests[label], during === DURING));
  }
  const of = (label: string, during: string) => measured.get(`${label}|${during}`)!;
  const med = (label: string, during: string, pick: (m: Measured) => number) => median(of(label, during).map(pick));
  console.log(`| request | server | req/s | p50 ms | p99 ms | server CPU ms/request | req/s per server core | syncs completed meanwhile |\n| --- | --- | --- | --- | --- | --- | --- | --- |`);
  for (const [label, during] of rows) {
    const cpu = med(label, during, (m) => m.cpuMsPerRequest);
    const idle = during === IDLE;
    console.log(`| ${[
      label,
      during,
      Math.round(med(label, during, (m) => m.requestsPerSecond)).toLocaleString('en'),
      String(med(label, during, (m) => m.p50)),
      String(med(label, during, (m) => m.p99)),
      idle ? cpu.toFixed(3) : '',
      idle ? Math.round(1000 / cpu).toLocaleString('en') : '',
      idle ? '' : String(med(label, during, (m) => m.syncs ?? 0)),
    ].join(' | ')} |`);
  }
  console.log(`\nautocannon, 10 connections, ${DURATION_S} s each, loopback; medians of ${RUNS} run(s); server peak RSS ${server.peakRssMiB().toFixed(0)} MiB`);
  const target = (measure: string, label: string, during: string, pick: (m: Measured) => number, floorPick: (m: Measured) => number, bound: number): TargetRow => ({
    measure,
    value: med(label, during, pick),
    runs: of(label, during).map(pick),
    unit: 'ms',
    floor: med(FLOOR, IDLE, floorPick),
    target: bound,
    on: 'value',
  });
  const cpu = (m: Measured) => m.cpuMsPerRequest;
  const p99 = (m: Measured) => m.p99;
  printTargetRows([
    target('`GET /data/object/{path}` (a table), server CPU per request', OBJECT, IDLE, cpu, cpu, 0.15),
    target('`POST /data/object/search/{path}`, 100 of 10,000 children, server CPU per request', SEARCH, IDLE, cpu, cpu, 0.5),
    target('`GET /data/object` p99 during a 10,000 x 50 sync (floor: idle `GET /health` p99)', OBJECT, DURING, p99, p99, 25),
  ]);
} finally {
  await server.stop();
}

/** One autocannon window of one request, with the server's CPU time over it. */
async function measure(target: BenchServer, key: string, label: string, request: autocannon.Request, duringSync: boolean): Promise<Measured> {
  const syncs = duringSync ? keepSyncing(target, key) : null;
  const cpuBefore = target.cpuSeconds();
  const monotonicStart = process.hrtime.bigint();
  const result = await autocannon({
    url: target.url,
    connections: 10,
    duration: DURATION_S,
    headers: { authorization: `Bearer ${target.apiKey}`, 'content-type': 'application/json' },
    requests: [request],
  });
  const serverCpu = target.cpuSeconds() - cpuBefore;
  // With WARDEN_BENCH_CPU_PROF the server's profile is cut by window: its timestamps are the same monotonic clock, in µs.
  if (process.env.WARDEN_BENCH_CPU_PROF) log(`window ${label} ${duringSync ? 'during' : 'idle'} (monotonic µs): ${monotonicStart / 1000n} ${process.hrtime.bigint() / 1000n}`);
  const completedSyncs = syncs ? await syncs.stop() : null;
  if (result.non2xx > 0) throw new Error(`${label}: ${result.non2xx} non-2xx answers`);
  // The load generator shares the machine's cores with the server: server CPU per request says
  // what one core of the server alone could answer.
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpuMsPerRequest: (serverCpu * 1000) / result.requests.total, syncs: completedSyncs };
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
