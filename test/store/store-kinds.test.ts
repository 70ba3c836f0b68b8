import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CrawledColumn } from '../../src/domain/catalog-types.js';
import { CatalogStore } from '../../src/store/catalog-store.js';
import { openPostgresStore, openSqliteStore, type Store } from '../../src/store/database.js';
import { describeEachStore, openStoreOfKind, type StoreKind } from '../helpers/store-kinds.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';

/** What each store kind must do the same way: refuse a newer schema, bulk-write any text and generated columns, count as numbers. */
describeEachStore('the store', (kind) => {
  let dataDir: string;
  let opened: { store: Store; cleanup(): Promise<void> };
  let catalog: CatalogStore;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'warden-kinds-'));
    opened = await openStoreOfKind(kind, dataDir);
    catalog = new CatalogStore(opened.store);
  });
  afterEach(async () => {
    await opened.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const reopen = (k: StoreKind) => (k === 'sqlite' ? openSqliteStore(dataDir) : openPostgresStore(opened.store.databaseUrl!));

  it('refuses to open a store migrated by a newer Warden, naming the migration', async () => {
    await sql`insert into kysely_migration (name, timestamp) values ('999-from-the-future', '2030-01-01T00:00:00.000Z')`.execute(opened.store.db);
    await expect(reopen(kind)).rejects.toMatchObject({ code: 'STORE_TOO_NEW', message: expect.stringMatching(/999-from-the-future.*upgrade Warden/) });
  });

  it('migrates once when several processes open the store at once', async () => {
    const stores = await Promise.all([reopen(kind), reopen(kind), reopen(kind)]);
    await Promise.all(stores.map((s) => s.close()));
    const { rows } = await sql<{ count: number }>`select count(*) as count from kysely_migration`.execute(opened.store.db);
    expect(rows[0]!.count).toBe(Object.keys(MIGRATIONS).length);
  });

  it('bulk-writes text with tabs, newlines, backslashes and quotes as it was, and nulls as null', async () => {
    const now = new Date().toISOString();
    const connection = await catalog.connections.insert({ connectionKey: 'C', technology: 'PostgreSQL', details: {}, secretsCiphertext: null, createdBy: null }, now);
    const root = await catalog.objects.insertRoot(connection.id, 'C', { isActive: true, activateNewChildren: null, dataOwners: null }, now);
    const hostile = 'tab\there\nnew line\r\\N back\\slash "quoted" \'single\' \\t 表';
    const columns: CrawledColumn[] = [
      { name: hostile, ordinal: 1, type: 'text', nullable: true, defaultValue: null, generated: null, comment: hostile },
      { name: 'plain', ordinal: 2, type: 'integer', nullable: false, defaultValue: '\\N', generated: null, comment: null },
      { name: 'virtual', ordinal: 3, type: 'integer', nullable: true, defaultValue: null, generated: { expression: hostile, stored: false }, comment: null },
      { name: 'stored', ordinal: 4, type: 'integer', nullable: true, defaultValue: null, generated: { expression: '`plain` * 2', stored: true }, comment: null },
    ];
    const ids = await catalog.transaction(async (repos) => {
      const inserted = await repos.objects.insertChildren(
        root,
        [
          { name: hostile, kind: 'table', isLeaf: true, stableId: null, comment: hostile, overrides: { isActive: null, activateNewChildren: null, dataOwners: null }, columnsFingerprint: null },
          { name: 'second', kind: 'table', isLeaf: true, stableId: 's', comment: null, overrides: { isActive: false, activateNewChildren: null, dataOwners: null }, columnsFingerprint: 'f' },
        ],
        now,
        null,
      );
      await repos.columns.replace(new Map([[inserted.get(hostile)!, columns]]), true);
      return inserted;
    });
    const table = (await catalog.objects.findById(ids.get(hostile)!))!;
    expect(table).toMatchObject({ name: hostile, comment: hostile, idPath: `${root.idPath}${table.id}/`, depth: 1, isLeaf: true });
    expect((await catalog.objects.findById(ids.get('second')!))!).toMatchObject({ stableId: 's', overrides: { isActive: false }, columnsFingerprint: 'f' });
    expect(await catalog.columns.listFor(table.id)).toEqual(columns);
    expect(await catalog.objects.countChildren([root.id])).toEqual(new Map([[root.id, 2]]));
    expect(await catalog.objects.countSubtree(root)).toBe(3);
  });
});
