import { describe, expect, it } from 'vitest';
import { mapTrinoContainers, mapTrinoLeaves, unreadableTwins, type TrinoColumnRow } from './trino-mapper.js';

// Rows as Trino 476 returned them for a PostgreSQL schema seen through the `pg` catalog.
const tables: [string, string][] = [
  ['plain', 'BASE TABLE'],
  ['v', 'VIEW'],
  ['hostile "quote" . / é', 'BASE TABLE'],
  ['odd', 'SOMETHING ELSE'],
];
const columns: TrinoColumnRow[] = [
  ['plain', 'amount', 3, 'decimal(10,2)', 'YES', null, null],
  ['plain', 'id', 1, 'integer', 'NO', null, null],
  ['v', 'one', 1, 'integer', 'YES', null, null],
  ['plain', 'note', 2, 'varchar(20)', 'YES', null, 'a note'],
  ['not listed', 'x', 1, 'integer', 'YES', null, null],
];
const comments: [string, string | null][] = [
  ['plain', 'plain table'],
  ['v', null],
];

describe('mapTrinoLeaves', () => {
  const leaves = mapTrinoLeaves(tables, columns, comments);

  it('keeps names exactly, maps BASE TABLE and VIEW, and skips unknown types', () => {
    expect(leaves.map((leaf) => [leaf.name, leaf.kind])).toEqual([
      ['plain', 'table'],
      ['v', 'view'],
      ['hostile "quote" . / é', 'table'],
    ]);
  });

  it('orders columns by ordinal with Trino type text, nullability and column comments', () => {
    expect(leaves[0]!.columns).toEqual([
      { name: 'id', ordinal: 1, type: 'integer', nullable: false, defaultValue: null, generated: null, comment: null },
      { name: 'note', ordinal: 2, type: 'varchar(20)', nullable: true, defaultValue: null, generated: null, comment: 'a note' },
      { name: 'amount', ordinal: 3, type: 'decimal(10,2)', nullable: true, defaultValue: null, generated: null, comment: null },
    ]);
    expect(leaves[2]!.columns).toEqual([]);
  });

  it('takes table comments from system.metadata.table_comments; no stable ids', () => {
    expect(leaves.map((leaf) => [leaf.name, leaf.comment, leaf.stableId])).toEqual([
      ['plain', 'plain table', null],
      ['v', null, null],
      ['hostile "quote" . / é', null, null],
    ]);
  });
});

describe('mapTrinoContainers', () => {
  it('names → containers of the level, without comments or ids', () => {
    expect(mapTrinoContainers([['pg'], ['mem']], 'catalog')).toEqual([
      { name: 'pg', kind: 'catalog', stableId: null, comment: null },
      { name: 'mem', kind: 'catalog', stableId: null, comment: null },
    ]);
  });

  it('reports a listed name that resolved to nothing as two tables of that name, columns not read', () => {
    const read = mapTrinoLeaves([['lines', 'BASE TABLE']], [], []);
    expect(unreadableTwins(['lines', 'orders'], read)).toEqual([
      { name: 'orders', kind: 'table', stableId: null, comment: null },
      { name: 'orders', kind: 'table', stableId: null, comment: null },
    ]);
    expect(unreadableTwins(['lines'], read)).toEqual([]);
  });
});
