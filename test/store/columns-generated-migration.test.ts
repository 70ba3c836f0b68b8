import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import type { CrawledColumn } from '../../src/domain/catalog-types.js';
import { columnsFingerprint } from '../../src/domain/column-diff.js';
import { systemClock } from '../../src/clock.js';
import { CatalogStore } from '../../src/store/catalog-store.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { applyListing } from '../../src/sync/apply.js';
import { claimedApplyContext } from '../helpers/apply-run.js';
import { openOlderStore } from '../helpers/older-store.js';
import { describeEachStore } from '../helpers/store-kinds.js';

const BEFORE_GENERATED = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '006'));

/** Dictionaries written before generated columns were recorded read as ordinary columns and stay unchanged. */
describeEachStore('migration 006-columns-generated on an existing store', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('reads old columns as not generated, and a sync of the same dictionary records no change', async () => {
    const older = await openOlderStore(kind, BEFORE_GENERATED);
    cleanups.push(() => older.cleanup());
    const { db: old, open } = older;
    const columns: CrawledColumn[] = [
      { name: 'id', ordinal: 1, type: 'integer', nullable: false, defaultValue: null, generated: null, comment: null },
      { name: 'note', ordinal: 2, type: 'text', nullable: true, defaultValue: "'x'", generated: null, comment: 'a note' },
    ];
    await sql`insert into connections (connection_key, technology, details_json, created_at, updated_at) values ('Old', 'MariaDB', '{}', '2024-01-01', '2024-01-01')`.execute(old);
    await sql`insert into objects (connection_id, parent_id, id_path, depth, name, kind, is_leaf, created_at, updated_at)
      select id, null, '', 0, 'Old', 'connection', 0, '2024-01-01', '2024-01-01' from connections`.execute(old);
    await sql`insert into objects (connection_id, parent_id, id_path, depth, name, kind, is_leaf, columns_fingerprint, created_at, updated_at)
      select connection_id, id, '', 1, 't', 'table', 1, ${columnsFingerprint(columns)}, '2024-01-01', '2024-01-01' from objects`.execute(old);
    await sql`update objects set id_path = case when parent_id is null then '/' || cast(id as text) || '/' else '/' || cast(parent_id as text) || '/' || cast(id as text) || '/' end`.execute(old);
    await sql`insert into columns (object_id, name, ordinal, type, nullable, default_value, comment)
      select id, 'id', 1, 'integer', 0, null, null from objects where is_leaf = 1
      union all select id, 'note', 2, 'text', 1, '''x''', 'a note' from objects where is_leaf = 1`.execute(old);

    const store = await open();
    try {
      const catalog = new CatalogStore(store);
      const connection = (await catalog.connections.findByKey('Old'))!;
      const root = (await catalog.objects.findRoot(connection.id))!;
      const [table] = await catalog.objects.listChildren(root.id);
      expect(await catalog.columns.listFor(table!.id)).toEqual(columns);

      const context = await claimedApplyContext(catalog, { syncRunId: 'run-1', connectionId: connection.id, connectionKey: 'Old', firstSync: false, leafDepth: 1, clock: systemClock });
      const result = await applyListing(catalog, context, {
        type: 'listing',
        parent: [],
        objects: [{ name: 't', kind: 'table', stableId: null, comment: null, columns }],
      });
      expect(result.counts).toMatchObject({ unchanged: 1, changed: 0 });
    } finally {
      await store.close();
    }
  });
});
