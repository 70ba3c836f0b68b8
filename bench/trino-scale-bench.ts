/**
 * `npm run bench:trino`: the scale check of the Trino connector against the real Trino of
 * scripts/test-servers/trino.sh. 10,000 tables x 20 columns (10 schemas) are crawled three
 * ways: in a memory catalog, in a PostgreSQL database through a Trino catalog, and in that same
 * database reached directly by the PostgreSQL connector; then the memory catalog and the
 * PostgreSQL database are *synced* through a Warden server of their own (the built dist, SQLite
 * store): registered, first sync, and a re-sync with nothing changed. Reports seconds and the
 * number of queries each sent (Trino: counted by the relay the connector goes through;
 * PostgreSQL: transactions committed in the database, one per query). A bench, not a test.
 */
import { createPostgresConnector } from '../src/connectors/postgres/postgres-connector.js';
import { createTrinoConnector } from '../src/connectors/trino/trino-connector.js';
import type { Connector } from '../src/connectors/connector.js';
import { TrinoRelay, trinoAdmin, trinoSkipReason } from '../test/helpers/trino-server.js';
import { adminClient, BENCH_PASSWORD, databaseName, ensureSource, roleName, type SourceShape } from './bench-sources.js';
import { startBenchServer, type BenchServer } from './bench-server.js';

const SHAPE: SourceShape = { name: '10000x20', tables: 10_000, columns: 20, schemas: 10, referenceSeconds: null };
const MEM_CATALOG = 'warden_bench_mem';
const PG_CATALOG = 'warden_bench_pg';
const TIMEOUTS = { connectMs: 10_000, statementMs: 600_000 };
const log = (line: string) => process.stderr.write(`${line}\n`);

if (trinoSkipReason !== null) throw new Error(trinoSkipReason);

