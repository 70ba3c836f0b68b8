import { describe, expect, it } from 'vitest';
import type { CrawledColumn, CrawledObject } from './catalog-types.js';
import { diffChildren, fingerprint, type StoredChild } from './catalog-diff.js';
import { columnsFingerprint, diffColumns } from './column-diff.js';
import { tagsFingerprint } from './tag-diff.js';

const col = (name: string, type = 'integer', ordinal = 1): CrawledColumn => ({
  name, ordinal, type, nullable: true, defaultValue: null, generated: null, comment: null,
});
const table = (name: string, stableId: string | null, columns = [col('id')]): CrawledObject => ({
  name, kind: 'table', stableId, comment: null, columns,
});
let nextId = 1;
const stored = (object: CrawledObject, removed = false): StoredChild => ({
  id: nextId++,
  name: object.name,
  kind: object.kind,
  stableId: object.stableId,
  comment: object.comment,
  removed,
  columnsFingerprint: object.columns ? columnsFingerprint(object.columns) : null,
});
const crawl = (...objects: CrawledObject[]) => objects.map(fingerprint);

describe('diffChildren', () => {
  it('compares platform tags by their fingerprint, and not at all when they were not read', () => {
    const tagged = { ...table('t', '1'), tags: [{ name: 'PII', value: null }] };
    const same = { ...stored(tagged), tagsFingerprint: tagsFingerprint(tagged.tags, tagged.columns) };
    expect(diffChildren([same], crawl(tagged)).unchanged).toEqual([same]);
    expect(diffChildren([same], crawl(table('t', '1'))).unchanged).toEqual([same]);
    const retagged = diffChildren([same], crawl({ ...tagged, tags: [{ name: 'PII', value: 'email' }] }));
    expect(retagged.changed.map((c) => c.fields)).toEqual([['tags']]);
    expect(diffChildren([stored(table('t', '1'))], crawl(tagged)).changed.map((c) => c.fields)).toEqual([['tags']]);
  });

  it('sorts objects into added, unchanged, changed and removed', () => {
    const kept = stored(table('kept', '1'));
    const retyped = stored(table('retyped', '2'));
    const gone = stored(table('gone', '3'));
    const diff = diffChildren([kept, retyped, gone], crawl(table('kept', '1'), table('retyped', '2', [col('id', 'bigint')]), table('new', '4')));
    expect(diff.unchanged).toEqual([kept]);
    expect(diff.changed.map((c) => [c.stored.name, c.fields])).toEqual([['retyped', ['columns']]]);
    expect(diff.removed).toEqual([gone]);
    expect(diff.added.map((a) => a.name)).toEqual(['new']);
  });

  it('keeps a leaf whose columns were not read unchanged, not emptied', () => {
    const kept = stored(table('twin', null));
    const { columns: _unread, ...unread } = table('twin', null);
    const diff = diffChildren([kept], crawl(unread));
    expect(diff.unchanged).toEqual([kept]);
  });

  it('recognises a rename by stable id', () => {
    const before = stored(table('old_name', '42'));
    const diff = diffChildren([before], crawl(table('new_name', '42')));
    expect(diff.renamed).toHaveLength(1);
    expect(diff.renamed[0]?.stored).toBe(before);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
  });

  it('treats a table re-created under the same name as the same object', () => {
    const before = stored(table('t', '1'));
    const diff = diffChildren([before], crawl(table('t', '99')));
    expect(diff.changed.map((c) => c.fields)).toEqual([['stableId']]);
  });

  it('restores an object that was removed and came back', () => {
    const before = stored(table('back', '7'), true);
    const diff = diffChildren([before], crawl(table('back', '7')));
    expect(diff.restored.map((r) => r.stored)).toEqual([before]);
  });

  it('does not remove what is already removed', () => {
    expect(diffChildren([stored(table('gone', '1'), true)], []).removed).toEqual([]);
  });

  it('keeps the first of two objects whose names collide and reports the conflict', () => {
    const diff = diffChildren([], crawl(table('dup', '1'), table('dup', '2')));
    expect(diff.added.map((a) => a.stableId)).toEqual(['1']);
    expect(diff.conflicts.map((c) => [c.kept.stableId, c.dropped.stableId])).toEqual([['1', '2']]);
  });

  it('keeps names that differ only in case apart', () => {
    const diff = diffChildren([stored(table('Orders', '1'))], crawl(table('Orders', '1'), table('orders', '2')));
    expect(diff.unchanged).toHaveLength(1);
    expect(diff.added.map((a) => a.name)).toEqual(['orders']);
  });

  it('limits removals to the one object a scoped listing covers', () => {
    const other = stored(table('other', '1'));
    const target = stored(table('target', '2'));
    const diff = diffChildren([other, target], [], { name: 'target', stableId: '2' });
    expect(diff.removed).toEqual([target]);
  });

  it('finds a renamed target of a scoped listing by stable id', () => {
    const target = stored(table('target', '2'));
    const diff = diffChildren([target], crawl(table('renamed', '2')), { name: 'target', stableId: '2' });
    expect(diff.renamed.map((r) => r.crawled.name)).toEqual(['renamed']);
  });
});

