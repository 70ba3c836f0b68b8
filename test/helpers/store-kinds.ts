import { openPostgresStore, openSqliteStore, type Store } from '../../src/store/database.js';
import { ADMIN_URL, PostgresTestContext } from './postgres-server.js';
import { describeUnless, missingServers, type TestServerName } from './server-availability.js';

/** The two stores Warden runs on; store and API suites run once per kind. */
export const STORE_KINDS = ['sqlite', 'postgres'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

/**
 * `describe` once per store kind, the kind in the suite's name. `needs` names the servers the
 * suite uses on every store (a PostgreSQL or MariaDB source); the PostgreSQL store adds
 * PostgreSQL. A run whose servers do not answer is skipped with the reason in its name, or
 * fails under `CI=true` (server-availability.ts). `skipReason` is another server's (a probe of
 * its own, such as Trino's `trinoSkipReason`): non-null skips every kind the same way.
 */
export function describeEachStore(
  name: string,
  body: (kind: StoreKind) => void,
  options: { needs?: readonly TestServerName[]; skipReason?: string | null } = {},
): void {
  for (const kind of STORE_KINDS) {
    const servers: TestServerName[] = [...(options.needs ?? []), ...(kind === 'postgres' ? (['PostgreSQL'] as const) : [])];
    const reasons = [missingServers(servers), options.skipReason ?? null].filter((reason) => reason !== null);
    describeUnless(reasons.length === 0 ? null : reasons.join('; '), `${name} [${kind}]`, () => body(kind));
  }
}

/** The URL of `database` on the test server, as the superuser. */
export function storeUrl(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** A fresh, empty PostgreSQL database for a store; dropped by `cleanup`. */
export async function createStoreDatabase(): Promise<{ url: string; cleanup(): Promise<void> }> {
  const pg = new PostgresTestContext();
  const db = await pg.createDatabase({ label: 'store' });
  return { url: storeUrl(db.name), cleanup: () => pg.cleanup() };
}

/** A migrated store of `kind`: SQLite in `dataDir`, PostgreSQL in a fresh database. */
export async function openStoreOfKind(kind: StoreKind, dataDir: string): Promise<{ store: Store; cleanup(): Promise<void> }> {
  if (kind === 'sqlite') {
    const store = await openSqliteStore(dataDir);
    return { store, cleanup: () => store.close() };
  }
  const database = await createStoreDatabase();
  const store = await openPostgresStore(database.url, { poolSize: 4 });
  return {
    store,
    async cleanup() {
      await store.close();
      await database.cleanup();
    },
  };
}
