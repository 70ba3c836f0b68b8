import { connectionInput, grantCrawlAccess } from './catalog-fixtures.js';
import { MariadbTestContext, mariadbAdmin, mariadbServer, quoteName } from './mariadb-server.js';
import { adminQuery, adminServer, PostgresTestContext, quoteIdent } from './postgres-server.js';
import type { TestServerName } from './server-availability.js';

/**
 * A real source database that a fault suite changes between syncs, the same way for every
 * technology: containers (schemas, or databases) of tables with three columns, and the DDL of
 * the four changes the suite makes (create, drop, rename, retype a column).
 */
export interface FaultSource {
  technology: TestServerName;
  /** Where the real server listens (the proxy forwards there). */
  target: { host: string; port: number };
  /** The depth below the connection of the containers holding tables: the subtrees compared. */
  subtreeDepth: number;
  /** Each container's path below the connection, and the tables in it now. */
  containers: { path: string[]; tables: string[] }[];
  /** The `connection` of a registration that reaches the server at `host:port`. */
  connection(host: string, port: number): Record<string, unknown>;
  create(container: string[], table: string): Promise<void>;
  drop(container: string[], table: string): Promise<void>;
  rename(container: string[], from: string, to: string): Promise<void>;
  /** Gives the `amount` column another type (`variant` picks which). */
  retype(container: string[], table: string, variant: number): Promise<void>;
  cleanup(): Promise<void>;
}

const tableNames = (count: number) => Array.from({ length: count }, (_, i) => `t${String(i + 1).padStart(2, '0')}`);

/** `schemas` schemas of `tables` tables in one PostgreSQL database, crawled by a role the setup grants. */
export async function postgresFaultSource(schemas: number, tables: number): Promise<FaultSource> {
  const pg = new PostgresTestContext();
  const db = await pg.createDatabase({ label: 'fault' });
  const schemaNames = Array.from({ length: schemas }, (_, i) => `s${i + 1}`);
  const sql = (statement: string) => adminQuery(db.name, statement).then(() => undefined);
  const table = ([, schema]: string[], name: string) => `${quoteIdent(schema!)}.${quoteIdent(name)}`;
  for (const schema of schemaNames) {
    await sql(`CREATE SCHEMA ${quoteIdent(schema)}`);
    for (const name of tableNames(tables)) await sql(`CREATE TABLE ${table([db.name, schema], name)} (id bigint NOT NULL, name varchar(40), amount integer)`);
  }
  const role = await pg.createRole({ connect: [db.name] });
  await grantCrawlAccess(db.name, role);
  const types = ['bigint', 'numeric(12,2)', 'text', 'integer'];
  return {
    technology: 'PostgreSQL',
    target: { host: adminServer.host, port: adminServer.port },
    subtreeDepth: 2,
    containers: schemaNames.map((schema) => ({ path: [db.name, schema], tables: tableNames(tables) })),
    connection: (hostname, port) => ({ ...connectionInput(db, role), hostname, port }),
    create: (container, name) => sql(`CREATE TABLE ${table(container, name)} (id bigint NOT NULL, name varchar(40), amount integer)`),
    drop: (container, name) => sql(`DROP TABLE ${table(container, name)}`),
    rename: (container, from, to) => sql(`ALTER TABLE ${table(container, from)} RENAME TO ${quoteIdent(to)}`),
    // USING NULL: the tables are empty, and any type takes a NULL.
    retype: (container, name, variant) => sql(`ALTER TABLE ${table(container, name)} ALTER COLUMN amount TYPE ${types[variant % types.length]} USING NULL`),
    cleanup: () => pg.cleanup(),
  };
}

/** `databases` MariaDB databases of `tables` tables, crawled by a user that sees only them. */
export async function mariadbFaultSource(databases: number, tables: number): Promise<FaultSource> {
  const maria = new MariadbTestContext();
  const names: string[] = [];
  for (let i = 0; i < databases; i += 1) {
    const db = await maria.createDatabase();
    names.push(db);
    const ddl = tableNames(tables).map((name) => `CREATE TABLE ${quoteName(name)} (id bigint NOT NULL, name varchar(40), amount int);`);
    await mariadbAdmin(ddl.join('\n'), [], db);
  }
  const user = await maria.createUser({ visible: names.map((db) => `${quoteName(db)}.*`) });
  const sql = (statement: string) => mariadbAdmin(statement).then(() => undefined);
  const table = ([db]: string[], name: string) => `${quoteName(db!)}.${quoteName(name)}`;
  const types = ['bigint', 'decimal(12,2)', 'varchar(20)', 'int'];
  return {
    technology: 'MariaDB',
    target: { host: mariadbServer.host, port: mariadbServer.port },
    subtreeDepth: 1,
    containers: names.map((db) => ({ path: [db], tables: tableNames(tables) })),
    connection: (hostname, port) => ({
      technology: 'MariaDB',
      hostname,
      port,
      authenticationType: 'userPassword',
      username: user.name,
      password: user.password,
      tls: { mode: 'disable' },
    }),
    create: (container, name) => sql(`CREATE TABLE ${table(container, name)} (id bigint NOT NULL, name varchar(40), amount int)`),
    drop: (container, name) => sql(`DROP TABLE ${table(container, name)}`),
    rename: (container, from, to) => sql(`RENAME TABLE ${table(container, from)} TO ${table(container, to)}`),
    retype: (container, name, variant) => sql(`ALTER TABLE ${table(container, name)} MODIFY amount ${types[variant % types.length]}`),
    cleanup: () => maria.cleanup(),
  };
}
