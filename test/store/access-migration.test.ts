import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { AuthService } from '../../src/services/auth-service.js';
import { FailedLoginLimiter } from '../../src/services/failed-login-limiter.js';
import { CatalogStore } from '../../src/store/catalog-store.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { openOlderStore } from '../helpers/older-store.js';
import { describeEachStore } from '../helpers/store-kinds.js';

/** A store written by the version before users existed keeps its admin key working. */
describeEachStore('migration 002-access on an existing store', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('makes the old admin key the key of the built-in admin user', async () => {
    const key = 'wdn_an-admin-key-from-before-users-existed';
    const older = await openOlderStore(kind, { '001-catalog': MIGRATIONS['001-catalog']! });
    cleanups.push(() => older.cleanup());
    const old = older.db;
    await sql`insert into api_keys (id, name, prefix, key_hash, permissions_json, created_at)
      values ('k1', 'admin', ${key.slice(0, 8)}, ${createHash('sha256').update(key).digest('hex')}, '["APPLICATION_ADMIN"]', ${new Date().toISOString()})`.execute(old);
    // Catalog data written by the old version: a connection with its root and one table.
    await sql`insert into connections (connection_key, technology, details_json, created_at, updated_at) values ('Old', 'PostgreSQL', '{"hostname":"h"}', '2024-01-01', '2024-01-01')`.execute(old);
    await sql`insert into objects (connection_id, parent_id, id_path, depth, name, kind, is_leaf, is_active, created_at, updated_at)
      select id, null, '', 0, 'Old', 'connection', 0, 1, '2024-01-01', '2024-01-01' from connections`.execute(old);
    await sql`update objects set id_path = '/' || cast(id as text) || '/'`.execute(old);

    const store = await older.open();
    try {
      const catalog = new CatalogStore(store);
      const auth = new AuthService(catalog, new FailedLoginLimiter(catalog.authFailures, 10, 60_000), systemClock);
      expect(await auth.authenticate(`Bearer ${key}`, '127.0.0.1')).toMatchObject({
        id: 'user:admin',
        name: 'admin',
        // Its stored row predates USER_ADMIN; the built-in admin holds every permission all the same.
        permissions: ['APPLICATION_ADMIN', 'GOVERNANCE', 'CREATE_DATA_SOURCE', 'USER_ADMIN'],
      });
      // The same key configured as WARDEN_ADMIN_API_KEY is recognised, not replaced.
      await auth.ensureAdminKey(older.dataDir, key);
      expect((await catalog.apiKeys.listByUser('builtin-admin')).map((k) => k.id)).toEqual(['k1']);
      const connection = (await catalog.connections.findByKey('Old'))!;
      expect(connection.details).toEqual({ hostname: 'h' });
      expect(await catalog.objects.findRoot(connection.id)).toMatchObject({ name: 'Old', depth: 0, overrides: { isActive: true } });
    } finally {
      await store.close();
    }
  });
});
