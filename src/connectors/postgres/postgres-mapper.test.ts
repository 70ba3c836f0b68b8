import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CrawledObject } from '../../domain/catalog-types.js';
import { leafKind, mapContainers, mapLeaves, oidParameter, pickScopedMatch } from './postgres-mapper.js';
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

  it('builds the dictionary: ordinals with gaps, types, nullability, defaults, comments', () => {
    const typed = byName(leaves, 'Typed Columns');
    expect(typed.stableId).toBe('346651');
    expect(typed.comment).toBe('Every column kind we care about');
    expect(typed.columns).toEqual(TYPED_COLUMNS);
  });

  it('gives a relation without columns an empty list', () => {
    expect(byName(leaves, 'no columns').columns).toEqual([]);
  });

  it('orders columns by ordinal whatever order the rows arrive in', () => {
    expect(mapLeaves(relations, { columns: [...columns.columns].reverse(), defaults: [...columns.defaults].reverse(), comments: [...columns.comments].reverse() })).toEqual(leaves);
  });

  it('ignores columns of relations that are not listed', () => {
    const orphan: ColumnRow = ['999999', 'ghost', 1, 'integer', true];
    expect(mapLeaves(relations, { ...columns, columns: [...columns.columns, orphan], comments: [...columns.comments, ['999999', 1, 'ghostly']] })).toEqual(leaves);
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
