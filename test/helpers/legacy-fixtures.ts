import { grantCrawlAccess, quoteIdent, sqlIn } from './catalog-fixtures.js';
import { mariadbAdmin, mariadbServer, quoteName, type MariadbTestContext, type TestUser } from './mariadb-server.js';
import { adminQuery, adminServer, type PostgresTestContext, type TestDatabase, type TestRole } from './postgres-server.js';
import type { TestServer } from './test-server.js';

/** One registered legacy data source, as the handler route answered. */
export interface LegacyTable {
  schema: string;
  table: string;
  /** The handler id. */
  id: number;
  dataSourceId: number;
  name: string;
  schemaEvolutionId: number;
}

/** A legacy setup built through the API only: a real source, and its tables registered with one handler route call. */
export interface LegacySetup {
  /** The handler path prefix (`pg`, `mariadb`, `trino`). */
  prefix: string;
  database: string;
  connectionString: string;
  tables: LegacyTable[];
  /** The `handler[].metadata` of a table of this source (for more registrations or edits). */
  metadata(schema: string, table: string, extra?: Record<string, unknown>): Record<string, unknown>;
  /** The registered table `schema.table`. */
  table(schema: string, table: string): LegacyTable;
}

export interface LegacySetupOptions {
  /** Remote schema → its tables (created with `id int, name text`); MariaDB: one "schema", the database. */
  schemas: Record<string, string[]>;
  /** The data source names: `<prefix>` + schema + table by default (unique across test files). */
  name?: (schema: string, table: string) => string;
  /** The request's other fields (`dataSource`, `schemaEvolution`). */
  body?: Record<string, unknown>;
  /** The API key to register with (the admin's by default). */
  apiKey?: string;
}

/**
 * Creates a PostgreSQL database with `options.schemas` and a role that may read it, then
 * registers every table with one `POST /pg/handler` (the array form). Throws unless it answers 200.
 */
export async function legacyPostgresSetup(server: TestServer, pg: PostgresTestContext, options: LegacySetupOptions): Promise<LegacySetup & { db: TestDatabase; role: TestRole }> {
  const db = await pg.createDatabase();
  for (const [schema, tables] of Object.entries(options.schemas)) {
    await sqlIn(db, `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    for (const table of tables) await sqlIn(db, `CREATE TABLE ${quoteIdent(schema)}.${quoteIdent(table)} (id int, name text)`);
  }
  const role = await pg.createRole({ connect: [db.name] });
  await grantCrawlAccess(db.name, role);
  const metadata = (schema: string, table: string, extra: Record<string, unknown> = {}) => ({
    hostname: adminServer.host,
    port: adminServer.port,
    database: db.name,
    schema,
    table,
    username: role.name,
    password: role.password,
    tls: { mode: 'disable' },
    ...extra,
  });
  const setup = await register(server, 'pg', db.name, options, metadata);
  return { ...setup, db, role };
}

/**
 * Creates a MariaDB database with the tables of `options.schemas` (all in the database: MariaDB
 * has no schemas) and a user that sees it, then registers every table with one `POST /mariadb/handler`.
 */
export async function legacyMariadbSetup(server: TestServer, maria: MariadbTestContext, options: LegacySetupOptions): Promise<LegacySetup & { user: TestUser }> {
  const database = await maria.createDatabase();
  for (const table of Object.values(options.schemas).flat()) await mariadbAdmin(`CREATE TABLE ${quoteName(database)}.${quoteName(table)} (id int, name text)`);
  const user = await maria.createUser({ visible: [`${quoteName(database)}.*`] });
  const metadata = (_schema: string, table: string, extra: Record<string, unknown> = {}) => ({
    hostname: mariadbServer.host,
    port: mariadbServer.port,
    database,
    table,
    username: user.name,
    password: user.password,
    tls: { mode: 'disable' },
    ...extra,
  });
  const schemas = { [database]: Object.values(options.schemas).flat() };
  const setup = await register(server, 'mariadb', database, { ...options, schemas }, metadata);
  return { ...setup, user };
}

/**
 * Creates the schemas and tables of `options.schemas` in `target.pgDatabase`, the PostgreSQL
 * database the Trino catalog `target.catalog` reads (the caller names schemas no other test
 * uses, and drops them), then registers every table with one `POST /trino/handler`;
 * `connection` is the Trino connection fields (host, port, TLS, credentials).
 */
export async function legacyTrinoSetup(
  server: TestServer,
  connection: Record<string, unknown>,
  target: { catalog: string; pgDatabase: string },
  options: LegacySetupOptions,
): Promise<LegacySetup> {
  for (const [schema, tables] of Object.entries(options.schemas)) {
    await adminQuery(target.pgDatabase, `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    for (const table of tables) await adminQuery(target.pgDatabase, `CREATE TABLE ${quoteIdent(schema)}.${quoteIdent(table)} (id int, name text)`);
  }
  const metadata = (schema: string, table: string, extra: Record<string, unknown> = {}) => ({ ...connection, database: target.catalog, schema, table, ...extra });
  return register(server, 'trino', target.catalog, options, metadata);
}

async function register(
  server: TestServer,
  prefix: string,
  database: string,
  options: LegacySetupOptions,
  metadata: LegacySetup['metadata'],
): Promise<LegacySetup> {
  const name = options.name ?? ((schema: string, table: string) => `${database} ${schema} ${table}`);
  const entries = Object.entries(options.schemas).flatMap(([schema, tables]) => tables.map((table) => ({ schema, table })));
  const handler = entries.map(({ schema, table }) => ({ metadata: metadata(schema, table, { dataSourceName: name(schema, table) }) }));
  const response = await server.request('POST', `/${prefix}/handler`, { ...options.body, handler }, options.apiKey === undefined ? {} : { apiKey: options.apiKey });
  if (response.status !== 200) throw new Error(`POST /${prefix}/handler answered ${response.status}: ${JSON.stringify(response.body)}`);
  const answers = response.body as { id: number; dataSourceId: number; name: string; connectionString: string; schemaEvolutionId: number }[];
  const tables = entries.map(({ schema, table }) => {
    const answer = answers.find((a) => a.name === name(schema, table))!;
    return { schema, table, id: answer.id, dataSourceId: answer.dataSourceId, name: answer.name, schemaEvolutionId: answer.schemaEvolutionId };
  });
  return {
    prefix,
    database,
    connectionString: answers[0]!.connectionString,
    tables,
    metadata,
    table: (schema, table) => {
      const found = tables.find((t) => t.schema === schema && t.table === table);
      if (!found) throw new Error(`${schema}.${table} is not registered in this setup`);
      return found;
    },
  };
}
