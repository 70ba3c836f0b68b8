import { afterEach, beforeEach, expect, it } from 'vitest';
import { SettableClock } from '../../src/clock.js';
import type { CrawledObject } from '../../src/domain/catalog-types.js';
import { NO_OVERRIDES } from '../../src/domain/settings.js';
import type { CatalogStore } from '../../src/store/catalog-store.js';
import { CatalogService } from '../../src/services/catalog-service.js';
import { applyListing, applyUnchangedListing, type ApplyContext } from '../../src/sync/apply.js';
import { claimedApplyContext } from '../helpers/apply-run.js';
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
  const context = (firstSync: boolean): Promise<ApplyContext> =>
    claimedApplyContext(store, { syncRunId: `run-${++run}`, connectionId, connectionKey: 'Conn', firstSync, leafDepth: 3, clock });
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
    expect(t1.columns).toEqual([{ name: 'id', ordinal: 1, type: 'integer', nullable: false, defaultValue: null, generated: null, comment: null, tags: [] }]);
    expect((await catalog.getObject(['Conn', 'db1'])).childCount).toBe(2);
  });

  it('enables every inheriting table at once when a database is enabled, and respects a table override', async () => {
    await catalog.updateSettings(['Conn', 'db1', 's1', 't2'], { isActive: false }, false);
    await catalog.updateSettings(['Conn', 'db1'], { isActive: true }, false);
    expect((await catalog.getObject(['Conn', 'db1', 's1', 't1'])).state).toBe('active');
    expect((await catalog.getObject(['Conn', 'db1', 's1', 't2'])).state).toBe('inactive');
    const db1 = await catalog.getObject(['Conn', 'db1']);
    expect(db1.settings.isActive).toEqual({ value: true, hasDescendantsWithOverrides: true, descendantOverrides: 1 });
    expect(db1.settings.dataOwners).toMatchObject({ hasDescendantsWithOverrides: false, descendantOverrides: 0 });

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

  it('swaps two names in one listing without tripping the unique name index', async () => {
    await catalog.updateSettings(['Conn', 'db1', 's1', 't1'], { dataOwners: [{ type: 'user', name: 'ann' }] }, false);
    const swapped = await list(['db1', 's1'], [table('t2', 't1'), table('t1', 't2'), table('T1', 'upper')]);
    expect(swapped.counts).toMatchObject({ renamed: 2, added: 0, removed: 0 });
    expect((await catalog.getObject(['Conn', 'db1', 's1', 't2'])).overrides).toEqual({ dataOwners: [{ type: 'user', name: 'ann' }] });
    expect((await catalog.getObject(['Conn', 'db1', 's1', 't1'])).overrides).toEqual({});
  });

  it('renames a table away and adds the one re-created under its name', async () => {
    await catalog.updateSettings(['Conn', 'db1', 's1', 't1'], { isActive: true }, false);
    const result = await list(['db1', 's1'], [table('t1_old', 't1'), table('t1', 'new-oid'), table('t2'), table('T1', 'upper')]);
    expect(result.counts).toMatchObject({ renamed: 1, added: 1, removed: 0 });
    expect((await catalog.getObject(['Conn', 'db1', 's1', 't1_old'])).state).toBe('active');
    expect(await catalog.getObject(['Conn', 'db1', 's1', 't1'])).toMatchObject({ stableId: 'new-oid', state: 'inactive', overrides: {} });
  });

  it('moves a table to another schema when its old schema is listed first, withdrawing the removal', async () => {
    await catalog.updateSettings(['Conn', 'db1', 's1', 't1'], { isActive: true }, false);
    const before = await store.objects.findChain(connectionId, ['db1', 's1', 't1']);
    const ctx = await context(false);
    const apply = (parent: string[], objects: CrawledObject[]) => applyListing(store, ctx, { type: 'listing', parent, objects });
    const source = await apply(['db1', 's1'], [table('t2'), table('T1', 'upper')]);
    const destination = await apply(['db1', 's2'], [table('t1')]);
    expect(source.counts.removed + destination.counts.removed).toBe(0);
    expect(destination.counts.moved).toBe(1);
    const moved = await catalog.getObject(['Conn', 'db1', 's2', 't1']);
    expect(moved).toMatchObject({ removed: false, state: 'active', overrides: { isActive: true } });
    const after = await store.objects.findChain(connectionId, ['db1', 's2', 't1']);
    expect(after?.at(-1)?.id).toBe(before?.at(-1)?.id);
    expect(after?.at(-1)?.idPath).toBe(`${after?.at(-2)?.idPath}${after?.at(-1)?.id}/`);
    const changes = await store.syncChanges.listByRun(ctx.syncRunId, { offset: 0, size: 10 });
    expect(changes.hits).toEqual([
      expect.objectContaining({ change: 'moved', objectPath: ['Conn', 'db1', 's2', 't1'], details: expect.objectContaining({ from: ['Conn', 'db1', 's1', 't1'], to: ['Conn', 'db1', 's2', 't1'], restored: true }) }),
    ]);
  });

  it('moves a table when its new schema is listed first; the old one no longer holds it', async () => {
    const moved = await list(['db1', 's2'], [table('t1_moved', 't1')]);
    expect(moved.counts).toMatchObject({ moved: 1, added: 0 });
    const source = await list(['db1', 's1'], [table('t2'), table('T1', 'upper')]);
    expect(source.counts).toMatchObject({ removed: 0, unchanged: 2 });
    expect((await catalog.getObject(['Conn', 'db1', 's2', 't1_moved'])).removed).toBe(false);
  });

  it('looks for moved objects only where the ids are unique: not in another database', async () => {
    await list(['db2'], [schema('s9')]);
    const ctx = { ...(await context(false)), stableIdsUniqueWithin: 1 };
    const result = await applyListing(store, ctx, { type: 'listing', parent: ['db2', 's9'], objects: [table('t1')] });
    expect(result.counts).toMatchObject({ added: 1, moved: 0 });
    expect((await catalog.getObject(['Conn', 'db1', 's1', 't1'])).removed).toBe(false);
  });

  it('lets a removed table give its name up to the object renamed onto it, keeping it apart', async () => {
    await list(['db1', 's1'], [table('t1'), table('T1', 'upper')]);
    const result = await list(['db1', 's1'], [table('t1'), table('t2', 'upper')]);
    expect(result.counts).toMatchObject({ renamed: 1, restored: 0 });
    expect((await catalog.getObject(['Conn', 'db1', 's1', 't2'])).stableId).toBe('upper');
    const children = await store.objects.listChildren((await store.objects.findChain(connectionId, ['db1', 's1']))!.at(-1)!.id);
    expect(children.filter((c) => c.removed).map((c) => [c.name, c.stableId])).toEqual([[`t2\u0001${children.find((c) => c.stableId === 't2')!.id}`, 't2']]);
  });

  it('records column changes and replaces the dictionary', async () => {
    const retyped = await list(['db1', 's1'], [table('t1', 't1', 'bigint'), table('t2'), table('T1', 'upper')]);
    expect(retyped.counts.changed).toBe(1);
    const { hits } = await store.syncChanges.listByRun(retyped.syncRunId, { offset: 0, size: 10 });
    expect(hits[0]?.details).toMatchObject({ columns: [{ change: 'modified', column: 'id', fields: { type: { from: 'integer', to: 'bigint' } } }] });
    expect((await catalog.getObject(['Conn', 'db1', 's1', 't1'])).columns?.[0]?.type).toBe('bigint');
  });

  it('keeps a dictionary fingerprint with the columns it describes, and a dictionary not read as it was', async () => {
    const fingerprints = async () => store.objects.dictionaryFingerprints((await store.objects.findChain(connectionId, ['db1', 's1']))!.at(-1)!.id);
    const withFingerprint = (object: CrawledObject, dictionaryFingerprint: string): CrawledObject => ({ ...object, dictionaryFingerprint });
    const withoutColumns = ({ columns: _columns, ...object }: CrawledObject, dictionaryFingerprint: string): CrawledObject => ({ ...object, dictionaryFingerprint });
    // Stored before fingerprints (none yet): the same columns read with one are unchanged, and it is recorded.
    expect(await fingerprints()).toEqual(new Map());
    const recorded = await list(['db1', 's1'], [withFingerprint(table('t1'), 'v:a'), table('t2'), table('T1', 'upper')]);
    expect(recorded.counts).toMatchObject({ unchanged: 3, changed: 0 });
    expect(await fingerprints()).toEqual(new Map([['t1', 'v:a']]));
    // Not read (the platform's fingerprint is the stored one): unchanged, the dictionary kept.
    const skipped = await list(['db1', 's1'], [withoutColumns(table('t1'), 'v:a'), table('t2'), table('T1', 'upper')]);
    expect(skipped.counts).toMatchObject({ unchanged: 3, changed: 0 });
    expect((await catalog.getObject(['Conn', 'db1', 's1', 't1'])).columns?.map((c) => c.type)).toEqual(['integer']);
    // Read again because it changed: the new columns and their fingerprint, in the same listing's transaction.
    const retyped = await list(['db1', 's1'], [withFingerprint(table('t1', 't1', 'bigint'), 'v:b'), table('t2'), table('T1', 'upper')]);
    expect(retyped.counts).toMatchObject({ changed: 1 });
    expect(await fingerprints()).toEqual(new Map([['t1', 'v:b']]));
    expect((await catalog.getObject(['Conn', 'db1', 's1', 't1'])).columns?.map((c) => c.type)).toEqual(['bigint']);
    // A removed table's fingerprint is not offered: it comes back read in full.
    await list(['db1', 's1'], [table('t2'), table('T1', 'upper')]);
    expect(await fingerprints()).toEqual(new Map());
  });

  it('applies an unchanged listing as the stored one: every child kept as it was, marked seen by the run', async () => {
    const fingerprinted = (name: string, stableId = name) => ({ ...table(name, stableId), dictionaryFingerprint: `v:${stableId}` });
    await list(['db1', 's1'], [fingerprinted('t1'), fingerprinted('t2'), fingerprinted('T1', 'upper')]);
    const t1 = (await store.objects.findChain(connectionId, ['db1', 's1', 't1']))!.at(-1)!;
    await store.objects.setOverrides(t1.id, { isActive: true, dataOwners: [{ type: 'group', name: 'finance' }] }, clock.nowIso());
    const before = await Promise.all(['t1', 't2', 'T1'].map((name) => catalog.getObject(['Conn', 'db1', 's1', name])));
    const unchanged = async (fingerprints: [string, string][]) => {
      const ctx = await context(false);
      return { ...(await applyUnchangedListing(store, ctx, { type: 'unchanged', parent: ['db1', 's1'], fingerprints: new Map(fingerprints) })), syncRunId: ctx.syncRunId };
    };

    const applied = await unchanged([['t1', 'v:t1'], ['t2', 'v:t2'], ['upper', 'v:upper']]);
    expect(applied).toMatchObject({ counts: { unchanged: 3, added: 0, removed: 0, changed: 0 }, errors: [], objectsSeen: 3 });
    const after = await Promise.all(['t1', 't2', 'T1'].map((name) => catalog.getObject(['Conn', 'db1', 's1', name])));
    expect(after.map(({ lastSync, ...object }) => object)).toEqual(before.map(({ lastSync, ...object }) => object));
    expect(after.map((object) => object.lastSync?.syncRunId)).toEqual([applied.syncRunId, applied.syncRunId, applied.syncRunId]);
    expect((await store.syncChanges.listByRun(applied.syncRunId, { offset: 0, size: 10 })).hits).toEqual([]);

    // Stored children the batch does not vouch for (one fingerprint differs, one is missing, one more): nothing is written, and it says so.
    for (const fingerprints of [
      [['t1', 'v:other'], ['t2', 'v:t2'], ['upper', 'v:upper']],
      [['t1', 'v:t1'], ['t2', 'v:t2']],
      [['t1', 'v:t1'], ['t2', 'v:t2'], ['upper', 'v:upper'], ['t3', 'v:t3']],
      [],
    ] as [string, string][][]) {
      const refused = await unchanged(fingerprints);
      expect(refused.counts).toEqual({ ...refused.counts, unchanged: 0, removed: 0 });
      expect(refused.errors).toEqual([expect.objectContaining({ code: 'LISTING_NOT_APPLIED', objectPath: ['Conn', 'db1', 's1'] })]);
      const now = await Promise.all(['t1', 't2', 'T1'].map((name) => catalog.getObject(['Conn', 'db1', 's1', name])));
      expect(now).toEqual(after);
    }
    // A child stored without a fingerprint makes the stored listing incomplete: never vouched for.
    await list(['db1', 's1'], [fingerprinted('t1'), fingerprinted('t2'), table('T1', 'upper')]);
    expect((await unchanged([['t1', 'v:t1'], ['t2', 'v:t2']])).errors).toEqual([expect.objectContaining({ code: 'LISTING_NOT_APPLIED' })]);
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
