import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { AuthService } from '../../src/services/auth-service.js';
import { FailedLoginLimiter } from '../../src/services/failed-login-limiter.js';
import { CatalogStore } from '../../src/store/catalog-store.js';
import { openSqliteStore } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { sqliteDialect } from '../../src/store/store-dialect.js';

/** A store written by the version before users existed keeps its admin key working. */
describe('migration 002-access on an existing store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'warden-migrate-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('makes the old admin key the key of the built-in admin user', async () => {
    const key = 'wdn_an-admin-key-from-before-users-existed';
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(join(dataDir, 'warden.db')) }) });
    await migrateToLatest(old, sqliteDialect, { '001-catalog': MIGRATIONS['001-catalog']! });
    await sql`insert into api_keys (id, name, prefix, key_hash, permissions_json, created_at)
      values ('k1', 'admin', ${key.slice(0, 8)}, ${createHash('sha256').update(key).digest('hex')}, '["APPLICATION_ADMIN"]', ${new Date().toISOString()})`.execute(old);
    await old.destroy();

    const store = await openSqliteStore(dataDir);
    try {
      const catalog = new CatalogStore(store);
      const auth = new AuthService(catalog, new FailedLoginLimiter(10, 60_000));
      expect(await auth.authenticate(`Bearer ${key}`, '127.0.0.1')).toMatchObject({
        id: 'user:admin',
        name: 'admin',
        permissions: ['APPLICATION_ADMIN', 'GOVERNANCE', 'CREATE_DATA_SOURCE'],
      });
      // The same key configured as WARDEN_ADMIN_API_KEY is recognised, not replaced.
      await auth.ensureAdminKey(dataDir, key);
      expect((await catalog.apiKeys.listByUser('builtin-admin')).map((k) => k.id)).toEqual(['k1']);
    } finally {
      await store.close();
    }
  });
});
