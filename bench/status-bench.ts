/**
 * `npm run bench:status`: enable a database that holds 1,000,000 tables, then read a table under
 * it, through the API of a real server. The rows are synthetic, written straight into the store.
 * Then the target row (issue 3's, which issue 17 keeps): the median against the floor of the same
 * run, a `GET /health` round trip to the same server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../src/store/database.js';
import { CatalogStore } from '../src/store/catalog-store.js';
import { startBenchServer } from './bench-server.js';
import { median, printTargetRows } from './target-rows.js';

const TABLES = Number(process.argv[process.argv.indexOf('--tables') + 1]) || 1_000_000;
const SCHEMAS = 100;
const log = (line: string) => process.stderr.write(`${line}\n`);
const ENABLE = 'enable the database (PUT /data/settings)';
const FLOOR = 'floor: GET /health (same server, same run)';

const dataDir = mkdtempSync(join(tmpdir(), 'warden-status-bench-'));
try {
  const written = await writeSyntheticCatalog(dataDir);
  log(`wrote ${TABLES.toLocaleString('en')} tables in ${SCHEMAS} schemas in ${written.toFixed(1)} s`);
  const server = await startBenchServer({ WARDEN_DATA_DIR: dataDir });
  try {
    const table = `/data/object/Big/db/s${SCHEMAS}/t${TABLES}`;
    const before = await server.request('GET', table);
    if (before.body.state !== 'inactive') throw new Error(`expected the table disabled first: ${JSON.stringify(before.body)}`);
    const rows: [string, number][] = [];
    for (let run = 0; run < 5; run += 1) {
      const enable = await timed(() => server.request('PUT', '/data/settings/Big/db', { settings: { isActive: true } }));
      const read = await timed(() => server.request('GET', table));
      // Enabled, it is a data source at once, under the id it was given when it was written.
      if (read.value.body.state !== 'active' || typeof read.value.body.dataSourceId !== 'number') {
        throw new Error(`the table did not follow its database: ${JSON.stringify(read.value.body)}`);
      }
      const floor = await timed(() => server.request('GET', '/health'));
      rows.push([ENABLE, enable.ms], ['read a table under it (GET /data/object)', read.ms], [FLOOR, floor.ms]);
      await server.request('PUT', '/data/settings/Big/db', { settings: { isActive: false } });
    }
    const values = (label: string) => rows.filter(([l]) => l === label).map(([, ms]) => ms);
    console.log(`| step | median ms (5 runs) |\n| --- | --- |`);
    for (const label of [...new Set(rows.map(([l]) => l))]) console.log(`| ${label} | ${median(values(label)).toFixed(1)} |`);
    console.log(`\n${TABLES.toLocaleString('en')} tables under the database; server peak RSS ${server.peakRssMiB().toFixed(0)} MiB`);
    const enableRuns = values(ENABLE);
    // Each run's read checked that the table followed its database (above): the change is visible to the next read.
    printTargetRows([{ measure: `enable a database over ${TABLES.toLocaleString('en')} tables, visible to the next read`, value: median(enableRuns), runs: enableRuns, unit: 'ms', floor: median(values(FLOOR)), target: 50, on: 'value' }], [], 'target (issue 3, kept by issue 17)');
  } finally {
    await server.stop();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

/** A connection `Big` > database `db` > SCHEMAS schemas > TABLES tables, all inheriting (disabled). */
async function writeSyntheticCatalog(dir: string): Promise<number> {
  const start = performance.now();
  const store = await openSqliteStore(dir);
  const catalog = new CatalogStore(store);
  const now = new Date().toISOString();
  const connection = await catalog.connections.insert({ connectionKey: 'Big', technology: 'PostgreSQL', details: { hostname: '127.0.0.1', port: 1 }, secretsCiphertext: null, createdBy: null }, now);
  await catalog.connections.markFirstSyncCompleted(connection.id, now);
  const root = await catalog.objects.insertRoot(connection.id, 'Big', { isActive: false, activateNewChildren: false, dataOwners: [] }, now);
  const none = { isActive: null, activateNewChildren: null, dataOwners: null };
  await catalog.transaction(async (repos) => {
    const [dbId] = (await repos.objects.insertChildren(root, [{ name: 'db', kind: 'database', isLeaf: false, stableId: '1', comment: null, overrides: none, columnsFingerprint: null }], now, null)).values();
    const db = (await repos.objects.findById(dbId!))!;
    const perSchema = TABLES / SCHEMAS;
    for (let s = 1; s <= SCHEMAS; s += 1) {
      const schemaIds = await repos.objects.insertChildren(db, [{ name: `s${s}`, kind: 'schema', isLeaf: false, stableId: `s${s}`, comment: null, overrides: none, columnsFingerprint: null }], now, null);
      const schema = (await repos.objects.findById(schemaIds.get(`s${s}`)!))!;
      const tables = Array.from({ length: perSchema }, (_, i) => {
        const n = (s - 1) * perSchema + i + 1;
        return { name: `t${n}`, kind: 'table', isLeaf: true, stableId: String(n), comment: null, overrides: none, columnsFingerprint: null };
      });
      await repos.objects.insertChildren(schema, tables, now, null);
    }
  });
  await store.close();
  return (performance.now() - start) / 1000;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}