describe('diffChildren by stable id first', () => {
  it('sees a name swap as two renames, the ids keeping their objects', () => {
    const artist = stored(table('artist', '1'));
    const genre = stored(table('genre', '2'));
    const diff = diffChildren([artist, genre], crawl(table('genre', '1'), table('artist', '2')));
    expect(diff.renamed.map((r) => [r.stored.id, r.crawled.name])).toEqual([[artist.id, 'genre'], [genre.id, 'artist']]);
    expect([diff.added, diff.removed, diff.changed, diff.displaced]).toEqual([[], [], [], []]);
  });

  it('sees a rename plus a new table under the old name as a rename and an addition', () => {
    const orders = stored(table('orders', '1'));
    const diff = diffChildren([orders], crawl(table('orders_old', '1'), table('orders', '7')));
    expect(diff.renamed.map((r) => [r.stored, r.crawled.name])).toEqual([[orders, 'orders_old']]);
    expect(diff.added.map((a) => [a.name, a.stableId])).toEqual([['orders', '7']]);
    expect([diff.removed, diff.changed, diff.displaced]).toEqual([[], [], []]);
  });

  it('keeps a dropped and re-created table (its old id gone from the listing) by name, with the new id', () => {
    const model = stored(table('model', '1'));
    const diff = diffChildren([model], crawl(table('model', '8', [col('id'), col('extra', 'text', 2)])));
    expect(diff.changed.map((c) => [c.stored, c.fields])).toEqual([[model, ['columns', 'stableId']]]);
    expect([diff.added, diff.removed]).toEqual([[], []]);
  });

  it('does not take a name from a stored child whose id the listing shows under another name', () => {
    const a = stored(table('a', '1'));
    const b = stored(table('b', '2'));
    const diff = diffChildren([a, b], crawl(table('b', '1'), table('a', '3')));
    expect(diff.renamed.map((r) => [r.stored, r.crawled.name])).toEqual([[a, 'b']]);
    expect(diff.added.map((o) => o.stableId)).toEqual(['3']);
    expect(diff.removed).toEqual([b]);
    expect(diff.displaced).toEqual([b]);
  });

  it('does not remove a child renamed onto a name another object also has: its id is on the dropped duplicate', () => {
    // Found by catalog-diff.property.test.ts: the platform still has the table, it only lost the collision.
    const orders = stored(table('orders', '1'));
    const diff = diffChildren([orders], crawl(table('Orders', '2'), table('Orders', '1')));
    expect(diff.conflicts.map((c) => c.dropped.stableId)).toEqual(['1']);
    expect(diff.added.map((o) => o.stableId)).toEqual(['2']);
    expect([diff.removed, diff.renamed, diff.displaced]).toEqual([[], [], []]);
  });

  it('lets a child whose id is on a dropped duplicate give its name up to the object renamed onto it, without removing it', () => {
    const orders = stored(table('orders', '1'));
    const archive = stored(table('archive', '2'));
    const diff = diffChildren([orders, archive], crawl(table('orders', '2'), table('orders', '1')));
    expect(diff.renamed.map((r) => [r.stored, r.crawled.name])).toEqual([[archive, 'orders']]);
    expect(diff.displaced).toEqual([orders]);
    expect(diff.removed).toEqual([]);
  });

  it('does not hand a child whose id is on a dropped duplicate to an id-less object by its columns', () => {
    const orders = stored(table('orders', '1'));
    const diff = diffChildren([orders], crawl(table('Orders', null), table('Orders', '1')));
    expect(diff.added.map((o) => o.stableId)).toEqual([null]);
    expect([diff.removed, diff.renamed]).toEqual([[], []]);
  });

  it('displaces a removed child whose name now belongs to another object', () => {
    const tombstone = stored(table('t', '5'), true);
    const renamedInto = stored(table('u', '9'));
    const diff = diffChildren([tombstone, renamedInto], crawl(table('t', '9')));
    expect(diff.renamed.map((r) => r.stored)).toEqual([renamedInto]);
    expect(diff.displaced).toEqual([tombstone]);
    expect(diff.removed).toEqual([]);
  });

  it('moves an object stored under another parent of the scope, by stable id, removed or not', () => {
    const moved = stored(table('track', '40'), true);
    const diff = diffChildren([], crawl(table('track', '40'), table('fresh', '41')), undefined, [moved]);
    expect(diff.moved.map((m) => [m.stored, m.crawled.name])).toEqual([[moved, 'track']]);
    expect(diff.added.map((o) => o.name)).toEqual(['fresh']);
  });

  it('prefers a match here over a move, and a present object over a removed one', () => {
    const here = stored(table('t', '1'));
    const away = stored(table('t', '1'));
    expect(diffChildren([here], crawl(table('t', '1')), undefined, [away]).unchanged).toEqual([here]);
    const gone = stored(table('x', '2'), true);
    const present = stored(table('y', '2'));
    expect(diffChildren([], crawl(table('z', '2')), undefined, [gone, present]).moved.map((m) => m.stored)).toEqual([present]);
  });

  it('decides per object pair in a mixed listing: ids where both sides have one, names and columns elsewhere', () => {
    const wide = [col('id', 'int', 1), col('label', 'text', 2)];
    const withId = stored(table('with_id', '1'));
    const noId = stored(table('no_id', null, wide));
    const idLost = stored(table('id_lost', '3'));
    const diff = diffChildren(
      [withId, noId, idLost],
      crawl(table('with_id_renamed', '1'), table('no_id_renamed', null, wide), table('id_lost', null), table('id_new', '4', [col('other')])),
    );
    expect(diff.renamed.map((r) => [r.stored, r.crawled.name])).toEqual([[withId, 'with_id_renamed'], [noId, 'no_id_renamed']]);
    expect(diff.changed.map((c) => [c.stored, c.fields])).toEqual([[idLost, ['stableId']]]);
    expect(diff.added.map((o) => o.name)).toEqual(['id_new']);
    expect(diff.removed).toEqual([]);
  });

  it('pairs by columns only where not both sides have a stable id', () => {
    const wide = [col('id', 'int', 1), col('label', 'text', 2)];
    const both = diffChildren([stored(table('a', '1', wide))], crawl(table('b', '2', wide)));
    expect([both.renamed, both.added.length, both.removed.length]).toEqual([[], 1, 1]);
    const one = diffChildren([stored(table('a', '1', wide))], crawl(table('b', null, wide)));
    expect(one.renamed.map((r) => r.crawled.name)).toEqual(['b']);
  });
});

