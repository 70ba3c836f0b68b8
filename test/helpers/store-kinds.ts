import { describe } from 'vitest';
import { openPostgresStore, openSqliteStore, type Store } from '../../src/store/database.js';
import { ADMIN_URL, PostgresTestContext, skipReason } from './postgres-server.js';

/** The two stores Warden runs on; store and API suites run once per kind. */
export const STORE_KINDS = ['sqlite', 'postgres'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

/**
 * `describe` once per store kind, the kind in the suite's name. The PostgreSQL run is skipped
 * (reason in its name) when the test server does not answer — never under `CI=true`, where
 * postgres-server.ts already failed the import. `options.skip`, the skip reason of a server the
 * suite needs on every store (a source database), skips both runs when it is not null.
 */
export function describeEachStore(name: string, body: (kind: StoreKind) => void, options: { skip?: string | null } = {}): void {
  for (const kind of STORE_KINDS) {
    const reason = options.skip ?? (kind === 'postgres' ? skipReason : null);
    if (reason !== null) describe.skip(`${name} [${kind}] (skipped: ${reason})`, () => body(kind));
    else describe(`${name} [${kind}]`, () => body(kind));
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
