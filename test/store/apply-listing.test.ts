import { afterEach, beforeEach, expect, it } from 'vitest';
import { SettableClock } from '../../src/clock.js';
import type { CrawledObject } from '../../src/domain/catalog-types.js';
import { NO_OVERRIDES } from '../../src/domain/settings.js';
import type { CatalogStore } from '../../src/store/catalog-store.js';
import { CatalogService } from '../../src/services/catalog-service.js';
import { applyListing, type ApplyContext } from '../../src/sync/apply.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { openTempStore } from '../helpers/temp-store.js';

/** Apply and the catalog service on a real store of each kind, fed with hand-made crawl listings. */
describeEachStore('applying listings to the catalog', (kind) => {
  let temp: Awaited<ReturnType<typeof openTempStore>>;
  let store: CatalogStore;
  let catalog: CatalogService;
  let connectionId: number;
  let run = 0;

  const clock = new SettableClock('2027-06-01T00:00:00Z');
  const context = async (firstSync: boolean): Promise<ApplyContext> => {
    const syncRunId = `run-${++run}`;
    await store.syncRuns.insert({ id: syncRunId, connectionId, scope: ['Conn'], trigger: 'manual', requestedBy: null, forceRecursive: false, firstSync }, clock.nowIso());
    await store.syncRuns.claim(syncRunId, 'test-worker', '2100-01-01T00:00:00.000Z', clock.nowIso());
    const lease = { syncRunId, owner: 'test-worker', until: () => '2100-01-01T00:00:00.000Z' };
    return { syncRunId, connectionId, connectionKey: 'Conn', firstSync, leafDepth: 3, clock, lease };
  };
  const db = (name: string, stableId = name): CrawledObject => ({ name, kind: 'database', stableId, comment: null });
  const schema = (name: string, stableId = name): CrawledObject => ({ name, kind: 'schema', stableId, comment: null });
  const table = (name: string, stableId = name, type = 'integer'): CrawledObject => ({
    name,
    kind: 'table',
    stableId,
    comment: null,
    columns: [{ name: 'id', ordinal: 1, type, nullable: false, defaultValue: null, generated: null, comment: null }],
  });
  const list = async (parent: string[], objects: CrawledObject[], firstSync = false) => {
    const ctx = await context(firstSync);
    const result = await applyListing(store, ctx, { type: 'listing', parent, objects });
    return { ...result, syncRunId: ctx.syncRunId };
  };

  beforeEach(async () => {
    temp = await openTempStore(kind);
    store = temp.catalog;
    catalog = new CatalogService(store);
    const now = new Date().toISOString();
    const connection = await store.connections.insert({ connectionKey: 'Conn', technology: 'PostgreSQL', details: {}, secretsCiphertext: null, createdBy: null }, now);
    connectionId = connection.id;
    await store.objects.insertRoot(connectionId, 'Conn', { isActive: false, activateNewChildren: false, dataOwners: [] }, now);
    await list([], [db('db1'), db('db2')], true);
    await list(['db1'], [schema('s1'), schema('s2')], true);
    await list(['db1', 's1'], [table('t1'), table('t2'), table('T1', 'upper')], true);
  });
  afterEach(async () => temp.close());

  it('builds the hierarchy with generated names, keeping names that differ only in case apart', async () => {
    const t1 = await catalog.getObject(['Conn', 'db1', 's1', 't1']);
    const upper = await catalog.getObject(['Conn', 'db1', 's1', 'T1']);
    expect(t1.dataSourceName).toBe('Conn.db1.s1.t1');
    expect(upper.stableId).toBe('upper');
    expect(t1.columns).toEqual([{ name: 'id', ordinal: 1, type: 'integer', nullable: false, defaultValue: null, generated: null, comment: null }]);
    expect((await catalog.getObject(['Conn', 'db1'])).childCount).toBe(2);
  });

  it('enables every inheriting table at once when a database is enabled, and respects a table override', async () => {
    await catalog.updateSettings(['Conn', 'db1', 's1', 't2'], { isActive: false }, false);
    await catalog.updateSettings(['Conn', 'db1'], { isActive: true }, false);
    expect((await catalog.getObject(['Conn', 'db1', 's1', 't1'])).state).toBe('active');
    expect((await catalog.getObject(['Conn', 'db1', 's1', 't2'])).state).toBe('inactive');
    const db1 = await catalog.getObject(['Conn', 'db1']);
    expect(db1.settings.isActive).toEqual({ value: true, hasDescendantsWithOverrides: true });
    expect(db1.settings.dataOwners.hasDescendantsWithOverrides).toBe(false);

    await catalog.updateSettings(['Conn', 'db1'], { isActive: true }, true);
    expect((await catalog.getObject(['Conn', 'db1', 's1', 't2'])).state).toBe('active');
    expect((await catalog.getObject(['Conn', 'db1'])).settings.isActive.hasDescendantsWithOverrides).toBe(false);
  });

  it('refuses to let the root inherit', async () => {
    await expect(catalog.updateSettings(['Conn'], { isActive: null }, false)).rejects.toMatchObject({ code: 'ROOT_CANNOT_INHERIT', status: 400 });
  });

  it('gives objects found after the first sync the status of activateNewChildren', async () => {
    await catalog.updateSettings(['Conn', 'db1', 's1'], { activateNewChildren: true }, false);
    await list(['db1', 's1'], [table('t1'), table('t2'), table('T1', 'upper'), table('fresh')]);
    const fresh = await catalog.getObject(['Conn', 'db1', 's1', 'fresh']);
    expect(fresh.state).toBe('active');
    expect(fresh.overrides).toEqual({ isActive: true });
  });

  it('marks a vanished object removed and disabled, and restores it with its settings', async () => {
    await catalog.updateSettings(['Conn', 'db1', 's1', 't2'], { isActive: true, dataOwners: [{ type: 'user', name: 'ann' }] }, false);
    const gone = await list(['db1', 's1'], [table('t1'), table('T1', 'upper')]);
    expect(gone.counts.removed).toBe(1);
    const removed = await catalog.getObject(['Conn', 'db1', 's1', 't2']);
    expect(removed).toMatchObject({ removed: true, state: 'inactive' });
    expect(removed.dataSourceId).toBeUndefined();

    const back = await list(['db1', 's1'], [table('t1'), table('t2'), table('T1', 'upper')]);
    expect(back.counts.restored).toBe(1);
    const restored = await catalog.getObject(['Conn', 'db1', 's1', 't2']);
    expect(restored).toMatchObject({ removed: false, state: 'active', overrides: { isActive: true, dataOwners: [{ type: 'user', name: 'ann' }] } });
  });

  it('removes a whole subtree with its container and keeps the rows', async () => {
    await list([], [db('db2')]);
    const t1 = await catalog.getObject(['Conn', 'db1', 's1', 't1']);
    expect(t1.removed).toBe(true);
    expect((await catalog.getObject(['Conn'])).childCount).toBe(1);
  });

  it('renames by stable id, keeping settings', async () => {
    await catalog.updateSettings(['Conn', 'db1', 's1', 't1'], { isActive: true }, false);
    const renamed = await list(['db1', 's1'], [table('t1_renamed', 't1'), table('t2'), table('T1', 'upper')]);
    expect(renamed.counts).toMatchObject({ renamed: 1, added: 0, removed: 0, unchanged: 2 });
    await expect(catalog.getObject(['Conn', 'db1', 's1', 't1'])).rejects.toMatchObject({ status: 404 });
    expect((await catalog.getObject(['Conn', 'db1', 's1', 't1_renamed'])).state).toBe('active');
    const changes = await store.syncChanges.listByRun(renamed.syncRunId, { offset: 0, size: 10 });
    expect(changes.hits).toEqual([
      expect.objectContaining({ change: 'renamed', objectPath: ['Conn', 'db1', 's1', 't1_renamed'], details: { from: 't1', to: 't1_renamed' } }),
    ]);
  });

  it('records column changes and replaces the dictionary', async () => {
    const retyped = await list(['db1', 's1'], [table('t1', 't1', 'bigint'), table('t2'), table('T1', 'upper')]);
    expect(retyped.counts.changed).toBe(1);
    const { hits } = await store.syncChanges.listByRun(retyped.syncRunId, { offset: 0, size: 10 });
    expect(hits[0]?.details).toMatchObject({ columns: [{ change: 'modified', column: 'id', fields: { type: { from: 'integer', to: 'bigint' } } }] });
    expect((await catalog.getObject(['Conn', 'db1', 's1', 't1'])).columns?.[0]?.type).toBe('bigint');
  });

  it('records a uniqueness violation, keeping the first object', async () => {
    const result = await list(['db1', 's2'], [table('dup', 'a'), table('dup', 'b')]);
    expect(result.counts).toMatchObject({ added: 1, conflicts: 1 });
    expect(result.errors[0]).toMatchObject({ code: 'OBJECT_UNIQUENESS_VIOLATION', objectPath: ['Conn', 'db1', 's2', 'dup'] });
    expect((await catalog.getObject(['Conn', 'db1', 's2', 'dup'])).stableId).toBe('a');
  });

  it('deletes a subtree and reports how many objects went', async () => {
    expect(await catalog.deleteObject(['Conn', 'db1', 's1'])).toEqual({ objectPath: ['Conn', 'db1', 's1'], childCount: 3 });
    await expect(catalog.getObject(['Conn', 'db1', 's1', 't1'])).rejects.toMatchObject({ code: 'OBJECT_NOT_FOUND' });
    expect(NO_OVERRIDES.isActive).toBeNull();
  });
});
