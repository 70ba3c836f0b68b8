/**
 * `npm run bench:load [-- --clients N] [--seconds S] [--store sqlite|postgres]`: on each store
 * (both by default, one after the other, each fresh: SQLite in a temporary data directory,
 * PostgreSQL in a database of its own on the tests' server), registers the two sources
 * disabled, seeds governance (each schema owned by a group; a fifth of the tables enabled one by
 * one with a user owner), then runs N concurrent clients (default 16) on
 * loopback, for a fixed time (default 30 s), doing a mix of reads (object views, children
 * searches, data source search, the jobs list) and settings writes (enabling and disabling random
 * tables and schemas, with owners) while syncs run: a forced re-sync of the 10,000 x 50 source
 * every few seconds, and the 1,000 x 10 source re-synced often. Stops by itself (time, request and
 * sync counts are bounded, and a watchdog ends a run that hangs). Then checks the store:
 *
 * - every object's effective settings, recomputed from its ancestors' overrides, equal what the
 *   API returns (every table and schema of both sources, from the children listings; plus a
 *   sample of single-object views);
 * - no object is marked removed that the source still has (and none the source has is missing);
 * - the catalog after the last sync equals a clean sync's: a second connection to the same
 *   source is registered and synced, and the two trees are compared object by object (columns
 *   for a sample of tables).
 *
 * Errors: every answer that is not 2xx counts. No 4xx is expected: every path the clients use
 * exists on the static sources, every body is valid, the key is the admin key, and a crawl
 * request that meets a queued one joins it (202). Exits non-zero when there are errors or a
 * violated invariant.
 */
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { resolveSettings, type SettingOverrides } from '../src/domain/settings.js';
import { adminClient, BENCH_PASSWORD, createBenchStoreDatabase, databaseName, ensureSource, roleName, SHAPES, type SourceShape } from './bench-sources.js';
import { sleep, startBenchServer, type BenchServer } from './bench-server.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback);
const CLIENTS = option('--clients', 16);
const SECONDS = option('--seconds', 30);
/** Bounds besides time: requests per client and syncs per source. */
const MAX_REQUESTS_PER_CLIENT = 1_000_000;
const MAX_SYNCS = 10_000;
/** The forced big re-sync starts this often (or as soon as the previous one ends, if later). */
const BIG_SYNC_EVERY_MS = 3_000;
const SMALL_SYNC_EVERY_MS = 250;
const OWNERS = ['alice', 'bob', 'carol', 'data-team'];
/** Before the load: this share of each source's tables is enabled one by one, with owners (the rest stay disabled, as registered). */
const SEEDED_SHARE = 0.2;
type StoreName = 'sqlite' | 'postgres';
const STORE_OPTION = args.includes('--store') ? args[args.indexOf('--store') + 1] : undefined;
if (STORE_OPTION !== undefined && STORE_OPTION !== 'sqlite' && STORE_OPTION !== 'postgres') throw new Error(`--store: sqlite or postgres, not ${STORE_OPTION}`);
/** Both stores by default, one after the other, each fresh. */
const STORES: StoreName[] = STORE_OPTION ? [STORE_OPTION] : ['sqlite', 'postgres'];

const log = (line: string) => process.stderr.write(`${line}\n`);
const big = SHAPES.find((s) => s.name === '10000x50')!;
const small = SHAPES.find((s) => s.name === '1000x10')!;

interface Source {
  shape: SourceShape;
  key: string;
  /** Tables per schema, as ensureSource creates them: s<k>.t<n>. */
  tables: number;
}
const sources: Source[] = [
  { shape: big, key: 'Load Big', tables: big.tables },
  { shape: small, key: 'Load Small', tables: small.tables },
];

// A run that hangs (a server that stops answering) must still end.
const watchdog = setTimeout(() => {
  log(`watchdog: the run did not end within ${(SECONDS + 600) * STORES.length} s`);
  process.exit(2);
}, (SECONDS + 600) * STORES.length * 1000);
watchdog.unref();

