import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SEED_MARKER } from './demo-seed.js';
import { startDemoWarehouse, type DemoWarehouse } from './demo-warehouse.js';

const SCHEMAS = ['finance', 'hr', 'marketing', 'sales'];

function clientFor(warehouse: DemoWarehouse): pg.Client {
  return new pg.Client({
    host: warehouse.host,
    port: warehouse.port,
    database: warehouse.database,
    user: warehouse.username,
    password: warehouse.password,
    connectionTimeoutMillis: 5_000,
  });
}

async function withClient<T>(warehouse: DemoWarehouse, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = clientFor(warehouse);
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

describe('demo warehouse in memory', () => {
  let warehouse: DemoWarehouse;

  beforeAll(async () => {
    warehouse = await startDemoWarehouse({ port: 0 });
  }, 60_000);

  afterAll(async () => {
    await warehouse?.stop();
  });

  it('listens on a picked port of 127.0.0.1 with the postgres superuser', async () => {
    expect(warehouse).toMatchObject({ host: '127.0.0.1', database: 'postgres', username: 'postgres' });
    expect(warehouse.port).toBeGreaterThan(0);
    const { rows } = await withClient(warehouse, (client) =>
      client.query('SELECT current_user AS "user", current_database() AS database'),
    );
    expect(rows).toEqual([{ user: 'postgres', database: 'postgres' }]);
  });

  it('serves several pg clients at once, each getting its own answers', async () => {
    const clients = Array.from({ length: 6 }, () => clientFor(warehouse));
    await Promise.all(clients.map((client) => client.connect()));
    try {
      const perClient = await Promise.all(
        clients.map(async (client, c) => {
          const answers: Array<{ id: number; tables: number } | undefined> = [];
          for (let q = 0; q < 10; q++) {
            const { rows } = await client.query<{ id: number; tables: number }>(
              `SELECT $1::int AS id, count(*)::int AS tables
                 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ANY($2::text[]) AND c.relkind = 'r'`,
              [c * 100 + q, SCHEMAS],
            );
            answers.push(rows[0]);
          }
          return answers;
        }),
      );
      const answers = perClient.flat();
      expect(answers.map((row) => row?.id)).toEqual(
        clients.flatMap((_, c) => Array.from({ length: 10 }, (_, q) => c * 100 + q)),
      );
      expect(new Set(answers.map((row) => row?.tables))).toEqual(new Set([26]));
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });

  it('serves a pg pool of eight', async () => {
    const pool = new pg.Pool({
      host: warehouse.host,
      port: warehouse.port,
      database: warehouse.database,
      user: warehouse.username,
      password: warehouse.password,
      max: 8,
    });
    try {
      const results = await Promise.all(
        Array.from({ length: 24 }, (_, i) => pool.query<{ i: number }>('SELECT $1::int AS i', [i])),
      );
      expect(results.map((result) => result.rows[0]?.i)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    } finally {
      await pool.end();
    }
  });

  it('lists the postgres database as connectable, with the seed marker as its comment', async () => {
    const { rows } = await withClient(warehouse, (client) =>
      client.query(
        `SELECT d.datname, d.datallowconn, d.datistemplate,
                has_database_privilege(d.datname, 'CONNECT') AS can_connect,
                shobj_description(d.oid, 'pg_database') AS comment
           FROM pg_database d ORDER BY d.datname`,
      ),
    );
    expect(rows).toContainEqual({
      datname: 'postgres',
      datallowconn: true,
      datistemplate: false,
      can_connect: true,
      comment: DEMO_SEED_MARKER,
    });
  });

  it('shows the business schemas with comments and usage privilege', async () => {
    const { rows } = await withClient(warehouse, (client) =>
      client.query(
        `SELECT n.nspname, obj_description(n.oid, 'pg_namespace') AS comment,
                has_schema_privilege(n.oid, 'USAGE') AS usable
           FROM pg_namespace n
          WHERE n.nspname !~ '^pg_' AND n.nspname NOT IN ('information_schema', 'public')
          ORDER BY n.nspname`,
      ),
    );
    expect(rows.map((row) => row.nspname)).toEqual(SCHEMAS);
    for (const row of rows) {
      expect(row.comment).toMatch(/\w/);
      expect(row.usable).toBe(true);
    }
  });

  it('shows 26 tables, 3 views and 2 materialized views, all commented and readable', async () => {
    const { rows } = await withClient(warehouse, (client) =>
      client.query(
        `SELECT n.nspname, c.relname, c.relkind, d.description,
                has_any_column_privilege(c.oid, 'SELECT') AS readable
           FROM pg_class c
           JOIN pg_namespace n ON n.oid = c.relnamespace
           LEFT JOIN pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
          WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
          ORDER BY n.nspname, c.relname`,
        [SCHEMAS],
      ),
    );
    const count = (kind: string) => rows.filter((row) => row.relkind === kind).length;
    expect({ r: count('r'), v: count('v'), m: count('m') }).toEqual({ r: 26, v: 3, m: 2 });
    expect(rows.filter((row) => !row.description || !row.readable)).toEqual([]);
    expect(rows).toContainEqual(expect.objectContaining({ nspname: 'sales', relname: 'daily_revenue', relkind: 'm' }));
    expect(rows).toContainEqual(expect.objectContaining({ nspname: 'hr', relname: 'employee_directory', relkind: 'v' }));
  });

  it('shows columns with realistic types, defaults, not-nulls and comments', async () => {
    const { rows } = await withClient(warehouse, (client) =>
      client.query(
        `SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS data_type,
                a.attnotnull AS not_null, pg_get_expr(ad.adbin, ad.adrelid) AS default_expr,
                a.attidentity AS identity, a.attgenerated AS generated, d.description
           FROM pg_attribute a
           JOIN pg_class c ON c.oid = a.attrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace
           LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
           LEFT JOIN pg_description d ON d.objoid = a.attrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum
          WHERE n.nspname = $1 AND a.attnum > 0 AND NOT a.attisdropped
          ORDER BY c.relname, a.attnum`,
        ['sales'],
      ),
    );
    const column = (table: string, name: string) =>
      rows.find((row) => row.relname === table && row.attname === name);

    expect(column('orders', 'subtotal')).toMatchObject({ data_type: 'numeric(12,2)', not_null: true });
    expect(column('orders', 'ordered_at')).toMatchObject({
      data_type: 'timestamp with time zone',
      default_expr: 'now()',
      description: 'Checkout time',
    });
    expect(column('orders', 'status')).toMatchObject({ data_type: 'sales.order_status', default_expr: "'pending'::sales.order_status" });
    expect(column('orders', 'currency')).toMatchObject({ data_type: 'finance.currency_code' });
    expect(column('orders', 'order_id')).toMatchObject({ data_type: 'bigint', identity: 'a', default_expr: null });
    expect(column('customers', 'email')).toMatchObject({ data_type: 'character varying(255)', not_null: true });
    expect(column('customers', 'tags')).toMatchObject({ data_type: 'text[]', default_expr: "'{}'::text[]" });
    expect(column('customers', 'phone')).toMatchObject({ not_null: false });
    expect(column('products', 'attributes')).toMatchObject({ data_type: 'jsonb', default_expr: "'{}'::jsonb" });
    expect(column('products', 'product_id')?.default_expr).toMatch(/^nextval\('sales\.products_product_id_seq'::regclass\)$/);
    expect(column('order_items', 'line_total')).toMatchObject({
      generated: 's',
      default_expr: '((quantity)::numeric * unit_price)',
    });
    expect(column('order_summary', 'order_total')?.description).toBe('subtotal - discount + tax');
  });

  it('has a few rows of data, including in the materialized views', async () => {
    const { rows } = await withClient(warehouse, (client) =>
      client.query(
        `SELECT (SELECT count(*) FROM sales.customers)::int AS customers,
                (SELECT count(*) FROM sales.orders)::int AS orders,
                (SELECT count(*) FROM hr.employee_directory)::int AS directory,
                (SELECT count(*) FROM sales.daily_revenue)::int AS daily_revenue,
                (SELECT count(*) FROM marketing.campaign_performance)::int AS campaigns`,
      ),
    );
    expect(rows).toEqual([{ customers: 5, orders: 5, directory: 4, daily_revenue: 5, campaigns: 3 }]);
  });
});

describe('demo warehouse persisted under a data directory', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'warden-demo-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps its data across a restart and seeds only once', async () => {
    const first = await startDemoWarehouse({ port: 0, dataDir });
    try {
      await expect(startDemoWarehouse({ dataDir })).rejects.toThrow(/already running/);
      await withClient(first, (client) =>
        client.query(`INSERT INTO sales.sales_regions VALUES ('APAC', 'Asia Pacific', '{JP,AU}')`),
      );
    } finally {
      await first.stop();
      await first.stop();
    }
    expect(await readdir(join(dataDir, 'demo-warehouse'))).toEqual(['pgdata']);

    const second = await startDemoWarehouse({ port: 0, dataDir });
    try {
      const { rows } = await withClient(second, (client) =>
        client.query(
          `SELECT (SELECT count(*) FROM sales.sales_regions)::int AS regions,
                  (SELECT count(*) FROM sales.customers)::int AS customers,
                  EXISTS (SELECT 1 FROM sales.sales_regions WHERE region_code = 'APAC') AS kept`,
        ),
      );
      expect(rows).toEqual([{ regions: 4, customers: 5, kept: true }]);
    } finally {
      await second.stop();
    }
  }, 60_000);

  it('refuses connections once stopped', async () => {
    const warehouse = await startDemoWarehouse({ port: 0, dataDir });
    await warehouse.stop();
    await expect(withClient(warehouse, async () => undefined)).rejects.toThrow(/ECONNREFUSED/);
  }, 60_000);
});