describe('diffChildren without stable ids: the column fingerprint', () => {
  const wide = [col('id', 'int(11)', 1), col('name', 'varchar(20)', 2)];

  it('recognises one disappeared and one appeared leaf with identical columns as a rename', () => {
    const before = stored(table('customers', null, wide));
    const other = stored(table('orders', null, [col('id', 'bigint(20)')]));
    const diff = diffChildren([before, other], crawl(table('clients', null, wide), table('orders', null, [col('id', 'bigint(20)')])));
    expect(diff.renamed.map((r) => [r.stored.name, r.crawled.name])).toEqual([['customers', 'clients']]);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.unchanged).toEqual([other]);
  });

  it('does not guess when two disappeared or two appeared leaves share the fingerprint', () => {
    const a = stored(table('a', null, wide));
    const b = stored(table('b', null, wide));
    const twoGone = diffChildren([a, b], crawl(table('c', null, wide)));
    expect(twoGone.renamed).toEqual([]);
    expect(twoGone.added.map((o) => o.name)).toEqual(['c']);
    expect(twoGone.removed).toEqual([a, b]);

    const twoNew = diffChildren([stored(table('a', null, wide))], crawl(table('x', null, wide), table('y', null, wide)));
    expect(twoNew.renamed).toEqual([]);
    expect(twoNew.added.map((o) => o.name)).toEqual(['x', 'y']);
    expect(twoNew.removed.map((s) => s.name)).toEqual(['a']);
  });

  it('pairs each fingerprint on its own: an ambiguous group does not block an unambiguous one', () => {
    const unique = stored(table('solo', null, [col('only_here')]));
    const twins = [stored(table('t1', null, wide)), stored(table('t2', null, wide))];
    const diff = diffChildren([unique, ...twins], crawl(table('solo2', null, [col('only_here')]), table('t3', null, wide)));
    expect(diff.renamed.map((r) => [r.stored.name, r.crawled.name])).toEqual([['solo', 'solo2']]);
    expect(diff.added.map((o) => o.name)).toEqual(['t3']);
    expect(diff.removed.map((s) => s.name)).toEqual(['t1', 't2']);
  });

  it('needs identical columns and the same kind', () => {
    const retyped = diffChildren([stored(table('a', null, wide))], crawl(table('b', null, [col('id', 'bigint(20)', 1), col('name', 'varchar(20)', 2)])));
    expect(retyped.renamed).toEqual([]);
    const asView = diffChildren([stored(table('a', null, wide))], crawl({ ...table('b', null, wide), kind: 'view' }));
    expect(asView.renamed).toEqual([]);
    expect(asView.added.map((o) => o.name)).toEqual(['b']);
  });

  it('never renames containers, already removed children, or through a scoped listing', () => {
    const database = (name: string): CrawledObject => ({ name, kind: 'database', stableId: null, comment: null });
    expect(diffChildren([stored(database('a'))], crawl(database('b'))).renamed).toEqual([]);
    expect(diffChildren([stored(table('a', null, wide), true)], crawl(table('b', null, wide))).renamed).toEqual([]);
    const scoped = diffChildren([stored(table('a', null, wide))], crawl(table('b', null, wide)), { name: 'a', stableId: null });
    expect(scoped.renamed).toEqual([]);
  });

  it('matches by name before guessing: a re-created table is restored, not a rename target', () => {
    const gone = stored(table('t', null, wide), true);
    const renamedAway = stored(table('u', null, wide));
    const diff = diffChildren([gone, renamedAway], crawl(table('t', null, wide)));
    expect(diff.restored.map((r) => r.stored)).toEqual([gone]);
    expect(diff.removed).toEqual([renamedAway]);
    expect(diff.renamed).toEqual([]);
  });

});

