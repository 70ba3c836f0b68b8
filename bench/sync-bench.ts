/**
 * `npm run bench:sync [-- --large] [--runs N] [--shape NAME] [--store sqlite|postgres]`:
 * object-sync timings of a real Warden server (its own process, built dist) against source
 * databases on the local PostgreSQL, with the floor measured in the same run, on the embedded
 * SQLite store and — when WARDEN_DATABASE_URL names a PostgreSQL server — on a fresh PostgreSQL
 * store there. Prints a table, then issue 17's target rows (median and spread over the runs, the
 * raw-read floor of the same runs, the ratio, met or not), and writes both as JSON to
 * bench/results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { cpus, totalmem } from 'node:os';
import { adminClient, BENCH_PASSWORD, databaseName, roleName, ensureSource, LARGE_SHAPE, SHAPES, type SourceShape } from './bench-sources.js';
import { startBenchServer, type BenchServer } from './bench-server.js';
import { measureFloor, postgresBulkWrite, sqliteBulkWrite, type BulkWriteFloor } from './sync-floor.js';
import { median, printTargetRows, type TargetRow } from './target-rows.js';

interface PhaseResult {
  shape: string;
  store: string;
  phase: string;
  seconds: number;
  objects: number;
  columns: number;
  /** Raw read + bulk write of the same rows, same run (the phases that read the whole catalog). */
  floorSeconds: number | null;
  /** The raw `pg_catalog` read alone, same run: the floor issue 17's ratios are taken against. */
  readFloorSeconds: number | null;
  referenceSeconds: number | null;
  peakRssMiB: number;
}

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 3) || 3;
const shapes = args.includes('--large') ? [...SHAPES, LARGE_SHAPE] : SHAPES;
const only = args.includes('--shape') ? args[args.indexOf('--shape') + 1] : undefined;
const log = (line: string) => process.stderr.write(`${line}\n`);

/** The stores to measure: SQLite always; PostgreSQL when WARDEN_DATABASE_URL names a server. */
const storeUrl = process.env.WARDEN_DATABASE_URL || null;
const onlyStore = args.includes('--store') ? args[args.indexOf('--store') + 1] : undefined;
const stores: StoreUnderTest[] = [sqliteStore(), ...(storeUrl ? [postgresStore(storeUrl)] : [])].filter((s) => !onlyStore || s.name === onlyStore);

