import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { CopyRows } from './bulk-writer.js';
import { statementNameOf } from './prepared-query.js';

/** OIDs whose text pg hands over as strings by default. */
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * A pg pool for the store. Counts (`count(*)` is bigint) come back as numbers, like SQLite's,
 * so the same row mapping serves both dialects; the store never holds integers beyond 2^53.
 * Its clients run a `COPY … FROM STDIN` query whose parameter is {@link CopyRows} by
 * streaming those rows — how the bulk writer reaches the transaction's own connection — and
 * the texts of prepared queries (prepared-query.ts) as named statements.
 */
export function createStorePool(connectionString: string, max = 10): pg.Pool {
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
      return pg.types.getTypeParser(oid, format);
    }) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString, max, types, application_name: 'warden-store' });
  // An idle client's error (the server restarted) must not crash the process; the next query fails instead.
  pool.on('error', () => {});
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  return Object.assign(pool, { connect: async () => copyAwareClient(await connect()) }) as pg.Pool;
}

function copyAwareClient(client: pg.PoolClient): pg.PoolClient {
  const marked = client as pg.PoolClient & { wardenCopyAware?: true };
  if (marked.wardenCopyAware) return client;
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  marked.wardenCopyAware = true;
  (marked as { query: unknown }).query = (...args: unknown[]) => {
    const [text, values] = args;
    if (typeof text === 'string' && Array.isArray(values) && values.length === 1 && values[0] instanceof CopyRows) {
      return copy(client, text, values[0]);
    }
    const name = typeof text === 'string' && args.length === 2 ? statementNameOf(text) : undefined;
    if (name) return query({ name, text, values });
    return query(...args);
  };
  return client;
}

async function copy(client: pg.PoolClient, text: string, rows: CopyRows): Promise<{ command: string; rowCount: number; rows: [] }> {
  const stream = client.query(copyFrom(text));
  const done = pipeline(copyText(rows.rows), stream as unknown as Writable);
  await done;
  return { command: 'COPY', rowCount: stream.rowCount ?? 0, rows: [] };
}

/** The rows in COPY's text format, in chunks of about 64 kB. */
async function* copyText(rows: Iterable<readonly unknown[]>): AsyncGenerator<string> {
  let chunk = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i++) {
      if (i > 0) line += '\t';
      line += copyValue(row[i]);
    }
    chunk += `${line}\n`;
    if (chunk.length > 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : text;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
