/**
 * `npm run bench:api [-- --seconds S] [--runs N]`: requests per second, latency and server CPU
 * per request of `GET /data/object/{path}` and of the children search, with autocannon on
 * loopback, on an idle server, while forced re-syncs of a 10,000 x 50 connection run on it, and
 * while first syncs of that source run on it (each a new connection, deleted after the window);
 * then issue 17's target rows (median and spread over the runs, the `GET /health` floor of the
 * same runs, the ratio). The during-sync target takes the worse of the two kinds of sync: a
 * re-sync skips unchanged dictionaries, a first sync reads and writes every column.
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
const DURING = 'during a 10,000 x 50 forced re-sync';
const DURING_FIRST = 'during a 10,000 x 50 first sync';
type Syncing = typeof DURING | typeof DURING_FIRST;

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
  const source = { technology: 'PostgreSQL', hostname: '127.0.0.1', port: 5432, database: databaseName(big), authenticationType: 'userPassword', username: roleName(big), password: BENCH_PASSWORD };
  const registered = await server.request('POST', '/data/connection', { connectionKey: key, connection: source, settings: { isActive: true } });
  await server.waitForJob(registered.body.syncRunId);
  const objectPath = `/data/object/${encodeURIComponent(key)}/${databaseName(big)}/s1/t5000`;
  const searchPath = `/data/object/search/${encodeURIComponent(key)}/${databaseName(big)}/s1`;
  const requests = {
    [FLOOR]: { method: 'GET' as const, path: '/health' },
    [OBJECT]: { method: 'GET' as const, path: objectPath },
    [SEARCH]: { method: 'POST' as const, path: searchPath, body: JSON.stringify({ size: 100 }) },
  };
  const rows: [label: keyof typeof requests, during: string][] = [
    [FLOOR, IDLE], [OBJECT, IDLE], [SEARCH, IDLE], [OBJECT, DURING], [SEARCH, DURING], [OBJECT, DURING_FIRST], [SEARCH, DURING_FIRST],
  ];
  const measured = new Map<string, Measured[]>(rows.map(([label, during]) => [`${label}|${during}`, []]));
  for (let run = 1; run <= RUNS; run += 1) {
    log(`run ${run}/${RUNS}`);
    for (const [label, during] of rows) measured.get(`${label}|${during}`)!.push(await measure(server, key, source, label, requests[label], during === IDLE ? null : (during as Syncing)));
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
  // The during-sync target: the worse (higher median p99) of the two kinds of sync, named in the row.
  const worse = [DURING, DURING_FIRST].reduce((a, b) => (med(OBJECT, b, (m) => m.p99) > med(OBJECT, a, (m) => m.p99) ? b : a));
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
    target(`\`GET /data/object\` p99 during a 10,000 x 50 sync (the worse: ${worse.replace('during a 10,000 x 50 ', '')}; floor: idle \`GET /health\` p99)`, OBJECT, worse, p99, p99, 25),
  ]);
} finally {
  await server.stop();
}

/** One autocannon window of one request, with the server's CPU time over it. */
async function measure(target: BenchServer, key: string, source: object, label: string, request: autocannon.Request, during: Syncing | null): Promise<Measured> {
  const syncs = during === DURING ? keepResyncing(target, key) : during === DURING_FIRST ? keepFirstSyncing(target, source) : null;
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
  if (process.env.WARDEN_BENCH_CPU_PROF) log(`window ${label} ${during ?? IDLE} (monotonic µs): ${monotonicStart / 1000n} ${process.hrtime.bigint() / 1000n}`);
  const completedSyncs = syncs ? await syncs.stop() : null;
  if (result.non2xx > 0) throw new Error(`${label}: ${result.non2xx} non-2xx answers`);
  // The load generator shares the machine's cores with the server: server CPU per request says
  // what one core of the server alone could answer.
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpuMsPerRequest: (serverCpu * 1000) / result.requests.total, syncs: completedSyncs };
}

/** Runs forced whole-connection re-syncs back to back until stopped; returns how many completed. */
function keepResyncing(target: BenchServer, key: string) {
  return keepRunning(async () => {
    const started = await target.request('POST', `/data/crawl/${encodeURIComponent(key)}`, { forceRecursiveCrawl: true });
    return (await target.waitForJob(started.body.syncRunId)).state === 'completed';
  });
}

/**
 * Registers new connections to the source back to back until stopped (each registration runs a
 * first sync: every dictionary read and written), then deletes them — after the window, so the
 * deletes are not measured as sync.
 */
function keepFirstSyncing(target: BenchServer, source: object) {
  const keys: string[] = [];
  const running = keepRunning(async () => {
    const connectionKey = `Api Bench first sync ${keys.length + 1}`;
    keys.push(connectionKey);
    const registered = await target.request('POST', '/data/connection', { connectionKey, connection: source, settings: { isActive: true } });
    if (registered.status !== 201) throw new Error(`register: ${JSON.stringify(registered.body)}`);
    return (await target.waitForJob(registered.body.syncRunId)).state === 'completed';
  });
  return {
    async stop() {
      const completed = await running.stop();
      for (const connectionKey of keys) await target.request('DELETE', `/data/object/${encodeURIComponent(connectionKey)}`);
      return completed;
    },
  };
}

/** Runs `sync` back to back until stopped; `stop` resolves how many of them completed. */
function keepRunning(sync: () => Promise<boolean>) {
  let stopped = false;
  let completed = 0;
  const loop = (async () => {
    while (!stopped) if (await sync()) completed += 1;
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return completed;
    },
  };
}