const enc = (names: string[]) => names.map(encodeURIComponent).join('/');
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const rand = (n: number) => Math.floor(Math.random() * n);
const tablePath = (s: Source, n: number) => [s.key, databaseName(s.shape), 's1', `t${n}`];
const schemaPath = (s: Source) => [s.key, databaseName(s.shape), 's1'];

for (const source of sources) await ensureSource(source.shape, log);
let failed = false;
for (const store of STORES) if (!(await loadOn(store))) failed = true;
process.exitCode = failed ? 1 : 0;

/** The load run on a fresh store of `store`: true when there was no error and every invariant held. */
async function loadOn(store: StoreName): Promise<boolean> {
  console.log(`\n## ${store} store\n`);
  const database = store === 'postgres' ? await createBenchStoreDatabase('warden_bench_load_store') : null;
  const loadBefore = readFileSync('/proc/loadavg', 'utf8').trim();
  // An empty WARDEN_DATABASE_URL keeps the server on SQLite whatever the bench's environment says.
  const server = await startBenchServer({ WARDEN_DATABASE_URL: database?.url ?? '' });
  let failed = false;
  try {
    for (const source of sources) {
      const registered = await server.request('POST', '/data/connection', connectionBody(source.key, source.shape));
      if (!registered.body.syncRunId) throw new Error(`registering ${source.key}: ${registered.status} ${JSON.stringify(registered.body)}`);
      const job = await server.waitForJob(registered.body.syncRunId);
      if (job.state !== 'completed') throw new Error(`the first sync of ${source.key} ended ${job.state}`);
    }
    await seedGovernance(server);
    log(`load: ${CLIENTS} clients, ${SECONDS} s, loopback ${server.url}`);

    const stats = new Map<string, { latencies: number[]; errors: number }>();
    const errorSamples: string[] = [];
    const record = (kind: string, ms: number, status: number, detail: () => string) => {
      let entry = stats.get(kind);
      if (!entry) stats.set(kind, (entry = { latencies: [], errors: 0 }));
      entry.latencies.push(ms);
      if (status < 200 || status >= 300) {
        entry.errors += 1;
        if (errorSamples.length < 10) errorSamples.push(`${kind}: ${detail()}`);
      }
    };
    const call = async (kind: string, method: string, path: string, body?: unknown) => {
      const started = performance.now();
      try {
        const answer = await server.request(method, path, body);
        record(kind, performance.now() - started, answer.status, () => `${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
      } catch (error) {
        record(kind, performance.now() - started, 0, () => String(error));
      }
    };

    const operations: [weight: number, run: () => Promise<void>][] = [
      [30, () => { const s = pick(sources); return call('GET object (table)', 'GET', `/data/object/${enc(tablePath(s, 1 + rand(s.tables)))}`); }],
      [20, () => { const s = pick(sources); return call('POST children search (schema)', 'POST', `/data/object/search/${enc(schemaPath(s))}`, { searchText: `t${1 + rand(99)}`, size: 100 }); }],
      [15, () => call('GET /dataSource search', 'GET', `/dataSource?searchText=${encodeURIComponent(`t${1 + rand(999)}`)}&size=50`)],
      [10, () => call('GET /jobs', 'GET', '/jobs?size=20')],
      [20, () => { const s = pick(sources); return call('PUT settings (table)', 'PUT', `/data/settings/${enc(tablePath(s, 1 + rand(s.tables)))}`, { settings: randomSettings() }); }],
      [5, () => { const s = pick(sources); return call('PUT settings (schema)', 'PUT', `/data/settings/${enc(schemaPath(s))}`, { settings: randomSettings() }); }],
    ];
    const totalWeight = operations.reduce((sum, [w]) => sum + w, 0);
    const nextOperation = () => {
      let r = Math.random() * totalWeight;
      for (const [w, run] of operations) if ((r -= w) < 0) return run;
      return operations[0]![1];
    };

    const deadline = performance.now() + SECONDS * 1000;
    const syncs = sources.map((s) => keepSyncing(server, s.key, s === sources[0] ? BIG_SYNC_EVERY_MS : SMALL_SYNC_EVERY_MS, s === sources[0], deadline));
    const cpuBefore = server.cpuSeconds();
    const startedAt = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = 0; i < MAX_REQUESTS_PER_CLIENT && performance.now() < deadline; i += 1) await nextOperation()();
      }),
    );
    const elapsed = (performance.now() - startedAt) / 1000;
    const serverCpu = server.cpuSeconds() - cpuBefore;
    const syncCounts = await Promise.all(syncs.map((s) => s.stop()));
    const loadAfter = readFileSync('/proc/loadavg', 'utf8').trim();

    let total = 0;
    let errors = 0;
    const rows: string[] = [];
    for (const [kind, { latencies, errors: e }] of [...stats].sort()) {
      latencies.sort((a, b) => a - b);
      total += latencies.length;
      errors += e;
      rows.push(`| ${kind} | ${latencies.length.toLocaleString('en')} | ${(latencies.length / elapsed).toFixed(0)} | ${quantile(latencies, 0.5).toFixed(1)} | ${quantile(latencies, 0.99).toFixed(1)} | ${e} |`);
    }
    console.log('| request | count | req/s | p50 ms | p99 ms | errors |\n| --- | --- | --- | --- | --- | --- |');
    for (const row of rows) console.log(row);
    console.log(`| all | ${total.toLocaleString('en')} | ${(total / elapsed).toFixed(0)} | | | ${errors} |`);
    console.log(
      `\n${CLIENTS} clients, ${elapsed.toFixed(1)} s, loopback, ${store} store; server CPU ${serverCpu.toFixed(1)} s, peak RSS ${server.peakRssMiB().toFixed(0)} MiB`,
    );
    for (const [i, s] of sources.entries()) {
      const c = syncCounts[i]!;
      console.log(`syncs of ${s.key} (${s.shape.name}${i === 0 ? ', forced' : ''}): ${c.completed} completed, ${c.failed} failed, ${c.joined} joined a queued run`);
    }
    console.log(`load average (1/5/15 min, running/total): before ${loadBefore}; after ${loadAfter}; ${navigatorCores()} cores`);
    for (const sample of errorSamples) console.log(`error: ${sample}`);
    if (errors > 0 || syncCounts.some((c) => c.failed > 0)) failed = true;

    const violations = await checkInvariants(server);
    console.log(`\ninvariants: ${violations.length === 0 ? 'all hold' : `${violations.length} violated`}`);
    for (const line of violations.slice(0, 20)) console.log(`  violated: ${line}`);
    if (violations.length > 0) failed = true;
  } finally {
    await server.stop();
    await database?.drop();
  }
  return !failed;
}

function connectionBody(key: string, shape: SourceShape) {
  return {
    connectionKey: key,
    connection: { technology: 'PostgreSQL', hostname: '127.0.0.1', port: 5432, database: databaseName(shape), authenticationType: 'userPassword', username: roleName(shape), password: BENCH_PASSWORD },
    // Disabled at the root: what is enabled is what seedGovernance enables.
    settings: { isActive: false },
  };
}

/**
 * A governed catalog before the load: the schema of each source owned by a group, and a seeded
 * share of its tables enabled one by one with owners — so the reads and settings writes of the
 * load meet real overrides, owners and data sources. CLIENTS requests at a time.
 */
async function seedGovernance(target: BenchServer): Promise<void> {
  const started = performance.now();
  const writes: [string[], Record<string, unknown>][] = [];
  for (const source of sources) {
    writes.push([schemaPath(source), { dataOwners: [{ type: 'group', name: 'data-team' }] }]);
    const tables = Array.from({ length: source.tables }, (_, i) => i + 1).filter(() => Math.random() < SEEDED_SHARE);
    for (const n of tables) writes.push([tablePath(source, n), { isActive: true, dataOwners: [{ type: 'user', name: pick(OWNERS) }] }]);
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < writes.length) {
        const [path, settings] = writes[next++]!;
        const answer = await target.request('PUT', `/data/settings/${enc(path)}`, { settings });
        if (answer.status !== 200) throw new Error(`seeding ${path.join('/')}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
    }),
  );
  const enabled = (await target.request('GET', '/dataSource?size=1')).body.count;
  log(`seeded ${writes.length} settings in ${((performance.now() - started) / 1000).toFixed(1)} s: ${enabled} data sources enabled`);
  console.log(`seeded: ${writes.length.toLocaleString('en')} overrides (a ${SEEDED_SHARE * 100}% share of tables enabled with a user owner, each schema owned by a group); ${Number(enabled).toLocaleString('en')} data sources enabled`);
}

/** Enable or disable, sometimes clear (inherit); owners set, cleared or left. */
function randomSettings() {
  const settings: Record<string, unknown> = {};
  const r = rand(10);
  settings.isActive = r < 4 ? true : r < 8 ? false : null;
  const o = rand(3);
  if (o === 0) settings.dataOwners = [{ type: 'user', name: pick(OWNERS) }, ...(rand(2) ? [{ type: 'group', name: pick(OWNERS) }] : [])];
  else if (o === 1) settings.dataOwners = null;
  return settings;
}

function quantile(sorted: number[], q: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function navigatorCores(): number {
  return readFileSync('/proc/cpuinfo', 'utf8').split('\n').filter((l) => l.startsWith('processor')).length;
}

/** Syncs a connection, one run after another at most every `everyMs`, until the deadline. */
function keepSyncing(target: BenchServer, key: string, everyMs: number, force: boolean, deadline: number) {
  const counts = { completed: 0, failed: 0, joined: 0 };
  const loop = (async () => {
    for (let i = 0; i < MAX_SYNCS && performance.now() < deadline; i += 1) {
      const started = performance.now();
      const answer = await target.request('POST', `/data/crawl/${encodeURIComponent(key)}`, { forceRecursiveCrawl: force });
      if (answer.status !== 202) {
        counts.failed += 1;
        log(`crawl of ${key}: ${answer.status} ${JSON.stringify(answer.body)}`);
      } else {
        if (answer.body.joined) counts.joined += 1;
        const job = await target.waitForJob(answer.body.syncRunId);
        if (job.state === 'completed') counts.completed += 1;
        else {
          counts.failed += 1;
          log(`sync of ${key} ended ${job.state}: ${JSON.stringify(job.errors ?? job.error ?? '')}`);
        }
      }
      await sleep(Math.max(0, everyMs - (performance.now() - started)));
    }
  })();
  return {
    async stop() {
      await loop;
      return counts;
    },
  };
}

/** Every child of an object, page by page. */
async function children(target: BenchServer, path: string[]): Promise<any[]> {
  const hits: any[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await target.request('POST', `/data/object/search/${enc(path)}`, { offset, size: 1000 });
    if (page.status !== 200) throw new Error(`listing ${path.join('/')}: ${page.status} ${JSON.stringify(page.body)}`);
    hits.push(...page.body.hits);
    if (page.body.hits.length < 1000) return hits;
  }
}

function overridesOf(partial: Partial<SettingOverrides>): SettingOverrides {
  return { isActive: partial.isActive ?? null, activateNewChildren: partial.activateNewChildren ?? null, dataOwners: partial.dataOwners ?? null };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function checkInvariants(target: BenchServer): Promise<string[]> {
  const violations: string[] = [];
  for (const source of sources) {
    const db = databaseName(source.shape);
    // 1. Effective settings = resolve(ancestors' overrides + own), for every schema and table.
    const chain: SettingOverrides[] = [];
    for (let depth = 1; depth <= 2; depth += 1) {
      const view = await target.request('GET', `/data/object/${enc([source.key, db].slice(0, depth))}`);
      chain.push(overridesOf(view.body.overrides));
    }
    const schemas = await children(target, [source.key, db]);
    let checked = 0;
    for (const schema of schemas) {
      const schemaChain = [...chain, overridesOf(schema.overrides)];
      if (!same(resolveSettings(schemaChain), schema.settings)) violations.push(`${schema.objectPath.join('/')}: settings ${JSON.stringify(schema.settings)} but the overrides resolve to ${JSON.stringify(resolveSettings(schemaChain))}`);
      const tables = await children(target, schema.objectPath);
      for (const table of tables) {
        checked += 1;
        const expected = resolveSettings([...schemaChain, overridesOf(table.overrides)]);
        if (!same(expected, table.settings)) violations.push(`${table.objectPath.join('/')}: settings ${JSON.stringify(table.settings)} but the overrides resolve to ${JSON.stringify(expected)}`);
      }
      // The single-object view of a sample agrees too.
      for (let i = 0; i < 50 && tables.length > 0; i += 1) {
        const table = pick(tables);
        const view = await target.request('GET', `/data/object/${enc(table.objectPath)}`);
        const expected = resolveSettings([...schemaChain, overridesOf(view.body.overrides)]);
        const got = { isActive: view.body.settings.isActive.value, activateNewChildren: view.body.settings.activateNewChildren.value, dataOwners: view.body.settings.dataOwners.value };
        if (!same(expected, got)) violations.push(`GET ${table.objectPath.join('/')}: settings ${JSON.stringify(got)} but the overrides resolve to ${JSON.stringify(expected)}`);
      }
    }
    log(`invariants: ${source.key}: effective settings of ${checked} tables and ${schemas.length} schemas checked`);

    // 2. Nothing marked removed that the source still has; nothing the source has missing.
    const onSource = await sourceTables(source.shape);
    const catalog = new Map<string, any>();
    for (const schema of schemas) for (const table of await children(target, schema.objectPath)) catalog.set(`${schema.objectPath.at(-1)}.${table.objectPath.at(-1)}`, table);
    for (const name of onSource) {
      const entry = catalog.get(name);
      if (!entry) violations.push(`${source.key}: ${name} is on the source but not in the catalog`);
      else if (entry.removed) violations.push(`${source.key}: ${name} is marked removed but the source has it`);
    }
    log(`invariants: ${source.key}: ${onSource.size} source tables, ${catalog.size} in the catalog`);

    // 3. The catalog equals a clean sync's: a second connection to the same source, compared tree by tree.
    const cleanKey = `${source.key} Clean`;
    const registered = await target.request('POST', '/data/connection', connectionBody(cleanKey, source.shape));
    const job = await target.waitForJob(registered.body.syncRunId);
    if (job.state !== 'completed') {
      violations.push(`${cleanKey}: the clean sync ended ${job.state}`);
      continue;
    }
    const shapeOf = (o: any) => ({ path: o.objectPath.slice(1), kind: o.kind, removed: o.removed, stableId: o.stableId, comment: o.comment, childCount: o.childCount });
    const compare = async (path: string[], depth: number): Promise<void> => {
      const [mine, clean] = await Promise.all([children(target, [source.key, ...path]), children(target, [cleanKey, ...path])]);
      if (!same(mine.map(shapeOf), clean.map(shapeOf))) {
        violations.push(`${source.key}/${path.join('/')}: children differ from a clean sync's (${mine.length} vs ${clean.length})`);
        return;
      }
      if (depth < 2) for (const child of mine) await compare(child.objectPath.slice(1), depth + 1);
      else {
        for (let i = 0; i < 100 && mine.length > 0; i += 1) {
          const table = pick(mine).objectPath.slice(1);
          const [a, b] = await Promise.all([target.request('GET', `/data/object/${enc([source.key, ...table])}`), target.request('GET', `/data/object/${enc([cleanKey, ...table])}`)]);
          if (!same(a.body.columns, b.body.columns) || a.body.removed !== b.body.removed) violations.push(`${source.key}/${table.join('/')}: columns differ from a clean sync's`);
        }
      }
    };
    await compare([], 0);
    log(`invariants: ${source.key}: compared with a clean sync (${cleanKey})`);
  }
  return violations;
}

/** The tables the source database has, as `schema.table`. */
async function sourceTables(shape: SourceShape): Promise<Set<string>> {
  const db = adminClient(databaseName(shape));
  await db.connect();
  try {
    const { rows } = await db.query<{ name: string }>(
      `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`,
    );
    return new Set(rows.map((r) => r.name));
  } finally {
    await db.end();
  }
}
