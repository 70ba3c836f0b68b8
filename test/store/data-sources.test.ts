import { systemClock } from '../../src/clock.js';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrawledObject } from '../../src/domain/catalog-types.js';
import { CatalogService } from '../../src/services/catalog-service.js';
import { DataSourceService } from '../../src/services/data-source-service.js';
import { CatalogStore } from '../../src/store/catalog-store.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { listedConnection } from '../helpers/apply-run.js';
import { openOlderStore } from '../helpers/older-store.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { openTempStore } from '../helpers/temp-store.js';

/** Data sources have ids of their own, given with the leaf and kept (B3), on both stores. */
describeEachStore('data source ids', (kind) => {
  describe('on a catalog fed by listings', () => {
    let temp: Awaited<ReturnType<typeof openTempStore>>;
    let store: CatalogStore;
    let catalog: CatalogService;
    let dataSources: DataSourceService;
    let connectionId: number;

    const table = (name: string, stableId = name): CrawledObject => ({ name, kind: 'table', stableId, comment: null, columns: [] });
    const container = (kind: string, name: string): CrawledObject => ({ name, kind, stableId: name, comment: null });
    let list: Awaited<ReturnType<typeof listedConnection>>['list'];
    const idOf = async (...path: string[]) => (await catalog.getObject(['Conn', ...path])).dataSourceId;
    const leaf = async (name: string) => (await store.objects.findChain(connectionId, ['db', 's1', name]))!.at(-1)!;

    /**
     * Runs `reads` while another connection holds what a sync's apply transaction holds: the
     * SQLite write lock, or (PostgreSQL) every table locked against writers. A read that wrote
     * would wait for it (SQLite: until busy_timeout, then SQLITE_BUSY).
     */
    const whileWriteLocked = async (reads: () => Promise<void>) => {
      const waited = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the reads waited for the write lock: they write')), 5_000).unref());
      const guarded = () => Promise.race([reads(), waited]);
      if (kind === 'sqlite') {
        const writer = new SQLite(join(temp.dataDir, 'warden.db'));
        writer.exec('begin immediate');
        try {
          await guarded();
        } finally {
          writer.exec('rollback');
          writer.close();
        }
        return;
      }
      const writer = new pg.Client({ connectionString: store.store.databaseUrl! });
      await writer.connect();
      try {
        await writer.query('begin');
        const { rows } = await writer.query<{ name: string }>(`select quote_ident(tablename) as name from pg_tables where schemaname = current_schema()`);
        await writer.query(`lock table ${rows.map((r) => r.name).join(', ')} in exclusive mode`);
        await guarded();
      } finally {
        await writer.query('rollback');
        await writer.end();
      }
    };

    beforeEach(async () => {
      temp = await openTempStore(kind);
      store = temp.catalog;
      catalog = new CatalogService(store);
      dataSources = new DataSourceService(store, catalog);
      ({ connectionId, list } = await listedConnection(store, systemClock));
      await list([], [container('database', 'db')]);
      await list(['db'], [container('schema', 's1'), container('schema', 's2')]);
      await list(['db', 's1'], [table('a'), table('b')]);
    });
    afterEach(async () => temp.close());

    it('gives each leaf its id when it is created, shows it while the leaf is enabled and keeps it through disabling and enabling again', async () => {
      const ids = await store.dataSources.idsOf([(await leaf('a')).id, (await leaf('b')).id]);
      expect([...ids.values()]).toEqual([expect.any(Number), expect.any(Number)]);
      expect(await idOf('db', 's1', 'a')).toBeUndefined();
      await catalog.updateSettings(['Conn', 'db'], { isActive: true }, false);
      const id = await idOf('db', 's1', 'a');
      expect(id).toBe(ids.get((await leaf('a')).id));
      await catalog.updateSettings(['Conn', 'db', 's1', 'a'], { isActive: false }, false);
      expect(await idOf('db', 's1', 'a')).toBeUndefined();
      await catalog.updateSettings(['Conn', 'db', 's1', 'a'], { isActive: null }, false);
      expect(await idOf('db', 's1', 'a')).toBe(id);
      expect(await idOf('db', 's1', 'b')).not.toBe(id);
    });

    it('reads without writing: views, children and data sources answer while a sync holds the write lock', async () => {
      await catalog.updateSettings(['Conn', 'db'], { isActive: true }, false);
      const id = (await store.dataSources.idsOf([(await leaf('a')).id])).get((await leaf('a')).id)!;
      await whileWriteLocked(async () => {
        expect((await catalog.getObject(['Conn', 'db', 's1', 'a'])).dataSourceId).toBe(id);
        const children = await catalog.searchChildren(['Conn', 'db', 's1'], { offset: 0, size: 10, sortField: 'name', sortOrder: 'asc' });
        expect(children.hits.map((h) => h.dataSourceId)).toEqual([id, expect.any(Number)]);
        expect((await dataSources.search({ offset: 0, size: 10 })).hits.map((h) => h.id)).toEqual(children.hits.map((h) => h.dataSourceId));
        expect((await dataSources.get(id)).objectPath).toEqual(['Conn', 'db', 's1', 'a']);
      });
    });

    it('keeps the id through a rename and a move, and finds the data source by it', async () => {
      await catalog.updateSettings(['Conn', 'db', 's1', 'a'], { isActive: true }, false);
      const id = (await idOf('db', 's1', 'a'))!;
      await list(['db', 's1'], [table('a2', 'a'), table('b')]);
      expect(await idOf('db', 's1', 'a2')).toBe(id);
      await list(['db', 's2'], [table('a3', 'a')]);
      expect(await idOf('db', 's2', 'a3')).toBe(id);
      expect((await dataSources.get(id)).objectPath).toEqual(['Conn', 'db', 's2', 'a3']);
      expect(await dataSources.pathOf(id)).toEqual(['Conn', 'db', 's2', 'a3']);
      expect((await dataSources.search({ offset: 0, size: 10 })).hits).toEqual([
        {
          id,
          name: 'Conn.db.s2.a3',
          connectionKey: 'Conn',
          objectPath: ['Conn', 'db', 's2', 'a3'],
          kind: 'table',
          comment: null,
          tags: [],
          // The legacy data source fields a connection's data source has.
          description: null,
          type: 'queryable',
          blobHandlerType: 'PostgreSQL',
          origin: 'connection',
          connectionString: null,
          remoteDatabase: 'db',
          remoteSchema: 's2',
          remoteTable: 'a3',
          sqlSchemaName: null,
          sqlTableName: null,
          schemaEvolutionId: null,
          status: 'passed',
          deleted: false,
          createdAt: expect.any(String),
        },
      ]);
    });

    it('forgets the id with the object when the object is deleted', async () => {
      await catalog.updateSettings(['Conn', 'db', 's1', 'a'], { isActive: true }, false);
      const id = (await idOf('db', 's1', 'a'))!;
      await catalog.deleteObject(['Conn', 'db', 's1']);
      await expect(dataSources.get(id)).rejects.toMatchObject({ code: 'DATA_SOURCE_NOT_FOUND' });
      expect(await dataSources.pathOf(id)).toBeNull();
    });

    it('gives leaves that a sync finds under an enabled parent their ids at once', async () => {
      await catalog.updateSettings(['Conn', 'db', 's2'], { isActive: true, activateNewChildren: true }, false);
      await list(['db', 's2'], [table('fresh')]);
      const id = await idOf('db', 's2', 'fresh');
      expect(id).toEqual(expect.any(Number));
      expect((await dataSources.search({ searchText: 'FRESH', offset: 0, size: 10 })).hits.map((h) => h.id)).toEqual([id]);
    });

    it('searches by inherited status without counting removed or disabled leaves', async () => {
      await catalog.updateSettings(['Conn', 'db'], { isActive: true }, false);
      await catalog.updateSettings(['Conn', 'db', 's1', 'b'], { isActive: false }, false);
      expect((await dataSources.search({ connectionKey: 'Conn', offset: 0, size: 10 })).hits.map((h) => h.name)).toEqual(['Conn.db.s1.a']);
      await list(['db', 's1'], [table('b')]);
      expect((await dataSources.search({ offset: 0, size: 10 })).count).toBe(0);
      expect((await dataSources.search({ connectionKey: 'Other', offset: 0, size: 10 })).count).toBe(0);
    });
  });

  describe('migration 005 on an existing store', () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const cleanup of cleanups) await cleanup();
    });

    it('gives every leaf, enabled or not, a data source with its object id, and new ones ids after them', async () => {
      const older = await openOlderStore(kind, Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '005')));
      cleanups.push(() => older.cleanup());
      const old = older.db;
      await sql`insert into connections (connection_key, technology, details_json, created_at, updated_at) values ('Old', 'PostgreSQL', '{}', '2024-01-01', '2024-01-01')`.execute(old);
      const insert = async (parent: { id: number; path: string } | null, name: string, leaf: boolean, isActive: number | null, removed = 0) => {
        const { rows } = await sql<{ id: number }>`insert into objects (connection_id, parent_id, id_path, depth, name, kind, is_leaf, is_active, removed, created_at, updated_at)
          select id, ${parent?.id ?? null}, '', ${parent ? parent.path.split('/').length - 2 : 0}, ${name}, 'x', ${leaf ? 1 : 0}, ${isActive}, ${removed}, '2024-01-01', '2024-01-01' from connections returning id`.execute(old);
        const id = Number(rows[0]!.id);
        const path = `${parent?.path ?? '/'}${id}/`;
        await sql`update objects set id_path = ${path} where id = ${id}`.execute(old);
        return { id, path };
      };
      const root = await insert(null, 'Old', false, 0);
      const enabledDb = await insert(root, 'on', false, 1);
      const leaves = [
        await insert(enabledDb, 'enabled', true, null),
        await insert(enabledDb, 'disabled', true, 0),
        await insert(enabledDb, 'gone', true, null, 1),
      ];
      const offDb = await insert(root, 'off', false, null);
      leaves.push(await insert(offDb, 'own override', true, 1), await insert(offDb, 'inherits off', true, null));

      const store = await older.open();
      try {
        const catalog = new CatalogStore(store);
        const containers = [root, enabledDb, offDb].map((c) => c.id);
        expect(await catalog.dataSources.idsOf([...containers, ...leaves.map((l) => l.id)])).toEqual(new Map(leaves.map((l) => [l.id, l.id])));
        const parent = (await catalog.objects.findById(offDb.id))!;
        const none = { isActive: null, activateNewChildren: null, dataOwners: null };
        const added = await catalog.transaction((repos) =>
          repos.objects.insertChildren(parent, [{ name: 'later', kind: 'table', isLeaf: true, stableId: null, comment: null, overrides: none, columnsFingerprint: null }], new Date().toISOString(), null),
        );
        const laterId = added.get('later')!;
        expect((await catalog.dataSources.idsOf([laterId])).get(laterId)).toBeGreaterThan(Math.max(...leaves.map((l) => l.id)));
      } finally {
        await store.close();
      }
    });
  });
});
