import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
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

/** Writes `count` catalog-like rows into a fresh store of one kind with no logic; returns seconds. */
export type BulkWriteFloor = (count: number) => Promise<number>;

export async function measureFloor(shape: SourceShape, bulkWrite: BulkWriteFloor): Promise<Floor> {
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
  const writeSeconds = await bulkWrite(tables + rows.length);
  return { readSeconds, writeSeconds, rows: tables + rows.length };
}

/** Writes `count` catalog-like rows into a fresh SQLite file: one transaction, one prepared statement. */
export async function sqliteBulkWrite(count: number): Promise<number> {
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

/** Writes `count` catalog-like rows into a fresh table of the PostgreSQL store's server with COPY. */
export async function postgresBulkWrite(url: string, count: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('create temporary table floor_rows (object_id bigint, name text, ordinal int, type text, nullable int, default_value text, comment text, primary key (object_id, name))');
    const start = performance.now();
    await client.query('begin');
    const stream = client.query(copyFrom('copy floor_rows from stdin'));
    const chunk: string[] = [];
    for (let i = 0; i < count; i += 1) {
      chunk.push(`${Math.floor(i / 50)}\tc${i % 50}\t${i % 50}\tnumeric(12,2)\t1\t\\N\t\\N\n`);
      if (chunk.length === 10_000 && !stream.write(chunk.splice(0).join(''))) await once(stream, 'drain');
    }
    stream.end(chunk.join(''));
    await finished(stream);
    await client.query('commit');
    return (performance.now() - start) / 1000;
  } finally {
    await client.end();
  }
}