describe('diffColumns', () => {
  it('reports added, dropped and modified columns', () => {
    const changes = diffColumns(
      [col('id', 'integer', 1), col('name', 'text', 2), col('old', 'text', 3)],
      [col('id', 'bigint', 1), col('name', 'text', 2), col('new', 'date', 4)],
    );
    expect(changes).toEqual([
      { change: 'modified', column: 'id', fields: { type: { from: 'integer', to: 'bigint' } } },
      { change: 'added', column: 'new', type: 'date' },
      { change: 'dropped', column: 'old', type: 'text' },
    ]);
  });

  it('reports a change of generation as a modified column', () => {
    const doubled = { ...col('doubled'), generated: { expression: '(a * 2)', stored: true } };
    expect(diffColumns([doubled], [{ ...doubled, generated: { expression: '(a * 2)', stored: true } }])).toEqual([]);
    expect(diffColumns([doubled], [{ ...doubled, generated: { expression: '(a * 3)', stored: true } }])).toEqual([
      { change: 'modified', column: 'doubled', fields: { generated: { from: { expression: '(a * 2)', stored: true }, to: { expression: '(a * 3)', stored: true } } } },
    ]);
    expect(diffColumns([doubled], [{ ...doubled, generated: { expression: '(a * 2)', stored: false } }])[0]).toMatchObject({ fields: { generated: { to: { stored: false } } } });
    expect(diffColumns([{ ...doubled, defaultValue: '(a * 2)', generated: null }], [doubled])).toEqual([
      { change: 'modified', column: 'doubled', fields: { defaultValue: { from: '(a * 2)', to: null }, generated: { from: null, to: { expression: '(a * 2)', stored: true } } } },
    ]);
  });

  it('gives equal fingerprints exactly for equal dictionaries', () => {
    expect(columnsFingerprint([col('a')])).toBe(columnsFingerprint([col('a')]));
    expect(columnsFingerprint([col('a')])).not.toBe(columnsFingerprint([{ ...col('a'), nullable: false }]));
    expect(columnsFingerprint([{ ...col('a'), comment: '' }])).not.toBe(columnsFingerprint([col('a')]));
    const generated = (expression: string, stored: boolean) => [{ ...col('a'), generated: { expression, stored } }];
    expect(columnsFingerprint(generated('1', true))).toBe(columnsFingerprint(generated('1', true)));
    expect(columnsFingerprint(generated('1', true))).not.toBe(columnsFingerprint(generated('1', false)));
    expect(columnsFingerprint(generated('1', true))).not.toBe(columnsFingerprint(generated('2', true)));
    expect(columnsFingerprint(generated('1', true))).not.toBe(columnsFingerprint([col('a')]));
  });

  it('keeps the fingerprint of a dictionary without generated columns as it was before they were recorded', () => {
    // The digest stores written before generation was recorded hold: an upgrade must not see every table as changed.
    expect(columnsFingerprint([col('id', 'integer', 1), { ...col('name', 'text', 2), defaultValue: "'x'", comment: 'c' }])).toBe('Zad9xw8lnDh1Of47Tx6VHPyvP7E=');
  });
});
