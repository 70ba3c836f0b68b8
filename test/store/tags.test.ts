import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import type { CrawledObject } from '../../src/domain/catalog-types.js';
import { CatalogService } from '../../src/services/catalog-service.js';
import { DataSourceService } from '../../src/services/data-source-service.js';
import { TagService } from '../../src/services/tag-service.js';
import { CatalogStore } from '../../src/store/catalog-store.js';
import type { NewTag } from '../../src/store/repositories/tag-repository.js';
import { listedConnection } from '../helpers/apply-run.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { openTempStore } from '../helpers/temp-store.js';

/** The tag store (migration 008, TagRepository): tags ride with their object's id and go with it, on both stores. */
describeEachStore('tag store', (kind) => {
  describe('on a catalog fed by listings', () => {
    let temp: Awaited<ReturnType<typeof openTempStore>>;
    let store: CatalogStore;
    let catalog: CatalogService;
    let connectionId: number;

    const table = (name: string, stableId = name): CrawledObject => ({
      name,
      kind: 'table',
      stableId,
      comment: null,
      columns: [{ name: 'email', ordinal: 1, type: 'text', nullable: true, defaultValue: null, generated: null, comment: null }],
    });
    const container = (kind: string, name: string): CrawledObject => ({ name, kind, stableId: name, comment: null });
    let list: Awaited<ReturnType<typeof listedConnection>>['list'];
    const leaf = async (schema: string, name: string) => (await store.objects.findChain(connectionId, ['db', schema, name]))!.at(-1)!;
    const tag = (objectId: number, name: string, column: string | null = null): NewTag => ({
      objectId,
      column,
      name,
      value: null,
      source: 'user',
      addedBy: 'user:admin',
      addedAt: '2026-01-01T00:00:00.000Z',
    });
    const tagRows = async () => (await store.store.db.selectFrom('tags').select('id').execute()).length;

    beforeEach(async () => {
      temp = await openTempStore(kind);
      store = temp.catalog;
      catalog = new CatalogService(store);
      ({ connectionId, list } = await listedConnection(store, systemClock));
      await list([], [container('database', 'db')]);
      await list(['db'], [container('schema', 's1'), container('schema', 's2')]);
      await list(['db', 's1'], [table('a'), table('b')]);
    });
    afterEach(async () => temp.close());

    it('stores, lists, updates and deletes tags on objects and columns, one query for many objects', async () => {
      const a = await leaf('s1', 'a');
      const b = await leaf('s1', 'b');
      await store.tags.insert([tag(a.id, 'PII.Email', 'email'), tag(a.id, 'Finance'), tag(b.id, 'Finance'), { ...tag(a.id, 'Finance'), source: 'platform', addedBy: null, value: 'cc-1' }]);
      const listed = await store.tags.listFor(a.id);
      expect(listed.map((t) => [t.column, t.source, t.name, t.value])).toEqual([
        [null, 'platform', 'Finance', 'cc-1'],
        [null, 'user', 'Finance', null],
        ['email', 'user', 'PII.Email', null],
      ]);
      const many = await store.tags.listForObjects([a.id, b.id], { objectOnly: true });
      expect(many.get(a.id)!.map((t) => t.name)).toEqual(['Finance', 'Finance']);
      expect(many.get(b.id)!.map((t) => t.name)).toEqual(['Finance']);
      await store.tags.updateValue(listed[1]!.id, 'v2');
      await store.tags.delete([listed[0]!.id]);
      expect((await store.tags.listFor(a.id)).map((t) => [t.source, t.name, t.value])).toEqual([
        ['user', 'Finance', 'v2'],
        ['user', 'PII.Email', null],
      ]);
    });

    it('keeps one tag per name, source and place: a second insert sets the value', async () => {
      const a = await leaf('s1', 'a');
      await store.tags.insert([tag(a.id, 'Finance')]);
      await store.tags.insert([{ ...tag(a.id, 'Finance'), value: 'v', addedBy: 'user:other' }]);
      expect((await store.tags.listFor(a.id)).map((t) => [t.name, t.value, t.addedBy])).toEqual([['Finance', 'v', 'user:admin']]);
      await store.tags.insert([tag(a.id, 'Finance', 'email'), { ...tag(a.id, 'Finance'), source: 'system' }]);
    });

    it('counts tag names over present objects, existing columns and data sources', async () => {
      const a = await leaf('s1', 'a');
      const b = await leaf('s1', 'b');
      const s1 = (await store.objects.findChain(connectionId, ['db', 's1']))!.at(-1)!;
      await store.tags.insert([tag(a.id, 'PII', 'email'), tag(b.id, 'PII', 'email'), tag(b.id, 'PII'), tag(s1.id, 'PII'), tag(a.id, 'Other', 'gone')]);
      const page = { offset: 0, size: 10 };
      expect(await store.tags.names(page)).toEqual({ count: 1, hits: [{ name: 'PII', objects: 2, columns: 2, dataSources: 2 }] });
      expect((await store.tags.names({ ...page, searchText: 'ii' })).hits).toEqual([{ name: 'PII', objects: 2, columns: 2, dataSources: 2 }]);
      expect(await store.tags.names({ ...page, searchText: 'zzz' })).toEqual({ count: 0, hits: [] });
      const tagged = async (...tags: string[]) =>
        (await store.objects.searchChildren(s1.id, { tags, offset: 0, size: 10, sortField: 'name', sortOrder: 'asc' })).hits.map((h) => h.name);
      expect(await tagged('PII')).toEqual(['a', 'b']);
      expect(await tagged('PII', 'Other')).toEqual([]);
      await list(['db', 's1'], [table('a')]);
      expect((await store.tags.names(page)).hits).toEqual([{ name: 'PII', objects: 1, columns: 1, dataSources: 1 }]);
    });

    it('keeps tags through a rename, a move, and a removal and reappearance', async () => {
      const a = await leaf('s1', 'a');
      await store.tags.insert([tag(a.id, 'Finance'), tag(a.id, 'PII', 'email')]);
      await list(['db', 's1'], [table('a2', 'a'), table('b')]);
      await list(['db', 's2'], [table('a3', 'a')]);
      const moved = await leaf('s2', 'a3');
      expect(moved.id).toBe(a.id);
      expect((await store.tags.listFor(moved.id)).map((t) => t.name)).toEqual(['Finance', 'PII']);
      await list(['db', 's2'], []);
      expect(await tagRows()).toBe(2);
      await list(['db', 's2'], [table('a3', 'a')]);
      expect((await store.tags.listFor((await leaf('s2', 'a3')).id)).map((t) => t.name)).toEqual(['Finance', 'PII']);
    });

    it('deletes the tags of a deleted subtree and of a deleted connection', async () => {
      const a = await leaf('s1', 'a');
      const b = await leaf('s1', 'b');
      const s2 = (await store.objects.findChain(connectionId, ['db', 's2']))!.at(-1)!;
      await store.tags.insert([tag(a.id, 'Finance'), tag(a.id, 'PII', 'email'), tag(b.id, 'Finance'), tag(s2.id, 'Finance')]);
      await catalog.deleteObject(['Conn', 'db', 's1', 'a']);
      expect(await tagRows()).toBe(2);
      await catalog.deleteObject(['Conn']);
      expect(await tagRows()).toBe(0);
      expect(await store.tags.countForConnection(connectionId)).toBe(0);
    });

    // SQLite runs one transaction at a time; on PostgreSQL a delete can commit between finding the object and writing its tags.
    it.runIf(kind === 'postgres')('answers OBJECT_NOT_FOUND, not a foreign key error, when the object is deleted while it is being tagged', async () => {
      const tags = new TagService(store, catalog, new DataSourceService(store, catalog));
      const a = await leaf('s1', 'a');
      const deleter = new pg.Client({ connectionString: store.store.databaseUrl! });
      await deleter.connect();
      try {
        await deleter.query('begin');
        await deleter.query('delete from objects where id = $1', [a.id]);
        const settled = tags.add(['Conn', 'db', 's1', 'a'], null, [{ name: 'PII', value: null }]).then(
          () => 'added',
          (error: { code?: string }) => error.code ?? String(error),
        );
        // The tag write waits for the uncommitted delete (a lock wait), which then commits.
        await expect
          .poll(async () => (await deleter.query(`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`)).rows[0].n, { timeout: 10_000 })
          .toBeGreaterThan(0);
        await deleter.query('commit');
        expect(await settled).toBe('OBJECT_NOT_FOUND');
      } finally {
        await deleter.end();
      }
      expect(await tagRows()).toBe(0);
    });
  });
});
