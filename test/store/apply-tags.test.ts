import { afterEach, beforeEach, expect, it } from 'vitest';
import { SettableClock } from '../../src/clock.js';
import type { CrawledColumn, CrawledObject } from '../../src/domain/catalog-types.js';
import type { CrawledTag } from '../../src/domain/tag.js';
import type { CatalogStore } from '../../src/store/catalog-store.js';
import { applyListing } from '../../src/sync/apply.js';
import { claimedApplyContext } from '../helpers/apply-run.js';
import { describeEachStore } from '../helpers/store-kinds.js';
import { openTempStore } from '../helpers/temp-store.js';

/**
 * Platform tags, the New tag and column renames as apply writes them, fed with crawled listings
 * (PostgreSQL and MariaDB have no platform tags: the connectors that do are verified end to end
 * in their own issues).
 */
describeEachStore('applying tags of crawled listings', (kind) => {
  let temp: Awaited<ReturnType<typeof openTempStore>>;
  let store: CatalogStore;
  let connectionId: number;
  let run = 0;
  const clock = new SettableClock('2027-06-01T00:00:00Z');

  const column = (name: string, ordinal: number, extra: Partial<CrawledColumn> = {}): CrawledColumn => ({
    name, ordinal, type: 'integer', nullable: true, defaultValue: null, generated: null, comment: null, ...extra,
  });
  const table = (name: string, columns: CrawledColumn[], tags?: CrawledTag[]): CrawledObject => ({
    name, kind: 'table', stableId: name, comment: null, columns, ...(tags && { tags }),
  });
  const list = async (objects: CrawledObject[], options: { tagNewColumns?: boolean } = {}) => {
    const ctx = await claimedApplyContext(store, { syncRunId: `run-${++run}`, connectionId, connectionKey: 'Conn', firstSync: false, leafDepth: 2, clock });
    const result = await applyListing(store, { ...ctx, ...options }, { type: 'listing', parent: ['db'], objects });
    const { hits } = await store.syncChanges.listByRun(ctx.syncRunId, { offset: 0, size: 100 });
    return { ...result, changes: hits.filter((h) => h.change !== 'changed' && h.change !== 'added') };
  };
  const leaf = async (name: string) => {
    const root = (await store.objects.findRoot(connectionId))!;
    const db = (await store.objects.findChild(root.id, 'db'))!;
    return (await store.objects.findChild(db.id, name))!;
  };
  const tagsOf = async (name: string) =>
    (await store.tags.listFor((await leaf(name)).id)).map(({ column, name: tag, value, source }) => ({ column, name: tag, value, source }));
  const enable = async (name: string) => store.objects.setOverrides((await leaf(name)).id, { isActive: true }, clock.nowIso());

  beforeEach(async () => {
    temp = await openTempStore(kind);
    store = temp.catalog;
    const now = clock.nowIso();
    connectionId = (await store.connections.insert({ connectionKey: 'Conn', technology: 'PostgreSQL', details: {}, secretsCiphertext: null, createdBy: null }, now)).id;
    const root = await store.objects.insertRoot(connectionId, 'Conn', { isActive: false, activateNewChildren: false, dataOwners: [] }, now);
    await store.objects.insertChildren(root, [{ name: 'db', kind: 'database', isLeaf: false, stableId: 'db', comment: null, overrides: { isActive: null, activateNewChildren: null, dataOwners: null }, columnsFingerprint: null }], now, null);
  });
  afterEach(async () => temp.close());

  it('ingests the platform tags of new objects and columns, recorded as tagAdded', async () => {
    const { changes } = await list([table('t', [column('email', 1, { tags: [{ name: 'PII.Email', value: null }] })], [{ name: 'COST', value: 'c1' }])]);
    expect(await tagsOf('t')).toEqual([
      { column: null, name: 'COST', value: 'c1', source: 'platform' },
      { column: 'email', name: 'PII.Email', value: null, source: 'platform' },
    ]);
    expect(changes.map((c) => [c.change, c.details])).toEqual([
      ['tagAdded', { name: 'COST', value: 'c1' }],
      ['tagAdded', { name: 'PII.Email', value: null, column: 'email' }],
    ]);
  });

  it('makes platform tags follow the platform: added, removed, re-valued; user tags untouched', async () => {
    await list([table('t', [column('a', 1, { tags: [{ name: 'X', value: null }] })], [{ name: 'COST', value: 'c1' }, { name: 'OLD', value: null }])]);
    const t = await leaf('t');
    await store.tags.insert([
      { objectId: t.id, column: null, name: 'OLD', value: null, source: 'user', addedBy: 'user:alice', addedAt: clock.nowIso() },
      { objectId: t.id, column: 'a', name: 'X', value: null, source: 'user', addedBy: 'user:alice', addedAt: clock.nowIso() },
    ]);
    const { changes, counts } = await list([table('t', [column('a', 1, { tags: [] })], [{ name: 'COST', value: 'c2' }, { name: 'NEW', value: null }])]);
    expect(counts.changed).toBe(1);
    expect(changes.map((c) => [c.change, c.details])).toEqual([
      ['tagAdded', { name: 'NEW', value: null }],
      ['tagRemoved', { name: 'OLD', value: null }],
      ['tagChanged', { name: 'COST', from: 'c1', to: 'c2' }],
      ['tagRemoved', { name: 'X', value: null, column: 'a' }],
    ]);
    expect(await tagsOf('t')).toEqual([
      { column: null, name: 'COST', value: 'c2', source: 'platform' },
      { column: null, name: 'NEW', value: null, source: 'platform' },
      { column: null, name: 'OLD', value: null, source: 'user' },
      { column: 'a', name: 'X', value: null, source: 'user' },
    ]);
  });

  it('counts a table with the same tags as unchanged, and tags not read change nothing', async () => {
    const tagged = () => table('t', [column('a', 1, { tags: [{ name: 'X', value: '1' }] })], [{ name: 'COST', value: 'c1' }]);
    await list([tagged()]);
    expect((await list([tagged()])).counts).toMatchObject({ unchanged: 1, changed: 0 });
    const notRead = await list([table('t', [column('a', 1)])]);
    expect(notRead.counts).toMatchObject({ unchanged: 1, changed: 0 });
    expect(await tagsOf('t')).toHaveLength(2);
    // Read again after a run that could not: still the same, still unchanged.
    expect((await list([tagged()])).counts).toMatchObject({ unchanged: 1, changed: 0 });
  });

  it('gives New to added and retyped columns of an enabled table, not to a new table', async () => {
    await list([table('t', [column('a', 1), column('b', 2)])]);
    await enable('t');
    const { changes } = await list([
      table('t', [column('a', 1), column('b', 2, { type: 'text' }), column('c', 3)]),
      table('fresh', [column('x', 1)]),
    ]);
    expect(changes).toEqual([]);
    expect(await tagsOf('t')).toEqual([
      { column: 'b', name: 'New', value: null, source: 'system' },
      { column: 'c', name: 'New', value: null, source: 'system' },
    ]);
    expect(await tagsOf('fresh')).toEqual([]);
    const audit = await store.audit.search({ action: 'object.tags', offset: 0, size: 10 });
    expect(audit.hits.map((h) => [h.actor, h.target, h.objectPath])).toEqual(
      expect.arrayContaining([
        ['system:sync', 'column:b', ['Conn', 'db', 't']],
        ['system:sync', 'column:c', ['Conn', 'db', 't']],
      ]),
    );
  });

  it('gives New to nothing on a disabled table, or with tagNewColumns off', async () => {
    await list([table('off', [column('a', 1)]), table('on', [column('a', 1)])]);
    await enable('on');
    await list([table('off', [column('a', 1), column('b', 2)]), table('on', [column('a', 1), column('b', 2)])], { tagNewColumns: false });
    expect(await tagsOf('off')).toEqual([]);
    expect(await tagsOf('on')).toEqual([]);
  });

  it('records a column renamed by stable id as columnRenamed; its tags follow it and it gets no New', async () => {
    await list([table('t', [column('a', 1, { stableId: '1' }), column('b', 2, { stableId: '2' })])]);
    await enable('t');
    const t = await leaf('t');
    await store.tags.insert([{ objectId: t.id, column: 'b', name: 'PII', value: null, source: 'user', addedBy: 'user:alice', addedAt: clock.nowIso() }]);
    const { changes } = await list([table('t', [column('a', 1, { stableId: '1' }), column('renamed', 2, { stableId: '2' })])]);
    expect(changes.map((c) => [c.change, c.details])).toEqual([['columnRenamed', { from: 'b', to: 'renamed' }]]);
    expect(await tagsOf('t')).toEqual([{ column: 'renamed', name: 'PII', value: null, source: 'user' }]);
    expect((await store.columns.listFor(t.id)).map((c) => [c.name, c.stableId])).toEqual([['a', '1'], ['renamed', '2']]);
  });

  it('swaps the tags of two columns that swap names', async () => {
    await list([table('t', [column('a', 1, { stableId: '1', tags: [{ name: 'A', value: null }] }), column('b', 2, { stableId: '2', tags: [{ name: 'B', value: null }] })])]);
    await list([table('t', [column('b', 1, { stableId: '1', tags: [{ name: 'A', value: null }] }), column('a', 2, { stableId: '2', tags: [{ name: 'B', value: null }] })])]);
    expect(await tagsOf('t')).toEqual([
      { column: 'a', name: 'B', value: null, source: 'platform' },
      { column: 'b', name: 'A', value: null, source: 'platform' },
    ]);
  });

  it('treats a rename without column ids as a drop and an add: the new column gets New, the old tags stay under the old name', async () => {
    await list([table('t', [column('a', 1), column('b', 2)])]);
    await enable('t');
    const t = await leaf('t');
    await store.tags.insert([{ objectId: t.id, column: 'b', name: 'PII', value: null, source: 'user', addedBy: 'user:alice', addedAt: clock.nowIso() }]);
    const { changes } = await list([table('t', [column('a', 1), column('renamed', 2)])]);
    expect(changes).toEqual([]);
    expect(await tagsOf('t')).toEqual([
      { column: 'b', name: 'PII', value: null, source: 'user' },
      { column: 'renamed', name: 'New', value: null, source: 'system' },
    ]);
  });
});
