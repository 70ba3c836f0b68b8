/**
 * Which database servers the tests can use, probed once per test process when this module is
 * first imported. A suite that needs a server declares it ({@link describeIfServer}, or
 * `describeEachStore(…, { needs })`): when the server does not answer, the suite is skipped
 * with the reason in its name — except under `CI=true`, where it fails instead, so a broken CI
 * database never passes as a green run.
 *
 * Each server is the one at the URL its variable names; pointing a variable at a closed port
 * (`WARDEN_TEST_PG_URL=postgres://postgres@127.0.0.1:1/postgres`) shows what runs without it.
 * Later servers (Trino, Unity Catalog) join {@link TEST_SERVERS} with their probe.
 */
import mysql from 'mysql2/promise';
import pg from 'pg';
import { describe, it } from 'vitest';

const PROBE_TIMEOUT_MS = 3_000;

interface TestServerEntry {
  /** The environment variable that names the server. */
  variable: string;
  /** An administrator URL of the server. */
  url: string;
  /** Resolves when the server answers a query; rejects otherwise. */
  probe(url: string): Promise<void>;
}

export const TEST_SERVERS = {
  PostgreSQL: {
    variable: 'WARDEN_TEST_PG_URL',
    url: process.env.WARDEN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    async probe(url) {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS, application_name: 'warden-test' });
      client.on('error', () => {});
      try {
        await client.connect();
        await client.query('SELECT 1');
      } finally {
        await client.end().catch(() => {});
      }
    },
  },
  MariaDB: {
    variable: 'WARDEN_TEST_MARIADB_URL',
    url: process.env.WARDEN_TEST_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306',
    async probe(url) {
      const connection = await mysql.createConnection({ uri: url, connectTimeout: PROBE_TIMEOUT_MS });
      try {
        await connection.query('SELECT 1');
      } finally {
        await connection.end().catch(() => {});
      }
    },
  },
} satisfies Record<string, TestServerEntry>;

export type TestServerName = keyof typeof TEST_SERVERS;

async function unavailableReason(name: TestServerName): Promise<string | null> {
  const { url, variable, probe } = TEST_SERVERS[name];
  try {
    await probe(url);
    return null;
  } catch (error) {
    const { host } = new URL(url);
    const cause = (error as { code?: string }).code ?? (error as Error).message;
    return `no ${name} at ${host} (${cause}); set ${variable}`;
  }
}

const reasons = Object.fromEntries(
  await Promise.all((Object.keys(TEST_SERVERS) as TestServerName[]).map(async (name) => [name, await unavailableReason(name)] as const)),
) as Record<TestServerName, string | null>;

/** Why `name` cannot be used in this process, or null when it answers. */
export function serverSkipReason(name: TestServerName): string | null {
  return reasons[name];
}

/** Why a suite needing `servers` cannot run (every missing one named), or null when all answer. */
export function missingServers(servers: readonly TestServerName[]): string | null {
  const missing = [...new Set(servers)].map(serverSkipReason).filter((reason): reason is string => reason !== null);
  return missing.length === 0 ? null : missing.join('; ');
}

/**
 * `describe(name, body)` unless `reason` says why it cannot run: then skipped with the reason in
 * its name, or, under `CI=true`, one failing test carrying the reason.
 */
export function describeUnless(reason: string | null, name: string, body: () => void): void {
  if (reason === null) describe(name, body);
  else if (process.env.CI === 'true') {
    describe(name, () => {
      it('has the servers it needs', () => {
        throw new Error(`CI=true but ${reason}`);
      });
    });
  } else describe.skip(`${name} (skipped: ${reason})`, body);
}

/** `describe` for a suite that needs `servers`; see {@link describeUnless}. */
export function describeIfServer(servers: readonly TestServerName[], name: string, body: () => void): void {
  describeUnless(missingServers(servers), name, body);
}