const results: PhaseResult[] = [];
const targets: TargetRow[] = [];
for (const shape of shapes.filter((s) => !only || s.name === only)) {
  await ensureSource(shape, log);
  for (const store of stores) {
    const perRun: PhaseResult[][] = [];
    for (let run = 1; run <= runs; run += 1) {
      log(`${shape.name} on ${store.name}: run ${run}/${runs}`);
      perRun.push(await benchShape(shape, store));
    }
    results.push(...medians(perRun));
    targets.push(...targetRows(shape, store.name, perRun));
  }
}
print(results);
printTargetRows(targets, notRunTargets());
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const file = new URL(`./results/sync-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, import.meta.url);
writeFileSync(file, `${JSON.stringify({ machine: machine(), runs, results, targets }, null, 2)}\n`);
log(`wrote ${file.pathname}`);

async function benchShape(shape: SourceShape, storeUnderTest: StoreUnderTest): Promise<PhaseResult[]> {
  const store = storeUnderTest.name;
  const database = databaseName(shape);
  const floor = await measureFloor(shape, storeUnderTest.bulkWrite);
  const floorSeconds = floor.readSeconds + floor.writeSeconds;
  const env = await storeUnderTest.prepare();
  const server = await startBenchServer(env);
  const phases: PhaseResult[] = [];
  const objects = shape.tables + shape.schemas + 1;
  const columns = shape.tables * shape.columns;
  const record = (phase: string, seconds: number, counted: { objects: number; columns: number }, withFloor: boolean) =>
    phases.push({
      shape: shape.name,
      store,
      phase,
      seconds,
      ...counted,
      floorSeconds: withFloor ? floorSeconds : null,
      readFloorSeconds: withFloor ? floor.readSeconds : null,
      referenceSeconds: phase === 'initial sync' ? shape.referenceSeconds : null,
      peakRssMiB: server.peakRssMiB(),
    });
  try {
    await warmUp(server);
    const key = `Bench ${shape.name}`;
    const initial = await timed(async () => {
      const registered = await server.request('POST', '/data/connection', {
        connectionKey: key,
        connection: { technology: 'PostgreSQL', hostname: '127.0.0.1', port: 5432, database, authenticationType: 'userPassword', username: roleName(shape), password: BENCH_PASSWORD },
        // Enabled, so that re-syncs descend everywhere as they would for governed objects.
        settings: { isActive: true, activateNewChildren: true },
      });
      if (registered.status !== 201) throw new Error(`register: ${JSON.stringify(registered.body)}`);
      return expectCompleted(await server.waitForJob(registered.body.syncRunId));
    });
    record('initial sync', initial.seconds, { objects, columns }, true);

    const unchanged = await timed(() => sync(server, [key]));
    if (unchanged.value.counts.unchanged < shape.tables) throw new Error(`re-sync saw ${JSON.stringify(unchanged.value.counts)}`);
    record('re-sync, nothing changed', unchanged.seconds, { objects, columns }, true);

    const changedTables = Math.max(1, Math.round(shape.tables / 100));
    await alterTables(shape, changedTables, 'ADD COLUMN bench_added integer');
    try {
      const changed = await timed(() => sync(server, [key]));
      if (changed.value.counts.changed !== changedTables) throw new Error(`1% re-sync saw ${JSON.stringify(changed.value.counts)}`);
      record('re-sync, 1% changed', changed.seconds, { objects, columns: columns + changedTables }, true);
    } finally {
      await alterTables(shape, changedTables, 'DROP COLUMN bench_added');
    }

    const single = await timed(() => sync(server, [key, database, 's1', 't1']));
    record('single-table sync', single.seconds, { objects: 1, columns: shape.columns }, false);
  } finally {
    await server.stop();
    await storeUnderTest.cleanUp();
  }
  phases.push({ shape: shape.name, store, phase: 'floor: raw read', seconds: floor.readSeconds, objects, columns, floorSeconds: null, readFloorSeconds: null, referenceSeconds: null, peakRssMiB: 0 });
  phases.push({ shape: shape.name, store, phase: 'floor: bulk write', seconds: floor.writeSeconds, objects, columns, floorSeconds: null, readFloorSeconds: null, referenceSeconds: null, peakRssMiB: 0 });
  return phases;
}

/**
 * A long-running server has compiled its hot paths; a fresh process has not. One unrelated
 * sync of the smallest source (then deleted) makes the measured syncs those of a warm server.
 */
async function warmUp(server: BenchServer): Promise<void> {
  const smallest = SHAPES[0]!;
  await ensureSource(smallest, log);
  const registered = await server.request('POST', '/data/connection', {
    connectionKey: 'Warm-up',
    connection: { technology: 'PostgreSQL', hostname: '127.0.0.1', port: 5432, database: databaseName(smallest), authenticationType: 'userPassword', username: roleName(smallest), password: BENCH_PASSWORD },
  });
  expectCompleted(await server.waitForJob(registered.body.syncRunId));
  await server.request('DELETE', '/data/object/Warm-up');
}

async function sync(server: BenchServer, path: string[]) {
  const started = await server.request('POST', `/data/crawl/${path.map(encodeURIComponent).join('/')}`, {});
  if (started.status !== 202) throw new Error(`crawl: ${JSON.stringify(started.body)}`);
  return expectCompleted(await server.waitForJob(started.body.syncRunId));
}

function expectCompleted(job: any) {
  if (job.state !== 'completed' || job.errors.length > 0) throw new Error(`sync ${job.state}: ${JSON.stringify(job.errors ?? job.failureMessage)}`);
  return job;
}

async function alterTables(shape: SourceShape, count: number, change: string): Promise<void> {
  const client = adminClient(databaseName(shape));
  await client.connect();
  try {
    const statements = Array.from({ length: count }, (_, i) => `ALTER TABLE s1.t${i * Math.floor(Math.min(shape.tables, 10_000) / count) + 1} ${change};`);
    await client.query(statements.join('\n'));
  } finally {
    await client.end();
  }
}

/**
 * Times one sync run from just before its request to its `finishedAt` (the server's clock, the
 * same system clock as Date.now(), in ms), so the bench's own polling for the end (a GET every
 * few ms) does not count.
 */
async function timed<T extends { finishedAt: string }>(work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const start = Date.now();
  const monotonicStart = process.hrtime.bigint();
  const value = await work();
  // With WARDEN_BENCH_CPU_PROF the server's profile is cut by phase: its timestamps are the same
  // monotonic clock, in microseconds.
  if (process.env.WARDEN_BENCH_CPU_PROF) log(`phase window (monotonic µs): ${monotonicStart / 1000n} ${process.hrtime.bigint() / 1000n}`);
  return { seconds: (Date.parse(value.finishedAt) - start) / 1000, value };
}

function medians(runsOfPhases: PhaseResult[][]): PhaseResult[] {
  return runsOfPhases[0]!.map((first, i) => {
    const values = runsOfPhases.map((phases) => phases[i]!);
    const medianOf = (key: 'seconds' | 'floorSeconds' | 'readFloorSeconds') => median(values.map((v) => v[key] as number));
    return {
      ...first,
      seconds: medianOf('seconds'),
      peakRssMiB: Math.max(...values.map((v) => v.peakRssMiB)),
      floorSeconds: first.floorSeconds === null ? null : medianOf('floorSeconds'),
      readFloorSeconds: first.readFloorSeconds === null ? null : medianOf('readFloorSeconds'),
    };
  });
}

/** The issue-17 targets of one shape on one store, from every run (median and spread). */
function targetRows(shape: SourceShape, store: string, runsOfPhases: PhaseResult[][]): TargetRow[] {
  const phase = (name: string) => runsOfPhases.map((phases) => phases.find((p) => p.phase === name)!);
  const seconds = (name: string, measure: string, target: number, on: TargetRow['on']): TargetRow => {
    const runs = phase(name);
    return { measure: `${measure} (${store})`, value: median(runs.map((r) => r.seconds)), runs: runs.map((r) => r.seconds), unit: 's', floor: median(runs.map((r) => r.readFloorSeconds!)), target, on };
  };
  switch (shape.name) {
    case '10000x50':
      return [
        seconds('initial sync', '10,000 x 50 first sync, x the raw pg_catalog read', 2.5, 'ratio'),
        seconds('re-sync, nothing changed', '10,000 x 50 unchanged re-sync, x the raw pg_catalog read', 0.5, 'ratio'),
      ];
    case '100000x50': {
      const rss = phase('initial sync').map((r) => r.peakRssMiB);
      return [
        seconds('initial sync', '100,000 x 50 first sync', 18, 'value'),
        { measure: `100,000 x 50 first sync, peak RSS (${store})`, value: median(rss), runs: rss, unit: 'MiB', floor: null, target: 512, on: 'value' },
      ];
    }
    case '1x50':
      return [seconds('initial sync', '1 x 50 first sync', 0.05, 'value')];
    default:
      return [];
  }
}

/** The sync targets whose shape this invocation did not run (so the list of rows is always complete). */
function notRunTargets(): string[] {
  const ran = new Set(results.map((r) => r.shape));
  return [
    ...(ran.has('10000x50') ? [] : ['10,000 x 50 first sync and unchanged re-sync (`--shape 10000x50`)']),
    ...(ran.has('100000x50') ? [] : ['100,000 x 50 first sync / peak RSS (`--large --shape 100000x50`)']),
    ...(ran.has('1x50') ? [] : ['1 x 50 first sync (`--shape 1x50`)']),
  ];
}

function print(rows: PhaseResult[]): void {
  const header = ['shape', 'store', 'phase', 'seconds', 'objects/s', 'columns/s', 'x floor', 'x raw read', 'x faster than ref', 'peak RSS MiB'];
  const lines = rows.map((r) => [
    r.shape,
    r.store,
    r.phase,
    r.seconds.toFixed(3),
    Math.round(r.objects / r.seconds).toLocaleString('en'),
    Math.round(r.columns / r.seconds).toLocaleString('en'),
    r.floorSeconds === null ? '' : (r.seconds / r.floorSeconds).toFixed(2),
    r.readFloorSeconds === null ? '' : (r.seconds / r.readFloorSeconds).toFixed(2),
    r.referenceSeconds === null ? '' : (r.referenceSeconds / r.seconds).toFixed(0),
    r.peakRssMiB === 0 ? '' : r.peakRssMiB.toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log([row(header), row(widths.map((w) => '-'.repeat(w))), ...lines.map(row)].join('\n'));
}

function machine() {
  return { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30) };
}

/** A store the server runs on during a measurement, and the floor write into the same kind. */
interface StoreUnderTest {
  name: string;
  bulkWrite: BulkWriteFloor;
  /** The server's environment for a fresh, empty store. */
  prepare(): Promise<Record<string, string>>;
  cleanUp(): Promise<void>;
}

function sqliteStore(): StoreUnderTest {
  // An empty WARDEN_DATABASE_URL keeps the server on SQLite whatever the bench's environment says.
  return { name: 'sqlite', bulkWrite: sqliteBulkWrite, prepare: async () => ({ WARDEN_DATABASE_URL: '' }), cleanUp: async () => {} };
}

/** A fresh database on the server of `url` for each measurement, dropped afterwards. */
function postgresStore(url: string): StoreUnderTest {
  const name = 'warden_bench_store';
  const storeUrl = new URL(url);
  storeUrl.pathname = `/${name}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  return {
    name: 'postgres',
    bulkWrite: (count) => postgresBulkWrite(url, count),
    async prepare() {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin(`CREATE DATABASE ${name}`);
      return { WARDEN_DATABASE_URL: storeUrl.toString() };
    },
    cleanUp: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
