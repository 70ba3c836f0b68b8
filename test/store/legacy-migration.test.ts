import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { CatalogStore } from '../../src/store/catalog-store.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { openOlderStore } from '../helpers/older-store.js';
import { describeEachStore } from '../helpers/store-kinds.js';

const BEFORE_LEGACY = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '010'));

/** Migration 010-legacy: existing data sources are the connections'; integrations and handlers are new rows beside the catalog. */
describeEachStore('migration 010-legacy on an existing store', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('marks every existing data source as a connection one, keeps its id, and removes a handler with its data source', async () => {
    const older = await openOlderStore(kind, BEFORE_LEGACY);
    cleanups.push(() => older.cleanup());
    const { db: old, open } = older;
    await sql`insert into connections (connection_key, technology, details_json, created_at, updated_at) values ('Old', 'PostgreSQL', '{}', '2024-01-01', '2024-01-01')`.execute(old);
    await sql`insert into objects (connection_id, parent_id, id_path, depth, name, kind, is_leaf, created_at, updated_at)
      select id, null, '', 0, 'Old', 'connection', 0, '2024-01-01', '2024-01-01' from connections`.execute(old);
    await sql`insert into objects (connection_id, parent_id, id_path, depth, name, kind, is_leaf, created_at, updated_at)
      select connection_id, id, '', 1, 't', 'table', 1, '2024-01-01', '2024-01-01' from objects`.execute(old);
    await sql`insert into data_sources (id, object_id, created_at) select 70, id, '2024-01-01' from objects where is_leaf = 1`.execute(old);

    const store = await open();
    try {
      const db = store.db;
      expect(await db.selectFrom('data_sources').select(['id', 'origin']).execute()).toEqual([{ id: 70, origin: 'connection' }]);
      await db
        .insertInto('legacy_handlers')
        .values({ data_source_id: 70, name: 'Public Orders', technology: 'PostgreSQL', details_json: '{}', remote_database: 'd', remote_schema: 's', remote_table: 't', created_at: 'x', updated_at: 'x' })
        .execute();
      // The name is unique within the instance, as the legacy API says.
      await expect(
        db.insertInto('legacy_handlers').values({ data_source_id: 70, name: 'Public Orders', technology: 'PostgreSQL', details_json: '{}', remote_database: null, remote_schema: null, remote_table: 't', created_at: 'x', updated_at: 'x' }).execute(),
      ).rejects.toThrow();
      await db.deleteFrom('data_sources').where('id', '=', 70).execute();
      expect(await db.selectFrom('legacy_handlers').selectAll().execute()).toEqual([]);

      const catalog = new CatalogStore(store);
      const integration = await catalog.integrations.insert({ technology: 'MariaDB', status: 'creating', details: { hostname: 'h' }, secretsCiphertext: null, createdBy: null }, '2024-01-02T00:00:00.000Z');
      await catalog.integrations.settle(integration.id, 'enabled', { status: 'passed', validationTests: [] }, '2024-01-02T00:00:01.000Z');
      expect(await catalog.integrations.findById(integration.id)).toMatchObject({ status: 'enabled', details: { hostname: 'h' }, validationResults: { status: 'passed' } });
    } finally {
      await store.close();
    }
  });
});
