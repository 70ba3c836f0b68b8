/**
 * Test access to a real MariaDB (or MySQL) server: uniquely named throwaway databases and
 * users, and seed files from `test/db/mariadb/`. The MariaDB
 * counterpart of `postgres-server.ts`.
 *
 * The server is the one at `WARDEN_TEST_MARIADB_URL` (an administrator URL; default
 * `mysql://root@127.0.0.1:3306`). Suites that need it say so with
 * `describeIfServer(['MariaDB'], …)` (server-availability.ts): skipped with the reason when it
 * does not answer, failed under `CI=true`.
 *
 * Names are unique per process and call (`warden_test_<pid>_<n>_<random>`), so parallel vitest
 * workers and repeated runs never collide. The server is shared: a whole-connection crawl sees
 * every database on it, so scope crawls to your databases or filter with `shouldDescend`.
 * Users are created `IDENTIFIED BY` a password, so the server checks it (unlike root on
 * 127.0.0.1, whose password is empty).
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import type { ServerConnectionDetails as ConnectionDetails } from '../../src/connectors/shared/server-connection.js';
import { TEST_SERVERS } from './server-availability.js';

/** The administrator URL the tests administer the server with. */
export const MARIADB_ADMIN_URL = TEST_SERVERS.MariaDB.url;

/** Host, port and administrator credentials parsed from {@link MARIADB_ADMIN_URL}. */
export const mariadbServer = parseUrl(MARIADB_ADMIN_URL);

/** Prefix of every database and user the helpers create. */
export const TEST_NAME_PREFIX = 'warden_test_';

const SEED_DIRECTORY = fileURLToPath(new URL('../db/mariadb/', import.meta.url));
let nameCounter = 0;

/** A user created by {@link MariadbTestContext.createUser}. */
export interface TestUser {
  name: string;
  password: string;
}

/** Options of {@link MariadbTestContext.createDatabase}. */
export interface CreateDatabaseOptions {
  /** Appended to the generated name; may contain any character (64 characters in all at most). */
  label?: string;
  /** Seed file(s) from `test/db/mariadb/`, run in order as the administrator inside the database. */
  seed?: string | string[];
}

/** Options of {@link MariadbTestContext.createUser}. */
export interface CreateUserOptions {
  label?: string;
  /** Default: a random one. Use a distinctive value to check that messages never contain it. */
  password?: string;
  /** GRANT statements' objects (`db`.* or `db`.`table`) the user gets REFERENCES on, as the setup script grants. */
  visible?: string[];
}

/** Creates databases and users for one test file and drops them all in {@link cleanup}. */
export class MariadbTestContext {
  private readonly databases: string[] = [];
  private readonly users: string[] = [];

  /** Creates a uniquely named database, optionally seeded. */
  async createDatabase(options: CreateDatabaseOptions = {}): Promise<string> {
    const name = uniqueName(options.label);
    await mariadbAdmin(`CREATE DATABASE ${quoteName(name)} CHARACTER SET utf8mb4`);
    this.databases.push(name);
    for (const file of [options.seed ?? []].flat()) await runMariadbSeed(name, file);
    return name;
  }

  /** Creates a uniquely named user `'name'@'%'` identified by a password the server checks. */
  async createUser(options: CreateUserOptions = {}): Promise<TestUser> {
    const name = uniqueName(options.label);
    const password = options.password ?? randomBytes(12).toString('hex');
    await mariadbAdmin(`CREATE USER ${account(name)} IDENTIFIED BY ${quoteString(password)}`);
    this.users.push(name);
    for (const target of options.visible ?? []) await mariadbAdmin(`GRANT REFERENCES ON ${target} TO ${account(name)}`);
    return { name, password };
  }

  /** Drops `name` at cleanup too: for users created outside the helper (e.g. by a setup script). */
  trackUser(name: string): void {
    this.users.push(name);
  }

  /** Connection details for a connector: the administrator by default, or `user`. */
  connectionDetails(options: { user?: TestUser; database?: string; technology?: string } = {}): ConnectionDetails {
    const details: ConnectionDetails = {
      technology: options.technology ?? 'MariaDB',
      hostname: mariadbServer.host,
      port: mariadbServer.port,
      authenticationType: 'userPassword',
      username: options.user?.name ?? mariadbServer.user,
      password: options.user?.password ?? mariadbServer.password ?? '',
    };
    if (options.database !== undefined) details.database = options.database;
    return details;
  }

  /** Drops every database, then every user this context created. Safe to call twice. */
  async cleanup(): Promise<void> {
    for (const name of this.databases.splice(0)) await mariadbAdmin(`DROP DATABASE IF EXISTS ${quoteName(name)}`);
    for (const name of this.users.splice(0)) await mariadbAdmin(`DROP USER IF EXISTS ${account(name)}`);
  }
}

/** Runs `test/db/mariadb/<file>` as the administrator inside `database` (one multi-statement round trip). */
export async function runMariadbSeed(database: string, file: string): Promise<void> {
  const sql = await readFile(`${SEED_DIRECTORY}${file}`, 'utf8');
  await mariadbAdmin(sql, [], database);
}

/** Runs SQL (several statements allowed) as the administrator, in `database` when given; returns the last result's rows. */
export async function mariadbAdmin<Row = Record<string, unknown>>(sql: string, values: unknown[] = [], database?: string): Promise<Row[]> {
  const connection = await mysql.createConnection({
    host: mariadbServer.host,
    port: mariadbServer.port,
    user: mariadbServer.user,
    password: mariadbServer.password ?? '',
    charset: 'UTF8MB4_UNICODE_CI',
    multipleStatements: true,
    ...(database !== undefined && { database }),
  });
  try {
    const [rows] = await connection.query(sql, values);
    return rows as Row[];
  } finally {
    await connection.end();
  }
}

/** Kills every server connection of `user` (KILL CONNECTION); returns how many. */
export async function killUserConnections(user: string): Promise<number> {
  const rows = await mariadbAdmin<{ ID: number }>('SELECT ID FROM information_schema.PROCESSLIST WHERE USER = ? AND ID <> CONNECTION_ID()', [user]);
  for (const row of rows) await mariadbAdmin(`KILL CONNECTION ${Number(row.ID)}`).catch(() => {});
  return rows.length;
}

/** A name no other process or call uses: `warden_test_<pid>_<n>_<random>[_<label>]`, at most 64 characters. */
export function uniqueName(label?: string): string {
  nameCounter += 1;
  const base = `${TEST_NAME_PREFIX}${process.pid}_${nameCounter}_${randomBytes(3).toString('hex')}`;
  const name = label === undefined ? base : `${base}_${label}`;
  if ([...name].length > 64) throw new Error(`Test object name "${name}" is longer than 64 characters; shorten the label`);
  return name;
}

/** `` `name` `` with embedded backticks doubled. */
export function quoteName(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

/** `'text'` for the server's default sql_mode (backslash escapes on). */
export function quoteString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** `'name'@'%'`. */
export function account(name: string): string {
  return `${quoteString(name)}@'%'`;
}

function parseUrl(url: string): { host: string; port: number; user: string; password?: string } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  return {
    host: decodeURIComponent(parsed.hostname),
    port: parsed.port === '' ? 3306 : Number(parsed.port),
    user: decodeURIComponent(parsed.username) || 'root',
    ...(password === '' ? {} : { password }),
  };
}
