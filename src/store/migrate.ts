import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { WardenError } from '../errors.js';
import { MIGRATIONS, type StoreMigration } from './migrations/index.js';
import type { StoreDialect } from './store-dialect.js';

/**
 * Brings the store up to this version's schema. Kysely's migrator takes a lock, so several
 * processes starting at once migrate once. A store migrated by a newer Warden is refused
 * before anything runs.
 */
export async function migrateToLatest(
  db: Kysely<unknown>,
  dialect: StoreDialect,
  migrations: Readonly<Record<string, StoreMigration>> = MIGRATIONS,
): Promise<void> {
  await refuseNewerStore(db, migrations);
  const provider: MigrationProvider = {
    getMigrations: async () =>
      Object.fromEntries(
        Object.entries(migrations).map(([name, m]): [string, Migration] => [name, { up: (trx) => m.up(trx, dialect) }]),
      ),
  };
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error;
}

async function refuseNewerStore(db: Kysely<unknown>, migrations: Readonly<Record<string, StoreMigration>>) {
  // Kysely leaves its own tables out of introspection unless asked.
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return;
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const unknown = rows.map((r) => r.name).filter((name) => !(name in migrations));
  if (unknown.length > 0) throw new WardenError('STORE_TOO_NEW', { migration: unknown.sort().at(-1) ?? '' });
}
