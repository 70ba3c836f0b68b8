import pg from 'pg';

/** One source shape the benchmark syncs: tables of `columns` columns spread over `schemas` schemas. */
export interface SourceShape {
  name: string;
  tables: number;
  columns: number;
  schemas: number;
  /** The published object-sync time of the product we replace, when it published one. */
  referenceSeconds: number | null;
}

export const SHAPES: SourceShape[] = [
  { name: '1x50', tables: 1, columns: 50, schemas: 1, referenceSeconds: 0.512 },
  { name: '1000x10', tables: 1_000, columns: 10, schemas: 1, referenceSeconds: 9.38 },
  { name: '10000x50', tables: 10_000, columns: 50, schemas: 1, referenceSeconds: 172.2 },
];
export const LARGE_SHAPE: SourceShape = { name: '100000x50', tables: 100_000, columns: 50, schemas: 10, referenceSeconds: null };

export const BENCH_PASSWORD = 'warden_bench';

export function databaseName(shape: SourceShape): string {
  return `warden_bench_${shape.name}`;
}

/** Each shape has its own role, so a whole-connection sync sees that shape's database only. */
export function roleName(shape: SourceShape): string {
  return `warden_bench_${shape.name}`;
}

/** The superuser URL (as in the tests) pointed at `database`. */
export function adminUrl(database = 'postgres'): URL {
  const url = new URL(process.env.WARDEN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url;
}

export function adminClient(database = 'postgres'): pg.Client {
  return new pg.Client({ connectionString: adminUrl(database).toString(), application_name: 'warden-bench' });
}

/** A fresh, empty database `name` for a Warden store on the tests' PostgreSQL server (dropped first if a run left it). */
export async function createBenchStoreDatabase(name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = async (statement: string) => {
    const client = adminClient();
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  return { url: adminUrl(name).toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * Creates the source database of a shape once; later runs reuse it (a marker comment says it is
 * complete). Tables are `s<k>.t<n>` with columns of a few types; only the bench role may connect.
 */
export async function ensureSource(shape: SourceShape, log: (line: string) => void): Promise<void> {
  const name = databaseName(shape);
  const role = roleName(shape);
  const marker = `warden bench source ${shape.tables}x${shape.columns}/${shape.schemas} v2`;
  const admin = adminClient();
  await admin.connect();
  try {
    await admin.query(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${role} LOGIN PASSWORD '${BENCH_PASSWORD}'; END IF; END $$`);
    const existing = await admin.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [name],
    );
    if (existing.rows[0]?.comment === marker) return;
    log(`creating source database ${name} (${shape.tables} tables x ${shape.columns} columns); reused by later runs`);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.query(`REVOKE CONNECT ON DATABASE ${name} FROM PUBLIC`);
    await admin.query(`GRANT CONNECT ON DATABASE ${name} TO ${role}`);
  } finally {
    await admin.end();
  }
  const db = adminClient(name);
  await db.connect();
  try {
    const perSchema = Math.ceil(shape.tables / shape.schemas);
    for (let s = 1; s <= shape.schemas; s += 1) {
      await db.query(`CREATE SCHEMA s${s}; GRANT USAGE ON SCHEMA s${s} TO ${role}`);
      await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA s${s} GRANT SELECT ON TABLES TO ${role}`);
      const first = (s - 1) * perSchema + 1;
      const last = Math.min(s * perSchema, shape.tables);
      // Server-side loops of 1,000 tables: no round trip per table, and few enough locks per transaction.
      for (let from = first; from <= last; from += 1_000) {
        await db.query(createTablesSql(s, from - first + 1, Math.min(from + 999, last) - first + 1, shape.columns));
      }
      log(`  schema s${s}: ${last - first + 1} tables`);
    }
    await db.query(`COMMENT ON DATABASE ${name} IS '${marker}'`);
  } finally {
    await db.end();
  }
}

function createTablesSql(schema: number, from: number, to: number, columns: number): string {
  return `
    DO $$
    DECLARE cols text;
    BEGIN
      SELECT string_agg(format('c%s %s', i, CASE i % 5 WHEN 0 THEN 'bigint NOT NULL' WHEN 1 THEN 'varchar(64)' WHEN 2 THEN 'numeric(12,2)' WHEN 3 THEN 'timestamptz' ELSE 'text' END), ', ')
        INTO cols FROM generate_series(1, ${columns}) AS i;
      FOR t IN ${from}..${to} LOOP
        EXECUTE format('CREATE TABLE s${schema}.%I (%s)', 't' || t, cols);
      END LOOP;
    END $$`;
}
