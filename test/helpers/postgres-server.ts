/**
 * Test access to a real PostgreSQL server: uniquely named throwaway databases and roles, and
 * seed files from `test/db/postgres/`.
 *
 * The server is the one at `WARDEN_TEST_PG_URL` (a superuser URL; default
 * `postgres://postgres@127.0.0.1:5432/postgres`). Suites that need it say so with
 * `describeIfServer(['PostgreSQL'], …)` (server-availability.ts): skipped with the reason when
 * it does not answer, failed under `CI=true`.
 *
 * Names are unique per process and call (`warden_test_<pid>_<n>_<random>`), so parallel vitest
 * workers and repeated runs never collide. The server is shared: a whole-connection crawl sees
 * every database on it, so scope crawls to your database or filter with `shouldDescend`.
 *
 * @example
 * ```ts
 * const pg = new PostgresTestContext();
 * let db: TestDatabase;
 * describeIfServer(['PostgreSQL'], 'my feature', () => {
 *   beforeAll(async () => {
 *     db = await pg.createDatabase({ seed: 'hostile-names.sql' });
 *   });
 *   afterAll(() => pg.cleanup());
 *   it('crawls', async () => {
 *     const connector = createPostgresConnector(pg.connectionDetails({ database: db.name }), timeouts);
 *     // …
 *   });
 * });
 * ```
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { ServerConnectionDetails as ConnectionDetails } from '../../src/connectors/shared/server-connection.js';
import { TEST_SERVERS } from './server-availability.js';

/** The superuser URL the tests administer the server with. */
export const ADMIN_URL = TEST_SERVERS.PostgreSQL.url;

/** Host, port and superuser credentials parsed from {@link ADMIN_URL}. */
export const adminServer = parseUrl(ADMIN_URL);

/** Prefix of every database and role the helpers create. */
export const TEST_NAME_PREFIX = 'warden_test_';

const SEED_DIRECTORY = fileURLToPath(new URL('../db/postgres/', import.meta.url));
const PROBE_TIMEOUT_MS = 3_000;

let nameCounter = 0;

/** A database created by {@link PostgresTestContext.createDatabase}. */
export interface TestDatabase {
  name: string;
  /** `pg_database.oid` as text: the stable id a crawl reports. */
  oid: string;
}

/** A role created by {@link PostgresTestContext.createRole}. */
export interface TestRole {
  name: string;
  password: string;
}

/** Options of {@link PostgresTestContext.createDatabase}. */
export interface CreateDatabaseOptions {
  /** Appended to the generated name; may contain any character (63 bytes in all at most). */
  label?: string;
  /** Seed file(s) from `test/db/postgres/`, run in order as the superuser inside the database. */
  seed?: string | string[];
  /**
   * Keep PostgreSQL's default CONNECT for PUBLIC. Default false: the database is revoked from
   * PUBLIC so restricted roles of other test files do not see it; grant it with
   * `createRole({ connect: [...] })`.
   */
  publicConnect?: boolean;
}

/** Options of {@link PostgresTestContext.createRole}. */
export interface CreateRoleOptions {
  label?: string;
  /** Default true. */
  login?: boolean;
  /** Default: a random one. Use a distinctive value to check that messages never contain it. */
  password?: string;
  /** Databases the role gets CONNECT on. */
  connect?: string[];
  /**
   * Make the server check this role's password: it joins {@link PASSWORD_AUTH_GROUP}, which
   * `.ci/run` puts first in pg_hba.conf with scram-sha-256 (the rest of the server trusts
   * 127.0.0.1). See {@link passwordAuthSkipReason}.
   */
  passwordAuth?: boolean;
}

/** Roles in this group must log in with their password (`.ci/run` sets up pg_hba.conf for it). */
export const PASSWORD_AUTH_GROUP = 'warden_password_auth';

/**
 * Creates databases and roles for one test file and drops them all in {@link cleanup}.
 * Databases are dropped WITH (FORCE), so sessions a test left open do not block cleanup.
 */
export class PostgresTestContext {
  private readonly databases: string[] = [];
  private readonly roles: string[] = [];

  /** Creates a uniquely named database, optionally seeded. */
  async createDatabase(options: CreateDatabaseOptions = {}): Promise<TestDatabase> {
    const name = uniqueName(options.label);
    // Created closed to connections (so no crawl lists it: the crawl skips datallowconn = false)
    // until PUBLIC's CONNECT is revoked: in between, another test file's sync could see it and a
    // later sync report it removed.
    await adminQuery(adminServer.database, `CREATE DATABASE ${quoteIdent(name)} WITH ALLOW_CONNECTIONS false`);
    this.databases.push(name);
    if (options.publicConnect !== true) {
      await adminQuery(adminServer.database, `REVOKE CONNECT ON DATABASE ${quoteIdent(name)} FROM PUBLIC`);
    }
    await adminQuery(adminServer.database, `ALTER DATABASE ${quoteIdent(name)} WITH ALLOW_CONNECTIONS true`);
    for (const file of [options.seed ?? []].flat()) await runSeedFile(name, file);
    const rows = await adminQuery<{ oid: string }>(adminServer.database, 'SELECT oid::text AS oid FROM pg_database WHERE datname = $1', [name]);
    return { name, oid: rows[0]!.oid };
  }

