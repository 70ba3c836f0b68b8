import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import type { CrawledColumn } from '../../src/domain/catalog-types.js';
import { columnsFingerprint } from '../../src/domain/column-diff.js';
import { CatalogStore } from '../../src/store/catalog-store.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { applyListing } from '../../src/sync/apply.js';
import { claimedApplyContext } from '../helpers/apply-run.js';
import { openOlderStore } from '../helpers/older-store.js';
import { describeEachStore } from '../helpers/store-kinds.js';

const BEFORE_COLUMN_IDS = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '009'));

/**
 * Dictionaries stored before column ids were: the first sync that reads ids finds the table
 * unchanged (ids are not in the fingerprint, columns match by name), and no table counts as
 * changed for tags that were never read.
 */
describeEachStore('migration 009-column-ids-and-tag-fingerprints on an existing store', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('reads old columns without ids, and a sync of the same dictionary with ids records no change', async () => {
    const older = await openOlderStore(kind, BEFORE_COLUMN_IDS);
    cleanups.push(() => older.cleanup());
    const { db: old, open } = older;
    const columns: CrawledColumn[] = [{ name: 'id', ordinal: 1, type: 'integer', nullable: false, defaultValue: null, generated: null, comment: null }];
    await sql`insert into connections (connection_key, technology, details_json, created_at, updated_at) values ('Old', 'PostgreSQL', '{}', '2024-01-01', '2024-01-01')`.execute(old);
    await sql`insert into objects (connection_id, parent_id, id_path, depth, name, kind, is_leaf, created_at, updated_at)
      select id, null, '', 0, 'Old', 'connection', 0, '2024-01-01', '2024-01-01' from connections`.execute(old);
    await sql`insert into objects (connection_id, parent_id, id_path, depth, name, kind, is_leaf, stable_id, columns_fingerprint, created_at, updated_at)
      select connection_id, id, '', 1, 't', 'table', 1, '42', ${columnsFingerprint(columns)}, '2024-01-01', '2024-01-01' from objects`.execute(old);
    await sql`update objects set id_path = case when parent_id is null then '/' || cast(id as text) || '/' else '/' || cast(parent_id as text) || '/' || cast(id as text) || '/' end`.execute(old);
    await sql`insert into columns (object_id, name, ordinal, type, nullable) select id, 'id', 1, 'integer', 0 from objects where is_leaf = 1`.execute(old);

    const store = await open();
    try {
      const catalog = new CatalogStore(store);
      const connection = (await catalog.connections.findByKey('Old'))!;
      const [table] = await catalog.objects.listChildren((await catalog.objects.findRoot(connection.id))!.id);
      expect(table!.tagsFingerprint).toBeNull();
      expect(await catalog.columns.listFor(table!.id)).toEqual(columns);

      const context = await claimedApplyContext(catalog, { syncRunId: 'run-1', connectionId: connection.id, connectionKey: 'Old', firstSync: false, leafDepth: 1, clock: systemClock });
      const result = await applyListing(catalog, context, {
        type: 'listing',
        parent: [],
        objects: [{ name: 't', kind: 'table', stableId: '42', comment: null, columns: columns.map((c) => ({ ...c, stableId: '1' })) }],
      });
      expect(result.counts).toMatchObject({ unchanged: 1, changed: 0 });
    } finally {
      await store.close();
    }
  });
});