/** The memory catalog, filled once per Trino start (its tables live in Trino's heap). */
async function ensureMemory(): Promise<void> {
  const exists = await trinoAdmin(`SELECT count(*) FROM system.metadata.catalogs WHERE catalog_name = '${MEM_CATALOG}'`);
  if (exists[0]![0] === 1) return;
  await trinoAdmin(`CREATE CATALOG ${MEM_CATALOG} USING memory WITH ("memory.max-data-per-node" = '256MB')`);
  const started = Date.now();
  const columns = Array.from({ length: SHAPE.columns }, (_, i) => `c${i + 1} ${['bigint', 'varchar(40)', 'double', 'date'][i % 4]}`).join(', ');
  const perSchema = SHAPE.tables / SHAPE.schemas;
  for (let s = 1; s <= SHAPE.schemas; s++) {
    await trinoAdmin(`CREATE SCHEMA ${MEM_CATALOG}.s${s}`);
    const names = Array.from({ length: perSchema }, (_, t) => `t${t + 1}`);
    // A few at once: every CREATE TABLE is a statement on the coordinator.
    await Promise.all(Array.from({ length: 4 }, async (_, worker) => {
      for (let i = worker; i < names.length; i += 4) await trinoAdmin(`CREATE TABLE ${MEM_CATALOG}.s${s}.${names[i]} (${columns})`);
    }));
    log(`mem: schema s${s} of ${SHAPE.schemas} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
}

async function ensurePostgresCatalog(): Promise<void> {
  const exists = await trinoAdmin(`SELECT count(*) FROM system.metadata.catalogs WHERE catalog_name = '${PG_CATALOG}'`);
  if (exists[0]![0] === 1) return;
  await trinoAdmin(
    `CREATE CATALOG ${PG_CATALOG} USING postgresql WITH ("connection-url" = 'jdbc:postgresql://127.0.0.1:5432/${databaseName(SHAPE)}', ` +
      `"connection-user" = '${roleName(SHAPE)}', "connection-password" = '${BENCH_PASSWORD}')`,
  );
}

async function crawl(connector: Connector): Promise<{ seconds: number; objects: number; columns: number }> {
  const started = performance.now();
  let objects = 0;
  let columns = 0;
  for await (const batch of connector.crawl({ target: [], shouldDescend: () => true }, AbortSignal.timeout(TIMEOUTS.statementMs))) {
    if (batch.type === 'unchanged') throw new Error('a crawl without stored dictionaries reported a listing unchanged');
    if (batch.type !== 'listing') throw new Error(`${batch.type} at ${JSON.stringify(batch.path)}: ${batch.message}`);
    for (const object of batch.objects) {
      if (object.columns === undefined) continue;
      objects++;
      columns += object.columns.length;
    }
  }
  await connector.close();
  return { seconds: (performance.now() - started) / 1000, objects, columns };
}

async function committed(): Promise<number> {
  const client = adminClient();
  await client.connect();
  try {
    // Statistics are flushed when a backend goes idle: wait for the crawl's last ones.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await client.query('SELECT xact_commit::int AS n FROM pg_stat_database WHERE datname = $1', [databaseName(SHAPE)]);
    return rows[0].n as number;
  } finally {
    await client.end();
  }
}

await ensureSource(SHAPE, log);
await ensureMemory();
await ensurePostgresCatalog();
const relay = await TrinoRelay.start();
const rows: Record<string, unknown>[] = [];
for (const catalog of [MEM_CATALOG, PG_CATALOG]) {
  relay.statements = 0;
  const result = await crawl(createTrinoConnector(relay.details({ catalogs: { include: [catalog] } }), TIMEOUTS));
  rows.push({ crawl: `Trino, ${catalog === MEM_CATALOG ? 'memory catalog' : 'PostgreSQL catalog'}`, ...result, queries: relay.statements });
}
const postgresDetails = {
  technology: 'PostgreSQL', authenticationType: 'userPassword', hostname: '127.0.0.1', port: 5432, database: databaseName(SHAPE), username: roleName(SHAPE), password: BENCH_PASSWORD,
};
const before = await committed();
const direct = await crawl(createPostgresConnector(postgresDetails, TIMEOUTS));
// Less the admin's own transaction that read the count before.
rows.push({ crawl: 'PostgreSQL connector, directly', ...direct, queries: (await committed()) - before - 1 });
console.table(rows.map((row) => ({ ...row, seconds: Number((row.seconds as number).toFixed(2)) })));

/** Syncs through Warden: registration with its first sync, then a re-sync with nothing changed. */
async function syncs(server: BenchServer, key: string, connection: Record<string, unknown>, count: () => Promise<number>) {
  const timed = async (run: () => Promise<any>) => {
    const started = performance.now();
    const job = await run();
    if (job.state !== 'completed' || job.errors.length > 0) throw new Error(`${key}: sync ${job.state} ${JSON.stringify(job.errors)}`);
    return { seconds: (performance.now() - started) / 1000, queries: await count(), counts: job.counts };
  };
  const first = await timed(async () => {
    // Enabled, so that the re-sync descends everywhere as it would for governed objects.
    const registered = await server.request('POST', '/data/connection', { connectionKey: key, connection, settings: { isActive: true } });
    if (registered.status !== 201) throw new Error(`register ${key}: ${JSON.stringify(registered.body)}`);
    return server.waitForJob(registered.body.syncRunId);
  });
  const again = await timed(async () => server.waitForJob((await server.request('POST', `/data/crawl/${encodeURIComponent(key)}`, {})).body.syncRunId));
  if (again.counts.unchanged < SHAPE.tables) throw new Error(`${key}: the re-sync saw ${JSON.stringify(again.counts)}`);
  return [
    { sync: `${key}: registration + first sync`, seconds: first.seconds, added: first.counts.added, queries: first.queries },
    { sync: `${key}: re-sync, nothing changed`, seconds: again.seconds, unchanged: again.counts.unchanged, queries: again.queries },
  ];
}

const server = await startBenchServer();
try {
  // Registration checks the credentials first: its queries are counted with the first sync's.
  let counted = relay.statements;
  const trinoQueries = async () => {
    const sent = relay.statements - counted;
    counted = relay.statements;
    return sent;
  };
  const synced = await syncs(server, 'Bench Trino mem', { ...relay.details({ catalogs: { include: [MEM_CATALOG] } }) }, trinoQueries);
  let last = await committed();
  const postgresQueries = async () => {
    const now = await committed();
    const sent = now - last - 1;
    last = now;
    return sent;
  };
  synced.push(...(await syncs(server, 'Bench PostgreSQL', postgresDetails, postgresQueries)));
  console.table(synced.map((row) => ({ ...row, seconds: Number(row.seconds.toFixed(2)) })));
} finally {
  await server.stop();
  await relay.close();
}
