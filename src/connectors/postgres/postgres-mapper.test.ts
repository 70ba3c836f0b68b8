import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CrawledObject } from '../../domain/catalog-types.js';
import { ColumnGrouping, leafKind, mapContainers, mapLeaves, oidParameter, pickScopedMatch } from './postgres-mapper.js';
import { MIXED_CASE_LEAVES, TYPED_COLUMNS } from '../../../test/fixtures/postgres/hostile-names-expected.js';
import type { ColumnRow, ColumnRows, ContainerRow, RelationRow } from './postgres-queries.js';

function fixture<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`../../../test/fixtures/postgres/${file}`, import.meta.url), 'utf8')) as T;
}

const databases = fixture<ContainerRow[]>('databases.rows.json');
const schemas = fixture<ContainerRow[]>('schemas.rows.json');
const relations = fixture<RelationRow[]>('mixed-case-relations.rows.json');
const columns = fixture<ColumnRows>('mixed-case-columns.rows.json');

function byName(objects: CrawledObject[], name: string): CrawledObject {
  const found = objects.find((object) => object.name === name);
  if (found === undefined) throw new Error(`no object named ${name}`);
  return found;
}

describe('mapContainers', () => {
  it('keeps names, oids and comments exactly', () => {
    expect(mapContainers(databases, 'database')).toEqual([
      { name: 'postgres', kind: 'database', stableId: '5', comment: 'default administrative connection database' },
      { name: 'warden_test_13255_1_8c7e02_Dé "q".x/y', kind: 'database', stableId: '346547', comment: 'Hostile names test database' },
    ]);
    const mapped = mapContainers(schemas, 'schema');
    expect(mapped.map((schema) => schema.name)).toEqual([
      'Case',
      'Mixed Case',
      'case',
      'dots.and/slashes',
      'public',
      'with "quotes" and spaces',
      'Ünïcødé 表',
    ]);
    expect(byName(mapped, 'Mixed Case')).toEqual({
      name: 'Mixed Case',
      kind: 'schema',
      stableId: '346636',
      comment: "Schema with a 'quoted' comment",
    });
  });
});

describe('mapLeaves', () => {
  const leaves = mapLeaves(relations, columns);

  it('maps every relkind to its leaf kind', () => {
    expect(Object.fromEntries(leaves.map((leaf) => [leaf.name, leaf.kind]))).toEqual(MIXED_CASE_LEAVES);
  });

  it('builds the dictionary: ordinals with gaps, types, nullability, defaults, generated columns, comments', () => {
    const typed = byName(leaves, 'Typed Columns');
    expect(typed.stableId).toBe('346651');
    expect(typed.comment).toBe('Every column kind we care about');
    expect(typed.columns).toEqual(TYPED_COLUMNS);
  });

  it("reads a generated column's pg_attrdef row as its expression, stored or virtual, never as a default", () => {
    const relation: RelationRow = ['1', 'generated', 'r', null];
    const [leaf] = mapLeaves([relation], {
      columns: [
        ['1', 'plain', 1, 'integer', true, ''],
        ['1', 'stored', 2, 'integer', true, 's'],
        ['1', 'virtual', 3, 'integer', true, 'v'],
      ],
      defaults: [
        ['1', 1, '0'],
        ['1', 2, '(plain * 2)'],
        ['1', 3, '(plain * 3)'],
      ],
      comments: [],
    });
    expect(leaf!.columns!.map(({ name, defaultValue, generated }) => ({ name, defaultValue, generated }))).toEqual([
      { name: 'plain', defaultValue: '0', generated: null },
      { name: 'stored', defaultValue: null, generated: { expression: '(plain * 2)', stored: true } },
      { name: 'virtual', defaultValue: null, generated: { expression: '(plain * 3)', stored: false } },
    ]);
  });

  it('leaves out defaults and comments of columns that are not listed (no privilege on them)', () => {
    const [leaf] = mapLeaves([['1', 'partly visible', 'r', null]], {
      columns: [['1', 'visible', 1, 'integer', true, '']],
      defaults: [['1', 2, "'secret'::text"]],
      comments: [['1', 2, 'hidden']],
    });
    expect(leaf!.columns).toEqual([{ name: 'visible', ordinal: 1, stableId: '1', type: 'integer', nullable: true, defaultValue: null, generated: null, comment: null }]);
  });

  it('gives a relation without columns an empty list', () => {
    expect(byName(leaves, 'no columns').columns).toEqual([]);
  });

  it('orders columns by ordinal whatever order the rows arrive in', () => {
    expect(mapLeaves(relations, { columns: [...columns.columns].reverse(), defaults: [...columns.defaults].reverse(), comments: [...columns.comments].reverse() })).toEqual(leaves);
  });

  it('ignores columns of relations that are not listed', () => {
    const orphan: ColumnRow = ['999999', 'ghost', 1, 'integer', true, ''];
    expect(mapLeaves(relations, { ...columns, columns: [...columns.columns, orphan], comments: [...columns.comments, ['999999', 1, 'ghostly']] })).toEqual(leaves);
  });

  it('gives the same leaves when the columns and the relations are taken chunk by chunk', () => {
    for (const size of [1, 3, 1000]) {
      const grouping = new ColumnGrouping(columns);
      for (let start = 0; start < columns.columns.length; start += size) grouping.add(columns.columns.slice(start, start + size));
      const chunked: CrawledObject[] = [];
      for (let start = 0; start < relations.length; start += size) chunked.push(...grouping.leaves(relations.slice(start, start + size)));
      expect(chunked).toEqual(leaves);
    }
  });

  it('refuses relkinds that are never objects', () => {
    expect(() => leafKind('S')).toThrow(/relkind "S"/);
    expect(() => mapLeaves([['1', 'an index', 'i', null]], { columns: [], defaults: [], comments: [] })).toThrow(/relkind "i"/);
  });
});

describe('pickScopedMatch', () => {
  const renamed: CrawledObject = { name: 'new name', kind: 'table', stableId: '10', comment: null };
  const newcomer: CrawledObject = { name: 'old name', kind: 'table', stableId: '20', comment: null };

  it('prefers the stable id, so a renamed object is found even when its old name was reused', () => {
    expect(pickScopedMatch([newcomer, renamed], { name: 'old name', stableId: '10' })).toBe(renamed);
  });

  it('falls back to the exact name', () => {
    expect(pickScopedMatch([newcomer], { name: 'old name', stableId: '10' })).toBe(newcomer);
    expect(pickScopedMatch([newcomer], { name: 'old name', stableId: null })).toBe(newcomer);
    expect(pickScopedMatch([newcomer], { name: 'OLD NAME', stableId: null })).toBeUndefined();
  });
});

describe('oidParameter', () => {
  it('passes valid oids and turns anything else into null', () => {
    expect(oidParameter('16384')).toBe('16384');
    expect(oidParameter('4294967295')).toBe('4294967295');
    expect(oidParameter(null)).toBeNull();
    expect(oidParameter('4294967296')).toBeNull();
    expect(oidParameter('-1')).toBeNull();
    expect(oidParameter('TABLE_ID_12')).toBeNull();
    expect(oidParameter('')).toBeNull();
  });
});