  /** Creates a uniquely named role (LOGIN unless `login: false`) with a password. */
  async createRole(options: CreateRoleOptions = {}): Promise<TestRole> {
    const name = uniqueName(options.label);
    const password = options.password ?? randomBytes(12).toString('hex');
    const login = options.login === false ? 'NOLOGIN' : 'LOGIN';
    await adminQuery(adminServer.database, `CREATE ROLE ${quoteIdent(name)} ${login} PASSWORD ${quoteLiteral(password)}`);
    this.roles.push(name);
    if (options.passwordAuth) await adminQuery(adminServer.database, `GRANT ${PASSWORD_AUTH_GROUP} TO ${quoteIdent(name)}`);
    for (const database of options.connect ?? []) {
      await adminQuery(adminServer.database, `GRANT CONNECT ON DATABASE ${quoteIdent(database)} TO ${quoteIdent(name)}`);
    }
    return { name, password };
  }

  /** Drops `name` at cleanup too: for roles created outside the helper (e.g. by a setup script). */
  trackRole(name: string): void {
    this.roles.push(name);
  }

  /**
   * Connection details for a connector: the superuser by default, or `role`. `database` is the
   * database the connection starts in (`details.database`).
   */
  connectionDetails(options: { database?: string; role?: TestRole } = {}): ConnectionDetails {
    const details: ConnectionDetails = {
      technology: 'PostgreSQL',
      hostname: adminServer.host,
      port: adminServer.port,
      authenticationType: 'userPassword',
      username: options.role?.name ?? adminServer.user,
      password: options.role?.password ?? adminServer.password ?? '',
    };
    if (options.database !== undefined) details.database = options.database;
    return details;
  }

  /** Drops every database, then every role this context created. Safe to call twice. */
  async cleanup(): Promise<void> {
    for (const name of this.databases.splice(0)) {
      await adminQuery(adminServer.database, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    }
    for (const name of this.roles.splice(0)) {
      // DROP OWNED also revokes the role's privileges on shared objects (databases), which
      // would otherwise block DROP ROLE.
      await adminQuery(adminServer.database, `DROP OWNED BY ${quoteIdent(name)}`).catch(() => {});
      await adminQuery(adminServer.database, `DROP ROLE IF EXISTS ${quoteIdent(name)}`);
    }
  }
}

/**
 * Why a wrong password would not be noticed for `role` (created with `passwordAuth: true`), or
 * null when the server checks it. Under `CI=true` an unchecked password throws: CI's server is
 * set up by `.ci/run` to check it.
 */
export async function passwordAuthSkipReason(role: TestRole): Promise<string | null> {
  const probeClient = new pg.Client({
    host: adminServer.host,
    port: adminServer.port,
    user: role.name,
    password: `not-${role.password}`,
    database: adminServer.database,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    application_name: 'warden-test',
  });
  probeClient.on('error', () => {});
  const accepted = await probeClient.connect().then(
    () => true,
    () => false,
  );
  await probeClient.end().catch(() => {});
  if (!accepted) return null;
  const reason = `the server does not check passwords for ${adminServer.host} (no pg_hba.conf rule for +${PASSWORD_AUTH_GROUP}; .ci/run adds it)`;
  if (process.env.CI === 'true') throw new Error(`CI=true but ${reason}`);
  return reason;
}

/** Runs `test/db/postgres/<file>` as the superuser inside `database` (one multi-statement round trip). */
export async function runSeedFile(database: string, file: string): Promise<void> {
  const sql = await readFile(`${SEED_DIRECTORY}${file}`, 'utf8');
  await withAdminClient(database, (client) => client.query(sql));
}

/** Runs one statement as the superuser in `database` and returns its rows. */
export async function adminQuery<Row extends object = Record<string, unknown>>(
  database: string,
  sql: string,
  values: unknown[] = [],
): Promise<Row[]> {
  return withAdminClient(database, async (client) => (await client.query<Row & pg.QueryResultRow>(sql, values)).rows);
}

/**
 * Runs `body` with a superuser client connected to `database`, closed afterwards. Its
 * application_name is `warden-test`, so terminating the connector's sessions (application_name
 * `warden`) never hits it.
 */
export async function withAdminClient<T>(database: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    host: adminServer.host,
    port: adminServer.port,
    user: adminServer.user,
    password: adminServer.password ?? '',
    database,
    application_name: 'warden-test',
  });
  client.on('error', () => {});
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

/** Terminates the server sessions with this application_name (optionally in one database); returns how many. */
export async function terminateSessions(applicationName: string, database?: string): Promise<number> {
  const rows = await adminQuery<{ terminated: boolean }>(
    adminServer.database,
    `SELECT pg_terminate_backend(pid, 5000) AS terminated FROM pg_stat_activity
     WHERE application_name = $1 AND ($2::text IS NULL OR datname = $2) AND pid <> pg_backend_pid()`,
    [applicationName, database ?? null],
  );
  return rows.filter((row) => row.terminated).length;
}

/** A name no other process or call uses: `warden_test_<pid>_<n>_<random>[_<label>]`, at most 63 bytes. */
export function uniqueName(label?: string): string {
  nameCounter += 1;
  const base = `${TEST_NAME_PREFIX}${process.pid}_${nameCounter}_${randomBytes(3).toString('hex')}`;
  const name = label === undefined ? base : `${base}_${label}`;
  if (Buffer.byteLength(name) > 63) throw new Error(`Test object name "${name}" is longer than 63 bytes; shorten the label`);
  return name;
}

/** `"name"` with embedded double quotes doubled. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `'text'` with embedded single quotes doubled (standard_conforming_strings is on). */
export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function parseUrl(url: string): { host: string; port: number; user: string; password?: string; database: string } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  return {
    host: decodeURIComponent(parsed.hostname),
    port: parsed.port === '' ? 5432 : Number(parsed.port),
    user: decodeURIComponent(parsed.username) || 'postgres',
    ...(password === '' ? {} : { password }),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres',
  };
}
