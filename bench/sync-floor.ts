import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { BENCH_PASSWORD, databaseName, roleName, type SourceShape } from './bench-sources.js';

/** The floor of a sync: reading the catalog rows raw, and writing as many rows with no logic. */
export interface Floor {
  readSeconds: number;
  writeSeconds: number;
  rows: number;
}

/** One raw pg_catalog query for every table and column of the database, as the bench role. */
const RAW_CATALOG = `
  SELECT c.relname, a.attname, a.attnum, format_type(a.atttypid, a.atttypmod), a.attnotnull
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname NOT LIKE 'pg_toast%' AND has_any_column_privilege(c.oid, 'SELECT')`;

export async function measureFloor(shape: SourceShape): Promise<Floor> {
  const database = databaseName(shape);
  const client = new pg.Client({ host: '127.0.0.1', port: 5432, user: roleName(shape), password: BENCH_PASSWORD, database });
  await client.connect();
  let rows: unknown[][];
  const readStart = performance.now();
  try {
    rows = (await client.query({ text: RAW_CATALOG, rowMode: 'array' })).rows;
  } finally {
    await client.end();
  }
  const readSeconds = (performance.now() - readStart) / 1000;
  const tables = new Set(rows.map((r) => r[0])).size;
  const writeSeconds = sqliteBulkWrite(tables + rows.length);
  return { readSeconds, writeSeconds, rows: tables + rows.length };
}

/** Writes `count` catalog-like rows into a fresh SQLite file: one transaction, one prepared statement. */
function sqliteBulkWrite(count: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'warden-floor-'));
  const db = new SQLite(join(dir, 'floor.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('create table rows (object_id integer, name text, ordinal integer, type text, nullable integer, default_value text, comment text, primary key (object_id, name))');
    const insert = db.prepare('insert into rows values (?, ?, ?, ?, ?, ?, ?)');
    const start = performance.now();
    db.transaction(() => {
      for (let i = 0; i < count; i += 1) insert.run(Math.floor(i / 50), `c${i % 50}`, i % 50, 'numeric(12,2)', 1, null, null);
    })();
    return (performance.now() - start) / 1000;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
